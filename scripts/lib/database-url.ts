// Which PostgreSQL the tooling uses: DATABASE_URL when set, otherwise the embedded server
// kept in the data directory (started here, or shared with an `npm start` already running).
import { startEmbeddedPostgres, type EmbeddedPg } from "./embedded-pg";
import { ensureDatabase, redactUrl } from "./pg-url";
import { quiet, type Say } from "./say";
import { dataDirFrom, scriptEnv } from "./script-env";

export const EMBEDDED_DATABASE = "common_ground";

export interface ResolvedDatabase {
  url: string;
  embedded?: EmbeddedPg;
  /** Stops the embedded server if this process started it. */
  close(): Promise<void>;
}

export async function resolveDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  log: Say;
}): Promise<ResolvedDatabase> {
  if (options.databaseUrl) {
    options.log.step(`Using the database at ${redactUrl(options.databaseUrl)} (DATABASE_URL)`);
    if (await ensureDatabase(options.databaseUrl)) options.log.ok("Created the database, which did not exist yet");
    return { url: options.databaseUrl, close: async () => {} };
  }
  options.log.step("No DATABASE_URL set: using the embedded PostgreSQL");
  const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, log: options.log });
  const url = embedded.url(EMBEDDED_DATABASE);
  try {
    await ensureDatabase(url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url, embedded, close: () => embedded.stop() };
}

/** For small scripts (audit:verify…): the database from the environment, and how to let go of it. */
export async function resolveDatabaseUrl(options: { log?: Say } = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const env = scriptEnv();
  const resolved = await resolveDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: dataDirFrom(env),
    log: options.log ?? quiet,
  });
  return { url: resolved.url, stop: () => resolved.close() };
}
