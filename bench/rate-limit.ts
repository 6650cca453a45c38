// What the per-token API limit costs a request: the shared limiter's `consume` (one round trip to
// PostgreSQL per request) against the leased form the API uses (lib/rate-limit/leased.ts: one
// round trip per slice, the rest from memory). Interleaved rounds, one request at a time, so both
// see the same machine; prints the mean and p95 per call.
//   npx tsx bench/rate-limit.ts [--calls 3000] [--rounds 5] [--database-url postgres://…/postgres]
// Without --database-url it uses a throwaway embedded PostgreSQL.
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { applyMigrations } from "@/scripts/db/engine";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-pg";
import { quoteIdent, withClient, withDatabase } from "@/scripts/lib/pg-url";
import { summarize } from "./deconfliction/stats";

const { values: opt } = parseArgs({
  options: {
    calls: { type: "string", default: "3000" },
    rounds: { type: "string", default: "5" },
    "database-url": { type: "string" },
  },
});
const CALLS = Number(opt.calls);
const ROUNDS = Number(opt.rounds);
const say = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  const embedded = opt["database-url"]
    ? null
    : await startEmbeddedPostgres({
        dataDir: path.join(os.tmpdir(), `cg-bench-limits-${randomBytes(4).toString("hex")}`),
        ephemeral: true,
      });
  const adminUrl = opt["database-url"] ?? embedded!.adminUrl;
  const name = `cg_bench_limits_${randomBytes(4).toString("hex")}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = withDatabase(adminUrl, name);
  try {
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    process.env.AUTH_SECRET ??= randomBytes(24).toString("base64url");
    const { createDb, poolOf } = await import("@/lib/db/client");
    const { consume } = await import("@/lib/rate-limit/limiter");
    const { createLeaseBook } = await import("@/lib/rate-limit/leased");
    const db = createDb(url, 4);
    const variants = {
      "consume per request (one round trip each)": (key: string) => consume(db, "apiToken", key),
      "leased (lib/rate-limit/leased.ts)": (() => {
        const book = createLeaseBook();
        return (key: string) => book.consume(db, "apiToken", key);
      })(),
    } as const;
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [label, call] of Object.entries(variants)) {
        // A fresh key per round and variant, spread over tokens as a busy server sees them.
        for (let i = 0; i < CALLS; i++) {
          const key = `token:${round}:${label.length}:${i % 16}`;
          const t0 = performance.now();
          await call(key);
          samples[label].push(performance.now() - t0);
        }
      }
    }
    for (const [label, s] of Object.entries(samples)) {
      const sum = summarize(s);
      const mean = s.reduce((a, b) => a + b, 0) / s.length;
      say(
        `${label.padEnd(44)} mean ${mean.toFixed(3)} ms   p50 ${sum.p50.toFixed(3)} ms   p95 ${sum.p95.toFixed(3)} ms   (n=${s.length})`,
      );
    }
    await poolOf(db)?.end();
  } finally {
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    await embedded?.stop();
  }
  process.exit(0);
}

void main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
