// The demo world (published password, computable authenticator codes) only where it is wanted:
// the real `npm start` adds it to an external database only with --demo --force-demo, a
// production start refuses a database holding it, `npm run db:seed` obeys the same rule, and a
// real installation gets its first platform administrator from `npm run admin:create`, who must
// enrol an authenticator at first sign-in.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPassword } from "@/lib/auth/sign-in";
import { createDb } from "@/lib/db/client";
import { removeEmbeddedData } from "@/scripts/lib/embedded-pg";
import { quoteIdent, withDatabase } from "@/scripts/lib/pg-url";
import { runScript, runStart, toolEnv, type StartedProcess } from "./helpers/start-process";

const READY = /Database ready at \S+/;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cg-demo-world-"));
const databases: string[] = [];
const running: StartedProcess[] = [];

afterAll(async () => {
  for (const run of running) run.child.kill("SIGKILL");
  for (const name of databases)
    await query(inject("dbAdminUrl"), `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  await removeEmbeddedData(path.join(scratch, "data")).catch(() => {});
  fs.rmSync(scratch, { recursive: true, force: true });
});

function externalDatabase(label: string): string {
  const name = `cg_demo_${label}_${process.pid}`;
  databases.push(name);
  return withDatabase(inject("dbAdminUrl"), name);
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

const count = async (url: string, sql: string) => Number((await query<{ n: string }>(url, sql))[0].n);
const demoUsers = (url: string) => count(url, `SELECT count(*) AS n FROM "User" WHERE email LIKE '%.demo'`);

/** `npm start --no-serve` against DATABASE_URL: started (and stopped again), or refused. */
async function start(
  url: string,
  args: string[],
  extra: Record<string, string> = {},
): Promise<{ started: boolean; code: number | null; output: string }> {
  const run = runStart(
    ["--no-serve", ...args],
    toolEnv({
      CG_DATA_DIR: path.join(scratch, "data"),
      DATABASE_URL: url,
      AUTH_SECRET: "demo-world-test-secret-0123456789abcdef",
      ...extra,
    }),
  );
  running.push(run);
  const outcome = await run.waitFor(READY).then(
    () => "ready" as const,
    () => "exited" as const,
  );
  if (outcome === "ready") run.child.kill("SIGTERM");
  const { code } = await run.exited();
  return { started: outcome === "ready", code, output: run.output() };
}

describe("the demo world and an external database", () => {
  let empty: string;
  let demo: string;

  beforeAll(() => {
    empty = externalDatabase("empty");
    demo = externalDatabase("forced");
  });

  it("npm start adds no demo accounts to an empty external database, and says how to create the first administrator", async () => {
    const run = await start(empty, []);
    expect(run.started).toBe(true);
    expect(run.output).not.toContain("seeding");
    expect(run.output).toContain("npm run admin:create");
    expect(await count(empty, `SELECT count(*) AS n FROM "User"`)).toBe(0);
    expect(await count(empty, `SELECT count(*) AS n FROM "Agency"`)).toBe(0);
  });

  it("refuses --demo (or CG_DEMO=1) for an external database without --force-demo, with a clear message", async () => {
    for (const [args, extra] of [
      [["--demo"], {}],
      [[], { CG_DEMO: "1" }],
    ] as const) {
      const run = await start(empty, [...args], extra);
      expect(run.started).toBe(false);
      expect(run.code).toBe(1);
      expect(run.output).toContain("Refusing to seed the demo world into an external database");
      expect(run.output).toContain("--force-demo");
      expect(run.output).not.toMatch(/\n\s+at /); // a message, not a stack trace
    }
    expect(await count(empty, `SELECT count(*) AS n FROM "User"`)).toBe(0);
  });

  it("npm run db:seed refuses an external database the same way", async () => {
    const run = runScript(
      "scripts/db/seed.ts",
      [],
      toolEnv({ DATABASE_URL: empty, CG_DATA_DIR: path.join(scratch, "data") }),
    );
    const { code } = await run.exited();
    expect(code).toBe(1);
    expect(run.output()).toContain("--force-demo");
    expect(await count(empty, `SELECT count(*) AS n FROM "User"`)).toBe(0);
  });

  it("seeds the demo world with --demo --force-demo, marked as such", async () => {
    const run = await start(demo, ["--demo", "--force-demo"]);
    expect(run.started).toBe(true);
    expect(run.output).toContain("First run: seeding");
    expect(await demoUsers(demo)).toBeGreaterThan(0);
    expect(await count(demo, `SELECT count(*) AS n FROM "SystemSetting" WHERE key = 'demo.world'`)).toBe(1);
  });

  it("a production start refuses a database holding demo accounts, even one without the seed's mark", async () => {
    const refused = await start(demo, [], { NODE_ENV: "production" });
    expect(refused.started).toBe(false);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(
      "Refusing to start: NODE_ENV is production and the database (DATABASE_URL) holds the demo world",
    );

    await query(demo, `DELETE FROM "SystemSetting" WHERE key = 'demo.world'`);
    expect((await start(demo, [], { NODE_ENV: "production" })).code).toBe(1);
    // Nor may production ask for the demo world, forced or not.
    const asked = await start(empty, ["--demo", "--force-demo"], { NODE_ENV: "production" });
    expect(asked.code).toBe(1);
    expect(asked.output).toContain("NODE_ENV is production");
    expect(await count(empty, `SELECT count(*) AS n FROM "User"`)).toBe(0);
  });

  describe("npm run admin:create", () => {
    const admin = (args: string[], password: string) =>
      runScript(
        "scripts/admin-create.ts",
        args,
        toolEnv({ DATABASE_URL: empty, CG_DATA_DIR: path.join(scratch, "data"), CG_ADMIN_PASSWORD: password }),
      );
    const hostAgency = [
      "--new-agency-name",
      "Illinois State Police",
      "--new-agency-short-name",
      "ISP",
      "--new-agency-slug",
      "isp",
      "--level",
      "STATE",
      "--kind",
      "STATE_PATROL",
      "--time-zone",
      "America/Chicago",
      "--phone",
      "+1 217 555 0100",
    ];

    it("explains what is wrong with the arguments and creates nothing", async () => {
      const bad = admin(
        ["--email", "not-an-address", "--name", "Jordan Reyes", ...hostAgency],
        "correct horse battery staple",
      );
      expect((await bad.exited()).code).toBe(1);
      expect(bad.output()).toContain("--email: Enter a valid email address.");

      const weak = admin(["--email", "ops@isp.example.gov", "--name", "Jordan Reyes", ...hostAgency], "password12345");
      expect((await weak.exited()).code).toBe(1);
      expect(weak.output()).toContain("This password is too common");

      const noAgency = admin(
        ["--email", "ops@isp.example.gov", "--name", "Jordan Reyes"],
        "correct horse battery staple",
      );
      expect((await noAgency.exited()).code).toBe(2);
      expect(noAgency.output()).toContain("name the host agency");
      expect(await count(empty, `SELECT count(*) AS n FROM "User"`)).toBe(0);
    });

    it("creates a platform administrator (and the host agency), audited, who must enrol an authenticator at first sign-in", async () => {
      const run = admin(
        ["--email", "Ops@ISP.example.gov", "--name", "Jordan Reyes", "--title", "Systems chief", ...hostAgency],
        "correct horse battery staple",
      );
      expect((await run.exited()).code, run.output()).toBe(0);
      expect(run.output()).toContain("Created platform administrator ops@isp.example.gov in Illinois State Police");

      const [user] = await query<{
        id: string;
        isPlatformAdmin: boolean;
        totpSecret: string | null;
        mfaEnrolledAt: Date | null;
        roles: string;
      }>(
        empty,
        `SELECT id, "isPlatformAdmin", "totpSecret", "mfaEnrolledAt", roles::text FROM "User" WHERE email = 'ops@isp.example.gov'`,
      );
      expect(user).toMatchObject({ isPlatformAdmin: true, totpSecret: null, mfaEnrolledAt: null, roles: "{}" });
      const events = await query<{ action: string; actorLabel: string; targetId: string }>(
        empty,
        `SELECT action, "actorLabel", "targetId" FROM "AuditEvent" ORDER BY seq`,
      );
      expect(events.map((e) => e.action)).toEqual(["platform.agency.create", "user.platformAdmin.create"]);
      expect(events[1].targetId).toBe(user.id);
      expect(events.every((e) => e.actorLabel.startsWith("admin:create by "))).toBe(true);

      // The first sign-in answers ENROL: the authenticator is set up before anything else.
      process.env.DATABASE_URL ??= empty;
      process.env.AUTH_SECRET ??= "demo-world-test-secret-0123456789abcdef";
      const db = createDb(empty, 2);
      try {
        const context = { requestId: "req-demo-world", sourceIp: null, userAgent: "vitest" };
        const first = await checkPassword({
          db,
          email: "ops@isp.example.gov",
          password: "correct horse battery staple",
          now: new Date(),
          context,
        });
        expect(first.status).toBe("ENROL");
      } finally {
        await db.$disconnect();
      }

      // The same address cannot be created twice.
      const again = admin(
        ["--email", "ops@isp.example.gov", "--name", "Jordan Reyes", "--agency", "isp"],
        "correct horse battery staple",
      );
      expect((await again.exited()).code).toBe(1);
      expect(again.output()).toContain("--email: An account with this email address already exists.");

      // A real installation starts in production.
      const production = await start(empty, [], { NODE_ENV: "production" });
      expect(production.started).toBe(true);
    });
  });
});
