// Prints the plans PostgreSQL picks for the long lists' queries (inbox and sent keyset pages,
// search by title and reference, the audit log page) over a scratch database of `--n` notices
// spread over the demo agencies. Plans, not timings: `npx tsx bench/lists-explain.ts --n 20000`.
import { parseArgs } from "node:util";
import { createDb } from "../lib/db/client";
import { seed } from "../prisma/seed";
import { applyMigrations } from "../scripts/db/engine";
import { resolveDatabaseUrl } from "../scripts/lib/database-url";
import { quoteIdent, withClient, withDatabase } from "../scripts/lib/pg-url";

const { values } = parseArgs({ options: { n: { type: "string", default: "20000" } } });
const n = Number(values.n);
const NAME = "cg_lists_explain";

const { url: adminUrl, stop } = await resolveDatabaseUrl();
await withClient(adminUrl, async (c) => {
  await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(NAME)} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${quoteIdent(NAME)}`);
});
const url = withDatabase(adminUrl, NAME);
await applyMigrations(url);
// The seed encrypts demo secrets with the configuration lib/env.ts validates.
process.env.AUTH_SECRET ??= "bench-only-secret-0123456789-0123456789";
process.env.DATABASE_URL ??= url;
const db = createDb(url, 2);
await seed(db);
await withClient(url, async (c) => {
  await c.query(
    `INSERT INTO "Notice" (id, ref, "threadId", kind, "operationId", "senderAgencyId", "recipientAgencyId", reasons, "sentAt", "operationVersion", "startsAt", "endsAt", content, "leadMinutes", "requiredLeadHours", late, title, "readAt")
     SELECT gen_random_uuid(), 'N-2027-' || lpad(i::text, 6, '0'), gen_random_uuid(), 'ADVANCE', gen_random_uuid(),
            (SELECT id FROM "Agency" ORDER BY slug OFFSET (i % 7) LIMIT 1), (SELECT id FROM "Agency" ORDER BY slug OFFSET 7 + (i % 13) LIMIT 1), ARRAY['HOST'],
            now() - (i / 4) * interval '1 minute', 1, now(), now() + interval '4 hours', '{}'::jsonb, 0, 24, false,
            (ARRAY['Warrant service, west suburbs', 'Surveillance near Midway', 'Crowd event policing, Broadview', 'Fugitive apprehension'])[1 + i % 4] || ' #' || i,
            CASE WHEN i % 3 = 0 THEN NULL ELSE now() END
     FROM generate_series(1, $1) AS i`,
    [n],
  );
  await c.query(`ANALYZE`);
  const { rows } = await c.query<{ id: string }>(
    `SELECT "recipientAgencyId" AS id FROM "Notice" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  const agency = rows[0].id;
  const plans: [string, string, unknown[]][] = [
    [
      "inbox, first page",
      `SELECT id FROM "Notice" WHERE "recipientAgencyId" = $1 AND "supersededAt" IS NULL ORDER BY "sentAt" DESC, id DESC LIMIT 26`,
      [agency],
    ],
    [
      "inbox, a deep page (keyset)",
      `SELECT id FROM "Notice" WHERE "recipientAgencyId" = $1 AND "supersededAt" IS NULL AND "sentAt" <= now() - interval '2 days' AND ("sentAt" < now() - interval '2 days' OR ("sentAt" = now() - interval '2 days' AND id < $2)) ORDER BY "sentAt" DESC, id DESC LIMIT 26`,
      [agency, "ffffffff-ffff-ffff-ffff-ffffffffffff"],
    ],
    [
      "inbox, search by title",
      `SELECT id FROM "Notice" WHERE "recipientAgencyId" = $1 AND "supersededAt" IS NULL AND (title ILIKE '%' || $2 || '%' OR ref ILIKE '%' || $2 || '%') ORDER BY "sentAt" DESC, id DESC LIMIT 26`,
      [agency, "midway #123"],
    ],
    [
      "inbox, search by reference",
      `SELECT id FROM "Notice" WHERE "recipientAgencyId" = $1 AND "supersededAt" IS NULL AND (title ILIKE '%' || $2 || '%' OR ref ILIKE '%' || $2 || '%') ORDER BY "sentAt" DESC, id DESC LIMIT 26`,
      [agency, "n-2027-0012"],
    ],
    [
      "inbox, unread",
      `SELECT id FROM "Notice" WHERE "recipientAgencyId" = $1 AND "supersededAt" IS NULL AND "readAt" IS NULL ORDER BY "sentAt" DESC, id DESC LIMIT 26`,
      [agency],
    ],
    ["audit log page", `SELECT seq FROM "AuditEvent" WHERE "agencyId" = $1 ORDER BY seq DESC LIMIT 51`, [agency]],
  ];
  console.log(
    `${n} notices; the busiest inbox holds ${(await c.query(`SELECT count(*) FROM "Notice" WHERE "recipientAgencyId" = $1`, [agency])).rows[0].count}`,
  );
  for (const [label, sql, params] of plans) {
    const plan = await c.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${sql}`, params);
    console.log(`\n## ${label}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
});
await db.$disconnect();
await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(NAME)} WITH (FORCE)`));
await stop();
process.exit(0);
