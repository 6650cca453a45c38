// `npm run db:migrate -- <name>`, `npm run db:deploy`, `npm run db:check`: Prisma migrations
// through the WASM schema engine, against DATABASE_URL or the embedded PostgreSQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDatabase, type ResolvedDatabase } from "../lib/database-url";
import { startEmbeddedPostgres } from "../lib/embedded-pg";
import { say } from "../lib/say";
import { dataDirFrom, repoRoot, scriptEnv } from "../lib/script-env";
import { onShutdown } from "../lib/shutdown";
import { applyMigrations, checkMigrations, createMigration, MigrationRefused } from "./engine";
import { defaultPaths } from "./migrations-dir";

const USAGE = `Usage:
  npm run db:migrate -- <name> [--create-only] [--accept-data-loss] [--reset]
  npm run db:deploy
  npm run db:check [-- --schema <schema.prisma> --migrations <dir>]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "create-only": { type: "boolean", default: false },
    "accept-data-loss": { type: "boolean", default: false },
    reset: { type: "boolean", default: false },
    schema: { type: "string" },
    migrations: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

const env = scriptEnv();
const paths = {
  schemaPath: values.schema ? path.resolve(values.schema) : defaultPaths.schemaPath,
  migrationsDir: values.migrations ? path.resolve(values.migrations) : defaultPaths.migrationsDir,
};
const shown = (p: string) => {
  const relative = path.relative(process.cwd(), p);
  return relative && !relative.startsWith("..") ? relative : p;
};

let database: ResolvedDatabase | undefined;
const cleanups: (() => Promise<void>)[] = [];
onShutdown(async () => {
  say.warn("Interrupted; stopping");
  for (const cleanup of cleanups) await cleanup();
});

async function openDatabase(): Promise<string> {
  database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, dataDir: dataDirFrom(env), log: say });
  cleanups.push(() => database!.close());
  return database.url;
}

async function create(name: string | undefined): Promise<number> {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    say.fail("Give the migration a name in snake_case, e.g. `npm run db:migrate -- add_notice_table`");
    return 64;
  }
  const url = await openDatabase();
  const result = await createMigration(url, name, {
    ...paths,
    createOnly: values["create-only"],
    acceptDataLoss: values["accept-data-loss"],
    reset: values.reset,
  });
  for (const applied of result.applied) say.ok(`Applied ${applied}`);
  for (const warning of result.warnings) say.warn(warning);
  if (!result.created) {
    say.ok(`${shown(paths.schemaPath)} and ${shown(paths.migrationsDir)} already agree; no migration created`);
  } else if (values["create-only"]) {
    say.ok(
      `Created ${shown(path.join(paths.migrationsDir, result.created, "migration.sql"))}; edit it, then run npm run db:deploy`,
    );
  } else {
    say.ok(`Created and applied ${shown(path.join(paths.migrationsDir, result.created, "migration.sql"))}`);
  }
  return 0;
}

async function deploy(): Promise<number> {
  const url = await openDatabase();
  const applied = await applyMigrations(url, paths);
  if (applied.length === 0) say.ok("The database is up to date; no pending migrations");
  for (const name of applied) say.ok(`Applied ${name}`);
  return 0;
}

async function check(): Promise<number> {
  let url = env.DATABASE_URL;
  if (!url) {
    // A throwaway server: the check only needs somewhere to replay the migrations.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-db-check-"));
    fs.chmodSync(dir, 0o755);
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const server = await startEmbeddedPostgres({ dataDir: dir, ephemeral: true });
    cleanups.unshift(() => server.stop());
    url = server.adminUrl;
  }
  say.step(`Replaying ${shown(paths.migrationsDir)} and comparing with ${shown(paths.schemaPath)}`);
  const result = await checkMigrations(url, paths);
  if (result.inSync) {
    say.ok("schema.prisma and the migrations agree");
    return 0;
  }
  say.fail(`${shown(paths.schemaPath)} and ${shown(paths.migrationsDir)} disagree. The difference:`);
  process.stderr.write(`\n${result.summary}\n\nSQL a new migration would contain:\n\n${result.script}\n\n`);
  say.detail("If schema.prisma is right, create the missing migration: npm run db:migrate -- <name>");
  return 2;
}

async function main(): Promise<number> {
  process.chdir(repoRoot);
  const [command, name] = positionals;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === "create") return create(name);
  if (command === "deploy") return deploy();
  if (command === "check") return check();
  say.fail(USAGE);
  return 64;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  if (error instanceof MigrationRefused) say.fail(error.message);
  else say.fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  for (const cleanup of cleanups) await cleanup().catch(() => {});
}
// The schema engine's pg pools would otherwise keep the process alive for a while.
process.exit(code);
