// `npm start` / `npm run dev`: one command from a clean clone to a running portal. Starts the
// embedded PostgreSQL unless DATABASE_URL is set, applies migrations, seeds the demo world on
// the first run (embedded database only, unless asked for: see scripts/lib/demo-policy.ts),
// builds if needed and serves. Ctrl-C stops the app, then the database.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "../scripts/db/engine";
import { persistentAuthSecret } from "../scripts/lib/auth-secret";
import { resolveDatabase, type ResolvedDatabase } from "../scripts/lib/database-url";
import { removeEmbeddedData } from "../scripts/lib/embedded-pg";
import { exitOf, hasBuild, runNext, runServer, stopChild, waitForPort } from "./lib/next-app";
import { redactUrl } from "../scripts/lib/pg-url";
import { say } from "../scripts/lib/say";
import { demoFlags } from "../scripts/lib/demo-policy";
import { DemoPolicyError, holdsDemoWorld, prepareDemoWorld } from "../scripts/lib/seed-demo";
import { dataDirFrom, repoRoot, scriptEnv } from "../scripts/lib/script-env";
import { onShutdown } from "../scripts/lib/shutdown";

const { values: flags } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    rebuild: { type: "boolean", default: false },
    // Database, migrations and seed only; stays up until stopped. Used by the tooling tests.
    "no-serve": { type: "boolean", default: false },
    // Start from an empty data directory. Only with an explicit CG_DATA_DIR (end-to-end runs).
    fresh: { type: "boolean", default: false },
    // The demo world (public password): the default for the embedded database only. An external
    // database (DATABASE_URL) takes it only with --demo --force-demo, and never in production.
    demo: { type: "boolean", default: false },
    "force-demo": { type: "boolean", default: false },
  },
});

const env = scriptEnv();
const dataDir = dataDirFrom(env);
const serve = !flags["no-serve"] && env.START_SKIP_SERVE !== "1";

let database: ResolvedDatabase | undefined;
let app: ChildProcess | undefined;

let stopping: Promise<void> | undefined;
function shutdown(): Promise<void> {
  stopping ??= (async () => {
    if (app) await stopChild(app);
    if (database?.embedded?.owned) say.step("Stopping PostgreSQL");
    await database?.close();
    say.ok("Stopped");
  })();
  return stopping;
}

let interrupted = false;
onShutdown(async (signal) => {
  interrupted = true;
  say.step(`${signal === "SIGINT" ? "Ctrl-C" : signal}: stopping Common Ground`);
  await shutdown();
});

async function prepareDatabase(): Promise<string> {
  if (flags.fresh) {
    if (!process.env.CG_DATA_DIR)
      throw new Error("--fresh deletes the data directory; it needs an explicit CG_DATA_DIR");
    say.step(`Starting from an empty data directory (${dataDir})`);
    await removeEmbeddedData(dataDir, say);
  }
  database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, dataDir, log: say });
  const applied = await applyMigrations(database.url);
  if (applied.length === 0) say.ok("The database schema is up to date");
  else say.ok(`Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}: ${applied.join(", ")}`);
  return database.url;
}

function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const { secret, created } = persistentAuthSecret(dataDir);
  if (created) say.ok(`Generated an AUTH_SECRET, kept in ${path.join(dataDir, "auth-secret")}`);
  return secret;
}

async function serveApp(appEnv: NodeJS.ProcessEnv, demoWorld: boolean): Promise<number> {
  if (!flags.dev && (flags.rebuild || !hasBuild())) {
    say.step(
      flags.rebuild ? "Rebuilding the app (--rebuild)" : "No production build yet: building the app (takes a minute)",
    );
    app = runNext(["build"], appEnv);
    const code = await exitOf(app);
    app = undefined;
    if (code !== 0) {
      say.fail(`The build failed (exit ${code})`);
      return code;
    }
  }
  say.step(`Starting the app${flags.dev ? " in development mode" : ""} on port ${env.PORT}`);
  app = flags.dev ? runNext(["dev", "--port", String(env.PORT)], appEnv) : runServer(env.PORT, appEnv);
  const running = app;
  if (await waitForPort(env.PORT, running)) {
    say.ok(`Common Ground is running at ${appEnv.NEXTAUTH_URL}. Press Ctrl-C to stop.`);
    const accounts = path.join(repoRoot, "prisma", "seed", "DEMO-ACCOUNTS.md");
    if (demoWorld && fs.existsSync(accounts)) say.detail(`Demo accounts: ${path.relative(repoRoot, accounts)}`);
  }
  return exitOf(running);
}

async function main(): Promise<number> {
  process.chdir(repoRoot);
  say.step(`Starting Common Ground${flags.dev ? " (development)" : ""}`);
  const url = await prepareDatabase();
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: authSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(env.PORT),
  };
  // The seed encrypts TOTP secrets with AUTH_SECRET through lib/env, which reads process.env.
  Object.assign(process.env, { DATABASE_URL: appEnv.DATABASE_URL, AUTH_SECRET: appEnv.AUTH_SECRET });
  const { demo, force } = demoFlags(flags, env);
  await prepareDemoWorld(
    url,
    { embedded: !!database?.embedded, demo, force, production: env.NODE_ENV === "production" },
    say,
  );
  const demoWorld = await holdsDemoWorld(url);

  if (!serve) {
    say.ok(`Database ready at ${redactUrl(url)} (not serving the app: --no-serve)`);
    await new Promise<never>(() => setInterval(() => {}, 1 << 30));
  }
  const code = await serveApp(appEnv, demoWorld);
  if (code !== 0 && !interrupted) say.fail(`The app exited with code ${code}`);
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  if (error instanceof DemoPolicyError) say.fail(error.message);
  else say.fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
await shutdown();
process.exit(exitCode);
