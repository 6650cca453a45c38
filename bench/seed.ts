// Time to seed the demo world into an empty, migrated database (target: under 5 s), over three
// fresh databases on a throwaway embedded PostgreSQL.
// Run: npx tsx bench/seed.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../scripts/db/engine";
import { startEmbeddedPostgres } from "../scripts/lib/embedded-pg";
import { quoteIdent, withClient, withDatabase } from "../scripts/lib/pg-url";
import { createDb } from "../lib/db/client";
import { seed } from "../prisma/seed";

process.env.AUTH_SECRET ??= "bench-only-secret-0123456789abcdefghij";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-bench-seed-"));
fs.chmodSync(dir, 0o755);
const server = await startEmbeddedPostgres({ dataDir: dir, ephemeral: true });
try {
  const template = "bench_seed_template";
  await applyMigrations(withDatabase(server.adminUrl, template));
  for (let run = 1; run <= 3; run++) {
    const name = `bench_seed_${run}`;
    await withClient(server.adminUrl, (c) =>
      c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`),
    );
    const url = withDatabase(server.adminUrl, name);
    process.env.DATABASE_URL = url;
    const db = createDb(url, 4);
    const started = performance.now();
    await seed(db);
    const ms = performance.now() - started;
    const [agencies, users, events] = await Promise.all([db.agency.count(), db.user.count(), db.auditEvent.count()]);
    console.log(
      `seed run ${run}: ${(ms / 1000).toFixed(2)} s  (${agencies} agencies, ${users} users, ${events} audit events)`,
    );
    await db.$disconnect();
  }
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
