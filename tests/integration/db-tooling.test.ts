// `npm run db:check` and the migration engine: drift between schema.prisma and
// prisma/migrations is caught and named, and hand-written SQL Prisma cannot express
// (GiST expression indexes, trigger functions) applies without being reported as drift.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "@/scripts/db/engine";
import { withDatabase } from "@/scripts/lib/pg-url";
import { repoRoot, runScript, toolEnv } from "./helpers/start-process";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cg-db-tooling-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A copy of the project's prisma/ directory to change freely. */
function copyPrisma(name: string): { schemaPath: string; migrationsDir: string } {
  const dir = path.join(scratch, name);
  fs.cpSync(path.join(repoRoot, "prisma", "schema.prisma"), path.join(dir, "schema.prisma"));
  fs.cpSync(path.join(repoRoot, "prisma", "migrations"), path.join(dir, "migrations"), { recursive: true });
  return { schemaPath: path.join(dir, "schema.prisma"), migrationsDir: path.join(dir, "migrations") };
}

async function check(paths: { schemaPath: string; migrationsDir: string }, databaseUrl?: string) {
  const run = runScript(
    "scripts/db/migrate.ts",
    ["check", "--schema", paths.schemaPath, "--migrations", paths.migrationsDir],
    toolEnv({ DATABASE_URL: databaseUrl }),
  );
  const { code } = await run.exited();
  return { code, output: run.output() };
}

describe("db:check", () => {
  it("passes when schema.prisma and the migrations agree, with no DATABASE_URL and nothing running", async () => {
    const result = await check(copyPrisma("unchanged"));
    expect(result.output).toContain("schema.prisma and the migrations agree");
    expect(result.code).toBe(0);
  });

  it("fails and names the drift when a model is added without a migration", async () => {
    const paths = copyPrisma("drifted");
    fs.appendFileSync(paths.schemaPath, "\nmodel DriftProbe {\n  id    String @id @db.Uuid\n  label String\n}\n");
    const result = await check(paths, inject("dbAdminUrl"));
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/disagree/);
    expect(result.output).toContain("DriftProbe");
    expect(result.output).toContain('CREATE TABLE "DriftProbe"');
  });

  it("fails when a migration changes a table that schema.prisma does not", async () => {
    const paths = copyPrisma("migration-ahead");
    writeMigration(
      paths.migrationsDir,
      "29991231000000_extra_column",
      `ALTER TABLE "Agency" ADD COLUMN "driftProbe" TEXT;`,
    );
    const result = await check(paths, inject("dbAdminUrl"));
    expect(result.code).toBe(2);
    expect(result.output).toContain("driftProbe");
  });
});

function writeMigration(migrationsDir: string, name: string, sql: string): void {
  fs.mkdirSync(path.join(migrationsDir, name));
  fs.writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
}

describe("hand-written migrations", () => {
  const handWritten = `
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A function body full of semicolons, and one inside a string literal.
CREATE FUNCTION drift_probe_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows are append-only; % refused', TG_OP;
END;
$$;
CREATE TRIGGER drift_probe_guard BEFORE UPDATE OR DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION drift_probe_guard();

-- GiST indexes on expressions schema.prisma cannot describe.
CREATE INDEX "Operation_area_gist" ON "Operation" USING gist (box(point("bboxMinLon", "bboxMinLat"), point("bboxMaxLon", "bboxMaxLat")));
CREATE INDEX "Operation_time_gist" ON "Operation" USING gist (tstzrange("startsAt", "endsAt", '[)'));
`;

  it("apply whole (semicolons inside bodies and strings) and are not reported as drift", async () => {
    const paths = copyPrisma("hand-written");
    writeMigration(paths.migrationsDir, "29991231000000_gist_and_trigger", handWritten);
    const url = withDatabase(inject("dbAdminUrl"), `cg_handwritten_${process.pid}`);
    const applied = await applyMigrations(url, paths);
    expect(applied).toContain("29991231000000_gist_and_trigger");

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT indexname FROM pg_indexes WHERE indexname IN ('Operation_area_gist', 'Operation_time_gist') ORDER BY 1`,
      );
      expect(rows.map((r) => r.indexname)).toEqual(["Operation_area_gist", "Operation_time_gist"]);
    } finally {
      await client.end();
      const admin = new pg.Client({ connectionString: inject("dbAdminUrl") });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "cg_handwritten_${process.pid}" WITH (FORCE)`);
      await admin.end();
    }

    const result = await check(paths, inject("dbAdminUrl"));
    expect(result.output).toContain("agree");
    expect(result.code).toBe(0);
  });

  it("roll back entirely when one statement fails", async () => {
    const paths = copyPrisma("failing");
    writeMigration(
      paths.migrationsDir,
      "29991231000000_half_broken",
      `CREATE TABLE "HalfDone" (id int);\nSELECT no_such_function();`,
    );
    const name = `cg_failing_${process.pid}`;
    const url = withDatabase(inject("dbAdminUrl"), name);
    await expect(applyMigrations(url, paths)).rejects.toThrow(/no_such_function/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT to_regclass('"HalfDone"') AS t`);
      expect(rows[0].t).toBeNull();
    } finally {
      await client.end();
      const admin = new pg.Client({ connectionString: inject("dbAdminUrl") });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
