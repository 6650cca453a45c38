// `npm run db:seed`: seeds the demo world into the embedded database, with the same AUTH_SECRET
// `npm start` uses (the seed encrypts TOTP secrets with it). Does nothing when agencies already
// exist. The demo accounts' password is public, so an external database (DATABASE_URL) is
// refused unless --force-demo (or CG_DEMO_FORCE=1) says it is a throwaway, and always in production.
import { parseArgs } from "node:util";
import { persistentAuthSecret } from "../lib/auth-secret";
import { resolveDatabase } from "../lib/database-url";
import { demoFlags, demoSeedDecision } from "../lib/demo-policy";
import { quiet } from "../lib/say";
import { dataDirFrom, scriptEnv } from "../lib/script-env";

const { values: flags } = parseArgs({ options: { "force-demo": { type: "boolean", default: false } } });
const env = scriptEnv();
const { force } = demoFlags(flags, env);
// Running this command is the request for the demo world; the policy decides where it may go.
const decision = demoSeedDecision({
  embedded: !env.DATABASE_URL,
  demo: true,
  force,
  production: env.NODE_ENV === "production",
});
if (!decision.seed) {
  process.stderr.write(`${decision.refusal ?? "Not seeding the demo world."}\n`);
  process.exit(1);
}

const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, dataDir: dataDirFrom(env), log: quiet });
const url = database.url;
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
  process.stdout.write(
    before > 0
      ? `Already seeded (${after} agencies); nothing changed.\n`
      : `Seeded the demo world: ${after} agencies.\n`,
  );
} catch (error) {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  code = 1;
} finally {
  await db.$disconnect();
  await database.close();
}
process.exit(code);
