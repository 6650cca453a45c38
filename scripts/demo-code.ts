// `npm run demo:code -- chief@cook-sheriff.demo`: prints the current sign-in code of a seeded
// demo account, read from its stored (encrypted) TOTP secret. For demos and manual testing.
import { createDb } from "../lib/db/client";
import { decryptTotpSecret, TOTP_PERIOD_SECONDS, totpCode } from "../lib/auth/totp";
import { persistentAuthSecret } from "./lib/auth-secret";
import { resolveDatabaseUrl } from "./lib/database-url";
import { dataDirFrom, scriptEnv } from "./lib/script-env";

const email = process.argv
  .slice(2)
  .find((a) => !a.startsWith("-"))
  ?.trim()
  .toLowerCase();
if (!email) {
  process.stderr.write("Usage: npm run demo:code -- <email of a seeded demo account>\n");
  process.exit(2);
}

const env = scriptEnv();
// The same secret `npm start` uses: AUTH_SECRET, else the one kept in the data directory.
const authSecret = env.AUTH_SECRET ?? persistentAuthSecret(dataDirFrom(env)).secret;
const { url, stop } = await resolveDatabaseUrl();
const db = createDb(url, 1);
let code = 0;
try {
  const user = await db.user.findUnique({ where: { email }, select: { totpSecret: true } });
  if (!user) {
    process.stderr.write(`No account with the email ${email}.\n`);
    code = 1;
  } else if (!user.totpSecret) {
    process.stderr.write(`${email} has not set up two-step verification yet.\n`);
    code = 1;
  } else {
    const secret = decryptTotpSecret(user.totpSecret, authSecret);
    const now = new Date();
    const left = TOTP_PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_PERIOD_SECONDS);
    process.stdout.write(`${totpCode(secret, now)}  (valid for ${left} more second${left === 1 ? "" : "s"})\n`);
  }
} catch (error) {
  process.stderr.write(`Could not read the code: ${error instanceof Error ? error.message : String(error)}\n`);
  code = 1;
} finally {
  await db.$disconnect();
  await stop();
}
process.exit(code);
