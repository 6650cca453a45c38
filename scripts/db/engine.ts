// The migration operations `npm start`, the db:* commands and the test harness share:
// apply pending migrations, author a new one from schema.prisma, and check the two agree.
import fs from "node:fs";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { ensureDatabase } from "../lib/pg-url";
import { scriptEnv } from "../lib/script-env";
import { defaultPaths, readMigrations, writeMigration, type MigrationPaths } from "./migrations-dir";
import { engineError, openSchemaEngine } from "./schema-engine";

const NO_FILTER = { externalTables: [], externalEnums: [] };

export type PathOptions = Partial<MigrationPaths>;

async function call<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw engineError(error);
  }
}

async function withEngine<T>(url: string, paths: MigrationPaths, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const debug =
    scriptEnv().DEBUG_SCHEMA_ENGINE === "1"
      ? (line: string) => process.stderr.write(`[schema-engine] ${line}\n`)
      : undefined;
  const { engine, close } = await openSchemaEngine(url, paths.schemaPath, debug);
  try {
    return await fn(engine);
  } finally {
    await close();
  }
}

function resolvePaths(options: PathOptions): MigrationPaths {
  return {
    schemaPath: options.schemaPath ?? defaultPaths.schemaPath,
    migrationsDir: options.migrationsDir ?? defaultPaths.migrationsDir,
  };
}

async function applyWith(engine: SchemaEngine, migrationsDir: string): Promise<string[]> {
  const migrationsList = await readMigrations(migrationsDir);
  const { appliedMigrationNames } = await call(engine.applyMigrations({ migrationsList, filters: NO_FILTER }));
  return appliedMigrationNames;
}

/** Applies every pending migration to `url` (creating the database if needed); returns their names. */
export async function applyMigrations(url: string, options: PathOptions = {}): Promise<string[]> {
  const paths = resolvePaths(options);
  await ensureDatabase(url);
  return withEngine(url, paths, (engine) => applyWith(engine, paths.migrationsDir));
}

export class MigrationRefused extends Error {}

export interface CreateOptions extends PathOptions {
  /** Write the migration (even an empty one, to hand-edit) without applying it. */
  createOnly?: boolean;
  acceptDataLoss?: boolean;
  /** Reset a development database whose history no longer matches prisma/migrations. */
  reset?: boolean;
}

export interface CreateResult {
  created?: string;
  applied: string[];
  warnings: string[];
}

/** `prisma migrate dev`: bring `url` up to date, then author and apply a migration to schema.prisma. */
export async function createMigration(url: string, name: string, options: CreateOptions = {}): Promise<CreateResult> {
  const paths = resolvePaths(options);
  await ensureDatabase(url);
  return withEngine(url, paths, async (engine) => {
    await resetIfNeeded(engine, paths.migrationsDir, !!options.reset);
    const applied = await applyWith(engine, paths.migrationsDir);
    if (applied.length > 0) await resetIfNeeded(engine, paths.migrationsDir, !!options.reset);

    const schema = { files: [{ path: paths.schemaPath, content: fs.readFileSync(paths.schemaPath, "utf8") }] };
    const loss = await call(
      engine.evaluateDataLoss({
        migrationsList: await readMigrations(paths.migrationsDir),
        schema,
        filters: NO_FILTER,
      }),
    );
    if (loss.unexecutableSteps.length > 0) {
      throw new MigrationRefused(
        `This migration cannot run on the current data:\n${loss.unexecutableSteps.map((s) => `  • ${s.message}`).join("\n")}`,
      );
    }
    const warnings = loss.warnings.map((w) => w.message);
    if (warnings.length > 0 && !options.acceptDataLoss && !options.createOnly) {
      throw new MigrationRefused(
        `This migration would lose data:\n${warnings.map((w) => `  • ${w}`).join("\n")}\nRun again with --accept-data-loss if that is intended.`,
      );
    }

    const result = await call(
      engine.createMigration({
        draft: !!options.createOnly,
        migrationName: name,
        migrationsList: await readMigrations(paths.migrationsDir),
        schema,
        filters: NO_FILTER,
      }),
    );
    if (result.migrationScript === null) return { applied, warnings };
    await writeMigration(
      paths.migrationsDir,
      result.generatedMigrationName,
      result.migrationScript,
      result.connectorType,
    );
    if (options.createOnly) return { created: result.generatedMigrationName, applied, warnings };
    return {
      created: result.generatedMigrationName,
      applied: [...applied, ...(await applyWith(engine, paths.migrationsDir))],
      warnings,
    };
  });
}

async function resetIfNeeded(engine: SchemaEngine, migrationsDir: string, allowed: boolean): Promise<void> {
  const { action } = await call(
    engine.devDiagnostic({ migrationsList: await readMigrations(migrationsDir), filters: NO_FILTER }),
  );
  if (action.tag !== "reset") return;
  if (!allowed) {
    throw new MigrationRefused(
      `The database no longer matches prisma/migrations: ${action.reason}\nRun again with --reset to empty this development database and re-apply every migration.`,
    );
  }
  await call(engine.reset({ filter: NO_FILTER }));
}

export interface CheckResult {
  inSync: boolean;
  /** Human-readable list of what schema.prisma has that the migrations do not (or the reverse). */
  summary: string;
  /** The SQL a new migration would contain. */
  script: string;
}

/**
 * Replays prisma/migrations into a shadow database on `url`'s server and compares the result
 * with schema.prisma. `url` only needs permission to create databases.
 */
export async function checkMigrations(url: string, options: PathOptions = {}): Promise<CheckResult> {
  const paths = resolvePaths(options);
  return withEngine(url, paths, async (engine) => {
    const from = { tag: "migrations" as const, ...(await readMigrations(paths.migrationsDir)) };
    const to = {
      tag: "schemaDatamodel" as const,
      files: [{ path: paths.schemaPath, content: fs.readFileSync(paths.schemaPath, "utf8") }],
    };
    const human = await call(engine.diff({ from, to, script: false, exitCode: true, filters: NO_FILTER }));
    if (human.exitCode === 0) return { inSync: true, summary: "", script: "" };
    const sql = await call(engine.diff({ from, to, script: true, exitCode: false, filters: NO_FILTER }));
    return { inSync: false, summary: (human.stdout ?? "").trim(), script: (sql.stdout ?? "").trim() };
  });
}
