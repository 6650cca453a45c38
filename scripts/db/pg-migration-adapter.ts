// The driver adapter the WASM schema engine talks to PostgreSQL through: @prisma/adapter-pg
// 7.10 with four defects worked around (see each function), plus tracking of every pool it
// opens so a caller can close them all instead of waiting for pg's idle timeout.
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import { randomUUID } from "node:crypto";
import { quoteIdent, withClient, withDatabase } from "../lib/pg-url";

const CHAR_OID = 18; // PostgreSQL's one-byte "char" (pg_class.relkind, pg_constraint.contype…)
const TEXT_OID = 25;

/** What adapter-pg's adapters and transactions have besides the public interface. */
interface PgQueryableInternals {
  performIO(query: SqlQuery): Promise<{ fields: { dataTypeID: number }[]; rows: unknown[][] }>;
  queryRaw(query: SqlQuery): Promise<SqlResultSet>;
  onError(error: unknown): never;
  client: { query(text: string): Promise<unknown> };
}

/**
 * Defect 1: adapter-pg cannot map "char" (OID 18), so every schema read that selects such a
 * column fails with "Column type 'char' could not be deserialized". Report it as Character
 * (Text makes the engine panic once a CHECK constraint exists).
 */
function mapCharColumns<T extends object>(queryable: T): T {
  const q = queryable as unknown as PgQueryableInternals;
  const charColumns = new WeakMap<object, number[]>();
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length > 0) charColumns.set(result.rows, indexes);
    return result;
  };
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const i of charColumns.get(resultSet.rows) ?? []) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

/**
 * Defect 4: executeScript splits the script on every ";", which breaks any migration with a
 * semicolon inside a function body or a string. Send the whole script as one simple-protocol
 * query instead: PostgreSQL runs it as one implicit transaction, as Prisma's native engine does.
 */
function runScriptsWhole(adapter: SqlDriverAdapter): void {
  const q = adapter as unknown as PgQueryableInternals;
  adapter.executeScript = async (script: string) => {
    try {
      await q.client.query(script);
    } catch (error) {
      q.onError(error);
    }
  };
}

function patchAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  mapCharColumns(adapter);
  runScriptsWhole(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => mapCharColumns(await startTransaction(isolationLevel));
  return adapter;
}

export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Ends every pool this factory opened (and drops any shadow database still around). */
  close(): Promise<void>;
}

export function migrationAdapterFactory(url: string): MigrationAdapterFactory {
  const open = new Set<SqlDriverAdapter>();

  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      open.delete(adapter);
      await dispose();
    };
    return adapter;
  };

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      return track(patchAdapter(await new PrismaPg({ connectionString: url, max: 4 }).connect()));
    },
    /**
     * Defect 2: given a connection string, adapter-pg's shadow pool still connects to the main
     * database (its `database` override loses to the string): point the URL itself at the
     * shadow database. Defect 3: it drops the shadow database while its own pool is still
     * connected; close the pool first, then drop WITH (FORCE).
     */
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
      await withClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      const adapter = patchAdapter(await new PrismaPg({ connectionString: withDatabase(url, name), max: 4 }).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
      };
      return track(adapter);
    },
    async close() {
      await Promise.allSettled([...open].map((adapter) => adapter.dispose()));
    },
  };
}
