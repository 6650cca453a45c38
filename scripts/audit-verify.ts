// `npm run audit:verify [-- --anchors <file>]`: recomputes the audit hash chain and names the first
// broken link, then checks the chain against its signed anchors — those in the database and, with
// --anchors, a copy of the published ones (one JSON anchor per line, as emailed to auditors or
// exported by `npm run audit:anchors`). A rewrite that recomputed every later hash passes the first
// check and fails the second.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createDb } from "../lib/db/client";
import { verifyAnchors, type PublishedAnchor } from "../lib/audit/anchor";
import { verifyAuditChain } from "../lib/audit/verify";
import { resolveDatabaseUrl } from "./lib/database-url";
import { scriptAnchorKey, scriptEnv } from "./lib/script-env";

const { values } = parseArgs({ options: { anchors: { type: "string" } } });

const anchorLine = z.object({
  seq: z.string().regex(/^\d+$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  eventAt: z.string(),
  signedAt: z.string(),
  keyId: z.string(),
  signature: z.string(),
});

function readPublished(file: string): PublishedAnchor[] {
  const lines = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("{"));
  return lines.map((line, i) => {
    const parsed = anchorLine.safeParse(
      (() => {
        try {
          return JSON.parse(line);
        } catch {
          return null;
        }
      })(),
    );
    if (!parsed.success) throw new Error(`${file}: line ${i + 1} is not an anchor`);
    return parsed.data;
  });
}

let published: PublishedAnchor[] | undefined;
try {
  published = values.anchors ? readPublished(values.anchors) : undefined;
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(64);
}

const key = await scriptAnchorKey(scriptEnv());
const { url, stop } = await resolveDatabaseUrl();
const db = createDb(url, 2);
let code = 0;
const REASONS = {
  BAD_SIGNATURE: "its signature is not the instance key's",
  UNKNOWN_KEY: "it was signed with another key",
  EVENT_MISSING: "the event it anchors is missing",
  HASH_DIFFERS: "the event's hash differs from the anchored one: the trail was rewritten at or before it",
  MISSING_FROM_DATABASE: "it was published but is no longer in the database",
} as const;
try {
  const result = await verifyAuditChain(db);
  if (result.ok) {
    process.stdout.write(`Audit chain intact: ${result.checked} events verified.\n`);
  } else {
    const why =
      result.reason === "BROKEN_LINK" ? "its previous-hash link does not match" : "its contents do not match its hash";
    process.stderr.write(
      `Audit chain BROKEN at event #${result.brokenSeq}: ${why} (${result.checked} events before it verified).\n`,
    );
    code = 1;
  }
  const anchors = await verifyAnchors(db, { key, published });
  if (anchors.problems.length === 0) {
    process.stdout.write(
      `Anchors match: ${anchors.checked} signed heads checked${published ? ` (${published.length} from ${values.anchors})` : ""}.\n`,
    );
  } else {
    for (const p of anchors.problems) {
      process.stderr.write(
        `Anchor at event #${p.seq} (${p.source === "PUBLISHED" ? "published copy" : "database"}) FAILS: ${REASONS[p.reason]}.\n`,
      );
    }
    code = 1;
  }
} finally {
  await db.$disconnect();
  await stop();
}
process.exit(code);
