// `npm run db:restore -- <file>`: restores a backup made by `npm run db:backup` into an empty
// database (DATABASE_URL, or the embedded PostgreSQL's), migrating it first if it has no tables,
// then verifies the audit chain it brought back.
import path from "node:path";
import { parseArgs } from "node:util";
import { verifyAuditChain } from "../../lib/audit/verify";
import { createDb } from "../../lib/db/client";
import { BackupError, restoreDatabase } from "../lib/backup";
import { resolveDatabase } from "../lib/database-url";
import { say } from "../lib/say";
import { dataDirFrom, scriptEnv } from "../lib/script-env";
import { applyMigrations } from "./engine";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { help: { type: "boolean", short: "h", default: false } },
});
if (values.help || positionals.length !== 1) {
  process.stdout.write("Usage: npm run db:restore -- <backup file>\n");
  process.exit(values.help ? 0 : 64);
}
const file = path.resolve(positionals[0]);
const env = scriptEnv();
const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, dataDir: dataDirFrom(env), log: say });
let code = 0;
try {
  say.step(`Restoring ${file}`);
  const { header, rows } = await restoreDatabase(database.url, file, { migrate: (url) => applyMigrations(url) });
  const total = Object.values(rows).reduce((s, n) => s + n, 0);
  say.ok(
    `Restored ${header.tables.length} tables, ${total.toLocaleString("en-US")} rows, from the backup of ${header.createdAt}`,
  );
  const db = createDb(database.url, 2);
  try {
    const audit = await verifyAuditChain(db);
    if (audit.ok) say.ok(`Audit chain intact: ${audit.checked} events verified`);
    else {
      say.fail(`Audit chain BROKEN at event #${audit.brokenSeq} in the restored database`);
      code = 1;
    }
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  say.fail(
    error instanceof BackupError
      ? error.message
      : `The restore failed, and nothing was written: ${(error as Error).message}`,
  );
  code = 1;
} finally {
  await database.close();
}
process.exit(code);
