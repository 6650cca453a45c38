// `npm run audit:verify`: recomputes the audit hash chain and names the first broken link.
import { createDb } from "../lib/db/client";
import { verifyAuditChain } from "../lib/audit/verify";
import { resolveDatabaseUrl } from "./lib/database-url";

const { url, stop } = await resolveDatabaseUrl();
const db = createDb(url, 2);
let code = 0;
try {
  const result = await verifyAuditChain(db);
  if (result.ok) {
    process.stdout.write(`Audit chain intact: ${result.checked} events verified.\n`);
  } else {
    const why = result.reason === "BROKEN_LINK" ? "its previous-hash link does not match" : "its contents do not match its hash";
    process.stderr.write(`Audit chain BROKEN at event #${result.brokenSeq}: ${why} (${result.checked} events before it verified).\n`);
    code = 1;
  }
} finally {
  await db.$disconnect();
  await stop();
}
process.exit(code);
