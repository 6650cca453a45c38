// Audit anchoring: the chain's head signed daily and sent to the auditors. A rewrite that
// recomputes every later hash passes the chain check (audit:verify's first half) but not the
// anchors — stored or published; forged or deleted anchors are caught too.
import { describe, expect, it } from "vitest";
import { anchorAuditChain, anchorKeyFrom, listAnchors, verifyAnchors } from "@/lib/audit/anchor";
import { eventHash } from "@/lib/audit/hash";
import { recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { Db } from "@/lib/db/client";
import { appJobHandlers, queueDailyAnchor } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/runner";
import { seed } from "@/prisma/seed";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";

const key = anchorKeyFrom({ authSecret: "integration-tests-only-secret-0123456789" });
const T0 = new Date("2027-01-05T02:00:00Z");

async function addEvents(db: Db, n: number, at: Date) {
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) => recordAudit(tx, { action: "test.event", actorLabel: "tester", details: { i }, at }));
  }
}

/** What someone with write access to the database could do: alter an event, recompute every hash after it. */
async function rewriteFrom(db: Db, seq: bigint, details: Record<string, unknown>) {
  const rows = await db.auditEvent.findMany({ where: { seq: { gte: seq } }, orderBy: { seq: "asc" } });
  const before = await db.auditEvent.findFirst({ where: { seq: { lt: seq } }, orderBy: { seq: "desc" } });
  let prevHash = before?.hash ?? "0".repeat(64);
  for (const [i, row] of rows.entries()) {
    const changed = { ...row, details: i === 0 ? details : row.details, prevHash };
    const hash = eventHash(changed);
    await db.$executeRaw`UPDATE "AuditEvent" SET "details" = ${JSON.stringify(changed.details)}::jsonb, "prevHash" = ${prevHash}, "hash" = ${hash} WHERE "seq" = ${row.seq}`;
    prevHash = hash;
  }
}

describe("audit anchors", () => {
  const t = useFreshDb();
  it("signs the head daily, once, emails every auditor, and verifies", async () => {
    const { db, url } = t();
    useTestSecrets(url);
    await seed(db);
    await addEvents(db, 3, T0);
    await queueDailyAnchor(db, T0);
    await queueDailyAnchor(db, new Date(T0.getTime() + 3_600_000)); // same day: the same job
    await runDueJobs({ db, handlers: appJobHandlers(), now: T0, queues: ["audit.anchor"] });
    const anchors = await listAnchors(db);
    expect(anchors).toHaveLength(1);
    const auditors = await db.user.count({ where: { active: true, roles: { has: "AUDITOR" } } });
    expect(auditors).toBeGreaterThan(0);
    const mails = await db.mailMessage.findMany({ where: { template: "auditAnchor" } });
    expect(mails).toHaveLength(auditors);
    expect(mails[0].text).toContain(anchors[0].hash);
    expect(mails[0].text).toContain(JSON.stringify(anchors[0]));
    expect(await db.auditEvent.count({ where: { action: "audit.anchor" } })).toBe(1);
    expect(await verifyAnchors(db, { key, published: anchors })).toEqual({ checked: 2, problems: [] });

    // The next day's head is another anchor; anchoring the same head again adds nothing.
    await addEvents(db, 2, new Date(T0.getTime() + 86_400_000));
    const next = await anchorAuditChain(db, { now: new Date(T0.getTime() + 86_400_000), key });
    expect(next?.created).toBe(true);
    const again = await anchorAuditChain(db, { now: new Date(T0.getTime() + 86_400_000), key });
    expect(again?.created).toBe(false);
  });

  it("catches a rewrite that the recomputed chain alone does not", async () => {
    const { db } = t();
    const published = await listAnchors(db);
    const first = await db.auditEvent.findFirstOrThrow({ where: { action: "test.event" }, orderBy: { seq: "asc" } });
    await rewriteFrom(db, first.seq, { i: "quietly changed" });

    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    const result = await verifyAnchors(db, { key, published });
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.reason === "HASH_DIFFERS")).toBe(true);
    expect(result.problems.map((p) => p.source).sort()).toEqual(expect.arrayContaining(["DATABASE", "PUBLISHED"]));
  });

  it("catches anchors re-signed without the key, and anchors deleted from the database", async () => {
    const { db } = t();
    const published = await listAnchors(db);
    // Rewriting the stored anchors to match the rewritten chain needs the signing key.
    for (const a of published) {
      const event = await db.auditEvent.findUniqueOrThrow({ where: { seq: BigInt(a.seq) } });
      await db.auditAnchor.update({ where: { seq: BigInt(a.seq) }, data: { hash: event.hash } });
    }
    const forged = await verifyAnchors(db, { key });
    expect(forged.problems.map((p) => p.reason)).toEqual(published.map(() => "BAD_SIGNATURE"));

    // Signing with another key is no better; deleting the anchors leaves the published copy.
    const other = anchorKeyFrom({ authSecret: "someone-else-secret-0123456789-abcdef" });
    expect((await verifyAnchors(db, { key: other })).problems.every((p) => p.reason === "UNKNOWN_KEY")).toBe(true);
    await db.auditAnchor.deleteMany({});
    const deleted = await verifyAnchors(db, { key, published });
    expect(deleted.problems.filter((p) => p.reason === "MISSING_FROM_DATABASE")).toHaveLength(published.length);
  });
});
