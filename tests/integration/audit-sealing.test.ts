// Audit events are linked into the chain as their transaction commits, by the database: the
// chain's lock is never held while a transaction is still at work, an event never outlives a
// rolled-back change, and many transactions committing at once still make one intact chain.
import { describe, expect, it } from "vitest";
import { auditedTransaction, recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { createDb } from "@/lib/db/client";
import { useFreshDb } from "./helpers/db";

const at = new Date("2026-12-03T12:00:00Z");
const event = (action: string, i = 0) => ({ action, targetType: "Thing", targetId: `t-${i}`, details: { i }, at });

describe("audit events sealed at commit", () => {
  const t = useFreshDb();

  it("does not hold the chain's lock while a transaction is still working", async () => {
    const db = createDb(t().url, 4);
    try {
      let releaseSlow!: () => void;
      const slowMayFinish = new Promise<void>((r) => (releaseSlow = r));
      let slowRecorded!: () => void;
      const recorded = new Promise<void>((r) => (slowRecorded = r));
      const slow = db.$transaction(
        async (tx) => {
          await recordAudit(tx, event("test.slow"));
          slowRecorded();
          await slowMayFinish;
        },
        { timeout: 30_000 },
      );
      await recorded;
      // The slow transaction has recorded its event and is still open: another change commits with its own.
      await db.$transaction((tx) => recordAudit(tx, event("test.quick")));
      const quick = await db.auditEvent.findFirst({ where: { action: "test.quick" } });
      expect(quick).not.toBeNull();
      expect(await db.auditEvent.count({ where: { action: "test.slow" } })).toBe(0);
      releaseSlow();
      await slow;
      const slowRow = await db.auditEvent.findFirstOrThrow({ where: { action: "test.slow" } });
      // Linked in commit order: after the quick one, to it.
      expect(slowRow.seq).toBeGreaterThan(quick!.seq);
      expect(slowRow.prevHash).toBe(quick!.hash);
      expect(await db.auditPending.count()).toBe(0);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    } finally {
      await db.$disconnect();
    }
  });

  it("leaves nothing of a rolled-back change, and no gap in the chain", async () => {
    const before = await t().db.auditEvent.count();
    await expect(
      auditedTransaction(t().db, async (tx) => {
        await recordAudit(tx, event("test.rolled-back"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await t().db.$transaction((tx) => recordAudit(tx, event("test.after")));
    expect(await t().db.auditEvent.count({ where: { action: "test.rolled-back" } })).toBe(0);
    const rows = await t().db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)!.seq).toBe(rows.at(-2)!.seq + 1n);
    expect(await t().db.auditPending.count()).toBe(0);
  });

  it("keeps the order events were recorded in, within a transaction", async () => {
    await auditedTransaction(t().db, async (tx) => {
      for (let i = 0; i < 5; i++) await recordAudit(tx, event("test.ordered", i));
    });
    const rows = await t().db.auditEvent.findMany({ where: { action: "test.ordered" }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.targetId)).toEqual(["t-0", "t-1", "t-2", "t-3", "t-4"]);
  });

  it("makes one intact chain from many transactions committing at once", async () => {
    const db = createDb(t().url, 12);
    try {
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          auditedTransaction(db, async (tx) => {
            await recordAudit(tx, event("test.parallel", i));
            await recordAudit(tx, event("test.parallel.second", i));
          }),
        ),
      );
      const result = await verifyAuditChain(db);
      expect(result).toMatchObject({ ok: true });
      expect(await db.auditEvent.count({ where: { action: { startsWith: "test.parallel" } } })).toBe(120);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses, at commit, an event recorded in a transaction that could read a stale head", async () => {
    await expect(
      t().db.$transaction((tx) => recordAudit(tx, event("test.repeatable-read")), {
        isolationLevel: "RepeatableRead",
      }),
    ).rejects.toThrow(/READ COMMITTED/);
    expect(await t().db.auditEvent.count({ where: { action: "test.repeatable-read" } })).toBe(0);
  });
});
