// `npm start` end to end, minus the web server (--no-serve, same code path otherwise): it
// creates, migrates and seeds the embedded database, keeps data across restarts, recovers
// after being killed with SIGKILL, and uses DATABASE_URL's server instead when given one (without
// the demo world: tests/integration/demo-world.test.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { removeEmbeddedData, startEmbeddedPostgres } from "@/scripts/lib/embedded-pg";
import { clusterRootCandidates } from "@/scripts/lib/pg-runtime";
import { isAlive } from "@/scripts/lib/processes";
import { quoteIdent, withDatabase } from "@/scripts/lib/pg-url";
import { hasBuild } from "@/server/lib/next-app";
import { freePort } from "@/scripts/lib/free-port";
import { runStart, toolEnv, type StartedProcess } from "./helpers/start-process";

const READY = /Database ready at \S+/;
// A private parent (mkdtemp makes 0700 directories): as root, the postgres user cannot reach it.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cg-start-"));
const dataDirs: string[] = [];

afterAll(async () => {
  for (const dir of dataDirs) await removeEmbeddedData(dir).catch(() => {});
  fs.rmSync(scratch, { recursive: true, force: true });
});

function newDataDir(name: string): string {
  const dir = path.join(scratch, name);
  dataDirs.push(dir);
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The app database of the embedded server a running `npm start` owns (attaching, not starting). */
async function appUrlOf(dataDir: string): Promise<string> {
  const attached = await startEmbeddedPostgres({ dataDir });
  expect(attached.owned).toBe(false);
  return attached.url("common_ground");
}

function postmasterPid(dataDir: string): number | undefined {
  for (const root of clusterRootCandidates(dataDir)) {
    try {
      return Number(fs.readFileSync(path.join(root, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

async function stopGracefully(run: StartedProcess): Promise<void> {
  run.child.kill("SIGTERM");
  const { code } = await run.exited();
  expect(run.output()).toContain("Stopped");
  expect(code).toBe(143);
}

describe("npm start with the embedded PostgreSQL", () => {
  it("migrates and seeds on the first run, and keeps the data across a restart", async () => {
    const dataDir = newDataDir("restart");
    const first = runStart(["--no-serve"], toolEnv({ CG_DATA_DIR: dataDir }));
    await first.waitFor(READY);
    expect(first.output()).toContain("First run: seeding");
    const url = await appUrlOf(dataDir);
    const [{ n: agencies }] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "Agency"`);
    expect(Number(agencies)).toBeGreaterThan(0);
    await query(url, `INSERT INTO "SystemSetting" (key, value, "updatedAt") VALUES ('restart-probe', '"kept"', now())`);
    const secret = fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8");
    expect(fs.statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
    await stopGracefully(first);
    expect(postmasterPid(dataDir)).toBeUndefined();

    const second = runStart(["--no-serve"], toolEnv({ CG_DATA_DIR: dataDir }));
    await second.waitFor(READY);
    expect(second.output()).not.toContain("First run");
    expect(second.output()).toContain("schema is up to date");
    const again = await appUrlOf(dataDir);
    expect(await query(again, `SELECT value FROM "SystemSetting" WHERE key = 'restart-probe'`)).toEqual([
      { value: "kept" },
    ]);
    const [{ n: agenciesAfter }] = await query<{ n: string }>(again, `SELECT count(*) AS n FROM "Agency"`);
    expect(agenciesAfter).toBe(agencies);
    expect(fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8")).toBe(secret);
    await stopGracefully(second);
  });

  it("recovers on the next start after the start process is killed with SIGKILL", async () => {
    const dataDir = newDataDir("killed");
    const first = runStart(["--no-serve"], toolEnv({ CG_DATA_DIR: dataDir }));
    await first.waitFor(READY);
    await query(
      await appUrlOf(dataDir),
      `INSERT INTO "SystemSetting" (key, value, "updatedAt") VALUES ('kill-probe', '1', now())`,
    );
    first.child.kill("SIGKILL");
    await first.exited();
    const orphan = postmasterPid(dataDir);
    expect(orphan && isAlive(orphan)).toBe(true);

    const second = runStart(["--no-serve"], toolEnv({ CG_DATA_DIR: dataDir }));
    await second.waitFor(READY);
    expect(second.output()).toMatch(/left running by an earlier run/);
    expect(isAlive(orphan!)).toBe(false);
    expect(await query(await appUrlOf(dataDir), `SELECT value FROM "SystemSetting" WHERE key = 'kill-probe'`)).toEqual([
      { value: 1 },
    ]);
    await stopGracefully(second);
  });
});

describe("npm start with DATABASE_URL", () => {
  it("creates and migrates that database, adds no demo world to it and starts no embedded server", async () => {
    const dataDir = newDataDir("external");
    const name = `cg_start_external_${process.pid}`;
    const url = withDatabase(inject("dbAdminUrl"), name);
    const run = runStart(["--no-serve"], toolEnv({ CG_DATA_DIR: dataDir, DATABASE_URL: url }));
    try {
      await run.waitFor(READY);
      expect(run.output()).toContain("(DATABASE_URL)");
      expect(run.output()).not.toContain("embedded PostgreSQL");
      const migrations = await query<{ migration_name: string }>(
        url,
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`,
      );
      expect(migrations.length).toBe(
        fs.readdirSync(path.resolve("prisma/migrations")).filter((f) => /^\d/.test(f)).length,
      );
      const [{ n }] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "User"`);
      expect(Number(n)).toBe(0);
      expect(run.output()).toContain("npm run admin:create");
      expect(clusterRootCandidates(dataDir).some((root) => fs.existsSync(path.join(root, "pg")))).toBe(false);
      await stopGracefully(run);
    } finally {
      run.child.kill("SIGKILL");
      await query(inject("dbAdminUrl"), `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    }
  });
});

describe.skipIf(!hasBuild())("npm start with a production build", () => {
  it("serves the app over HTTP", async () => {
    const dataDir = newDataDir("serve");
    const port = await freePort();
    const run = runStart([], toolEnv({ CG_DATA_DIR: dataDir, PORT: String(port) }));
    try {
      await run.waitFor(/Common Ground is running at/, 120_000);
      const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" });
      expect(response.status).toBeLessThan(500);
      await stopGracefully(run);
    } finally {
      run.child.kill("SIGKILL");
    }
  });
});
