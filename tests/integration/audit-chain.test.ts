// The audit trail is tamper-evident: `npm run audit:verify` recomputes the hash chain and names
// the first event that was altered, or whose link to its predecessor was broken by a deletion.
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { useFreshDb } from "./helpers/db";
import { runScript, toolEnv } from "./helpers/start-process";

describe("audit chain", () => {
  const t = useFreshDb();

  async function record(n: number) {
    const base = Date.parse("2026-11-23T12:00:00Z");
    for (let i = 0; i < n; i++) {
      await t().db.$transaction((tx) =>
        recordAudit(tx, {
          action: "test.event",
          actorLabel: `tester-${i}`,
          targetType: "Thing",
          targetId: `thing-${i}`,
          details: { i, nested: { b: 2, a: 1 }, note: 'ünïcødé; commas, and "quotes"' },
          at: new Date(base + i * 1000),
        }),
      );
    }
    return t().db.auditEvent.findMany({ orderBy: { seq: "asc" } });
  }

  async function runVerify() {
    const run = runScript("scripts/audit-verify.ts", [], toolEnv({ DATABASE_URL: t().url }));
    const exit = await run.exited();
    return { code: exit.code, output: run.output() };
  }

  it("links each event to the one before and verifies intact", async () => {
    const rows = await record(6);
    expect(rows).toHaveLength(6);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain(t().db)).toMatchObject({ ok: true, checked: 6 });
    const cli = await runVerify();
    expect(cli.code, cli.output).toBe(0);
    expect(cli.output).toContain("6 events verified");
  });

  it("fails at the event whose stored contents were altered", async () => {
    const rows = await t().db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    const victim = rows[3];
    await t().db.$executeRaw`UPDATE "AuditEvent" SET "outcome" = 'FAILURE' WHERE seq = ${victim.seq}`;
    expect(await verifyAuditChain(t().db)).toMatchObject({
      ok: false,
      brokenSeq: victim.seq,
      reason: "HASH_MISMATCH",
      checked: 3,
    });
    const cli = await runVerify();
    expect(cli.code).toBe(1);
    expect(cli.output).toContain(`BROKEN at event #${victim.seq}`);
    await t().db.$executeRaw`UPDATE "AuditEvent" SET "outcome" = 'SUCCESS' WHERE seq = ${victim.seq}`;
    expect(await verifyAuditChain(t().db)).toMatchObject({ ok: true });
  });

  it("fails after a deleted event, at the next one, even if its hash is recomputed", async () => {
    const rows = await t().db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    await t().db.$executeRaw`DELETE FROM "AuditEvent" WHERE seq = ${rows[2].seq}`;
    expect(await verifyAuditChain(t().db)).toMatchObject({ ok: false, brokenSeq: rows[3].seq, reason: "BROKEN_LINK" });
  });

  it("fails when a details field is rewritten", async () => {
    const db = t().db;
    await db.$executeRaw`DELETE FROM "AuditEvent"`;
    const rows = await record(3);
    await db.$executeRaw`UPDATE "AuditEvent" SET details = jsonb_set(details, '{i}', '99') WHERE seq = ${rows[1].seq}`;
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenSeq: rows[1].seq, reason: "HASH_MISMATCH" });
  });
});
