// `npm run db:backup [-- --out <file>]`: a consistent backup of the portal's database (the
// embedded PostgreSQL, or DATABASE_URL) to one file; `npm run db:restore -- <file>` reads it back.
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError, backupDatabase } from "../lib/backup";
import { resolveDatabase } from "../lib/database-url";
import { say } from "../lib/say";
import { dataDirFrom, scriptEnv } from "../lib/script-env";

const { values } = parseArgs({
  options: { out: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
});
if (values.help) {
  process.stdout.write("Usage: npm run db:backup [-- --out <file>]\n");
  process.exit(0);
}
const env = scriptEnv();
const out = path.resolve(values.out ?? `common-ground-${new Date().toISOString().replace(/[:.]/g, "-")}.cgbackup`);
const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, dataDir: dataDirFrom(env), log: say });
let code = 0;
try {
  say.step(`Backing up to ${out}`);
  const { header, rows } = await backupDatabase(database.url, out);
  const total = Object.values(rows).reduce((s, n) => s + n, 0);
  say.ok(
    `Backed up ${header.tables.length} tables, ${total.toLocaleString("en-US")} rows, at schema version ${header.migrations.at(-1) ?? "(none)"}`,
  );
  say.detail(
    "The file holds everything the portal stores, password hashes and audit trail included: keep it as safe as the database.",
  );
} catch (error) {
  say.fail(error instanceof BackupError ? error.message : `The backup failed: ${(error as Error).message}`);
  code = 1;
} finally {
  await database.close();
}
process.exit(code);
