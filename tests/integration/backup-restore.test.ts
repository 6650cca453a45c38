// `npm run db:backup` / `db:restore`: the demo world backed up, restored into an empty database
// (already migrated, or with no tables at all), identical table by table, its audit chain intact;
// a non-empty database, another schema version or a damaged file refused with nothing written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { createDb } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { applyMigrations } from "@/scripts/db/engine";
import { backupDatabase, BackupError, readBackupHeader, restoreDatabase } from "@/scripts/lib/backup";
import { quoteIdent, withClient } from "@/scripts/lib/pg-url";
import { freshDb, type FreshDb } from "./helpers/db";
import { useTestSecrets } from "./helpers/actors";

let source: FreshDb;
let dir: string;
let file: string;
const targets: FreshDb[] = [];
const migrate = (url: string) => applyMigrations(url);

/** Every table's rows as one digest, in a fixed order: equal digests, equal contents. */
async function digests(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const tables = (
      await c.query<{ name: string }>(
        `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY relname`,
      )
    ).rows.map((r) => r.name);
    const out: Record<string, string> = {};
    for (const t of tables) {
      const { rows } = await c.query<{ n: string; d: string | null }>(
        `SELECT count(*)::text AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS d FROM ${quoteIdent(t)} x`,
      );
      out[t] = `${rows[0].n}:${rows[0].d ?? "-"}`;
    }
    return out;
  });
}

async function target(): Promise<FreshDb> {
  const t = await freshDb();
  targets.push(t);
  return t;
}

beforeAll(async () => {
  source = await freshDb();
  useTestSecrets(source.url);
  await seed(source.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-backup-"));
  file = path.join(dir, "demo.cgbackup");
}, 120_000);

afterAll(async () => {
  for (const t of targets) await t.drop();
  await source?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores the demo world into an empty migrated database, identical table by table, audit chain intact", async () => {
    const { header, rows } = await backupDatabase(source.url, file);
    expect(header.tables).toContain("AuditEvent");
    expect(rows.Agency).toBeGreaterThan(0);
    expect(rows.FederalRequest).toBeGreaterThan(0);
    expect(fs.statSync(file).mode & 0o077).toBe(0);

    const t = await target();
    const restored = await restoreDatabase(t.url, file, { migrate });
    expect(restored.rows).toEqual(rows);
    expect(await digests(t.url)).toEqual(await digests(source.url));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });

    // Sequences carry on past the restored rows: a new audit event appends after the last one.
    const last = await t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const [{ next }] = await t.db.$queryRaw<
      { next: bigint }[]
    >`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'seq')) AS next`;
    expect(next).toBeGreaterThan(last.seq);
  }, 120_000);

  it("migrates a database with no tables first, then restores into it", async () => {
    const t = await target();
    await withClient(t.url, (c) => c.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
    await restoreDatabase(t.url, file, { migrate });
    expect(await digests(t.url)).toEqual(await digests(source.url));
  }, 180_000);

  it("refuses a database that holds rows, and leaves it as it was", async () => {
    const t = await target();
    useTestSecrets(t.url);
    await seed(t.db);
    const before = await digests(t.url);
    await expect(restoreDatabase(t.url, file, { migrate })).rejects.toThrow(/not empty/);
    expect(await digests(t.url)).toEqual(before);
  }, 120_000);

  it("refuses a backup from another schema version", async () => {
    const t = await target();
    await withClient(t.url, (c) =>
      c.query(
        `DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`,
      ),
    );
    await expect(restoreDatabase(t.url, file, { migrate })).rejects.toThrow(/another schema version/);
  });

  it("refuses a damaged or truncated file, or another file, and writes nothing", async () => {
    const whole = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
    const truncated = path.join(dir, "truncated.cgbackup");
    fs.writeFileSync(truncated, zlib.gzipSync(whole.slice(0, Math.floor(whole.length * 0.8))));
    const notOne = path.join(dir, "other.cgbackup");
    fs.writeFileSync(notOne, "hello");

    const t = await target();
    await expect(restoreDatabase(t.url, truncated, { migrate })).rejects.toBeInstanceOf(BackupError);
    const empty = await digests(t.url);
    expect(Object.values(empty).every((d) => d === "0:-")).toBe(true);
    await expect(readBackupHeader(notOne)).rejects.toThrow(/not a Common Ground backup/);
    await expect(restoreDatabase(t.url, notOne, { migrate })).rejects.toBeInstanceOf(BackupError);
    expect(await digests(t.url)).toEqual(empty);
  });
});

it("a restored database serves the app: its own client reads what was backed up", async () => {
  const t = targets[0];
  const db = createDb(t.url, 2);
  try {
    expect(await db.agency.count()).toBe(await source.db.agency.count());
  } finally {
    await db.$disconnect();
  }
});
