// `npm run db:seed`: seeds the demo world into DATABASE_URL, or into the embedded database with
// the same AUTH_SECRET `npm start` uses (the seed encrypts TOTP secrets with it). Does nothing
// when agencies already exist.
import { persistentAuthSecret } from "../lib/auth-secret";
import { resolveDatabaseUrl } from "../lib/database-url";
import { dataDirFrom, scriptEnv } from "../lib/script-env";

const env = scriptEnv();
const { url, stop } = await resolveDatabaseUrl();
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET = env.AUTH_SECRET ?? persistentAuthSecret(dataDirFrom(env)).secret;

const { createDb } = await import("../../lib/db/client");
const { seed } = await import("../../prisma/seed");
const db = createDb(url, 2);
let code = 0;
try {
  const before = await db.agency.count();
  await seed(db);
  const after = await db.agency.count();
  process.stdout.write(before > 0 ? `Already seeded (${after} agencies); nothing changed.\n` : `Seeded the demo world: ${after} agencies.\n`);
} catch (error) {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  code = 1;
} finally {
  await db.$disconnect();
  await stop();
}
process.exit(code);
