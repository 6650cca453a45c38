// `npm run audit:anchors [-- --now]`: prints the audit chain's signed anchors, one JSON line each
// (the file `npm run audit:verify -- --anchors` reads), and the public key that checks them.
// With --now, first anchors the current head (as the daily job does).
import { parseArgs } from "node:util";
import { anchorAuditChain, listAnchors } from "../lib/audit/anchor";
import { createDb } from "../lib/db/client";
import { resolveDatabaseUrl } from "./lib/database-url";
import { persistentAuthSecret } from "./lib/auth-secret";
import { dataDirFrom, scriptAnchorKey, scriptEnv } from "./lib/script-env";

const { values } = parseArgs({ options: { now: { type: "boolean", default: false } } });
const key = await scriptAnchorKey(scriptEnv());
const { url, stop } = await resolveDatabaseUrl();
const db = createDb(url, 2);
try {
  if (values.now) {
    // Anchoring queues the auditors' emails, which read the app's configuration.
    process.env.DATABASE_URL ??= url;
    process.env.AUTH_SECRET ??= persistentAuthSecret(dataDirFrom(scriptEnv())).secret;
    await anchorAuditChain(db, { now: new Date(), key });
  }
  process.stderr.write(`Public key ${key.keyId}: ${key.publicKeyBase64} (Ed25519, raw, base64)\n`);
  for (const a of await listAnchors(db)) process.stdout.write(`${JSON.stringify(a)}\n`);
} finally {
  await db.$disconnect();
  await stop();
}
