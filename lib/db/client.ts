// The one Prisma client for the process, over a node-postgres pool (no native engine). The few
// hot read paths that run on every API request (token lookup, candidate search, request audit)
// send their SQL to the same pool directly: Prisma's per-query machinery costs more than the
// query itself there. Everything else goes through Prisma.
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Prisma } from "./generated/client";
import { PrismaClient } from "./generated/client";
import { env } from "../env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { __cgPrisma?: PrismaClient; __cgPools?: WeakMap<object, pg.Pool> };

/**
 * The pool under each client made by createDb (transaction clients have none). Kept on globalThis,
 * like the client: the server bundles may hold more than one copy of this module.
 */
const pools = (globalForDb.__cgPools ??= new WeakMap<object, pg.Pool>());

/**
 * Interactive transactions wait for a pooled connection, and run, longer than Prisma's defaults
 * (2 s and 5 s): under a burst every connection can be busy for seconds, and a request that
 * waited should answer late rather than fail (the load benchmark's pages and actions did). Writes
 * that queue behind cell locks ask for more themselves (lib/operations/tx.ts).
 */
export const TRANSACTION_DEFAULTS = { maxWait: 15_000, timeout: 20_000 } as const;

export function createDb(connectionString: string, max = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString, max });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: TRANSACTION_DEFAULTS,
  });
  pools.set(client, pool);
  return client;
}

export function db(): PrismaClient {
  if (!globalForDb.__cgPrisma) globalForDb.__cgPrisma = createDb(env().DATABASE_URL);
  return globalForDb.__cgPrisma;
}

/** The node-postgres pool a client made by createDb runs on; null for a transaction client. */
export function poolOf(q: Db | Tx): pg.Pool | null {
  return pools.get(q) ?? null;
}

/** Statement names by text: each connection parses and plans a named statement once. */
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `cg_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    if (statementNames.size < 1_000) statementNames.set(text, name);
  }
  return name;
}

/** Runs one statement and returns its rows. */
export type RunSql = <T>(sql: Prisma.Sql) => Promise<T[]>;

/** A statement through node-postgres, prepared once per connection under a name derived from its text. */
function pgRun(q: pg.Pool | pg.PoolClient): RunSql {
  return async <T>(sql: Prisma.Sql) =>
    (await q.query({ name: statementName(sql.text), text: sql.text, values: sql.values })).rows as T[];
}

/**
 * Rows of a raw query: straight through the pool, as a prepared statement, when `q` has one;
 * else through Prisma (inside a transaction). Only for statements whose columns node-postgres and
 * Prisma read alike (text, uuid, integer, double precision, timestamptz, jsonb, text[]; not bigint
 * or numeric), and whose text comes from a fixed set of shapes (values go in parameters).
 */
export async function rawRows<T>(q: Db | Tx, sql: Prisma.Sql): Promise<T[]> {
  const pool = poolOf(q);
  return pool ? pgRun(pool)<T>(sql) : q.$queryRaw<T[]>(sql);
}

/** `run` for the statements of a Prisma transaction. */
export function runInTx(tx: Tx): RunSql {
  return <T>(sql: Prisma.Sql) => tx.$queryRaw<T[]>(sql);
}

/**
 * `fn` in one short transaction of raw statements: on a pooled connection straight through
 * node-postgres when `db` has a pool, else as a Prisma interactive transaction.
 */
export async function rawTransaction<T>(db: Db, fn: (run: RunSql) => Promise<T>): Promise<T> {
  const pool = poolOf(db);
  if (!pool) return db.$transaction((tx) => fn(runInTx(tx)));
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    try {
      const result = await fn(pgRun(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((e: Error) => (broken = e));
      throw error;
    }
  } finally {
    // A connection that could not roll back is closed rather than handed to the next caller.
    client.release(broken);
  }
}
