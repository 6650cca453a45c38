// The audit log view's query against a real database: an agency's auditors and admins see their
// own agency's events and nothing else; filters and keyset pages behave as a reader expects.
import { beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { ForbiddenError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { auditActorChoices, queryAuditLog } from "@/lib/audit/query";
import { auditFilterSchema } from "@/lib/validation/audit";
import type { Actor } from "@/lib/auth/actor";
import { auditContext } from "@/lib/auth/actor";
import { useFreshDb } from "./helpers/db";
import { actorFor, useTestSecrets } from "./helpers/actors";

describe("audit log query", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let auditorA: Actor;
  let liaisonA: Actor;
  let auditorB: Actor;

  async function record(actor: Actor, action: string, at: string, outcome: "SUCCESS" | "DENIED" = "SUCCESS") {
    await db().$transaction((tx) =>
      recordAudit(tx, {
        ...auditContext(actor),
        action,
        outcome,
        targetType: "Operation",
        targetId: "op-1",
        at: new Date(at),
      }),
    );
  }

  beforeAll(async () => {
    useTestSecrets(t().url);
    await seed(db());
    auditorA = await actorFor(db(), "auditor@joliet-pd.demo");
    liaisonA = await actorFor(db(), "liaison@joliet-pd.demo");
    auditorB = await actorFor(db(), "auditor@hsi-chicago.demo");
    // 2026-11-20 is a Friday; Chicago is UTC-6 in November, so 05:30Z on the 21st is still the 20th there.
    await record(liaisonA, "operation.create", "2026-11-20T15:00:00Z");
    await record(liaisonA, "operation.update", "2026-11-21T05:30:00Z");
    await record(liaisonA, "operation.update", "2026-11-21T07:00:00Z", "DENIED");
    await record(auditorB, "operation.create", "2026-11-21T08:00:00Z");
    for (let i = 0; i < 7; i++) await record(liaisonA, "notice.ack", `2026-11-22T1${i}:00:00Z`);
  });

  const query = (actor: Actor, raw: Record<string, string>, pageSize?: number) =>
    queryAuditLog({ actor, filter: auditFilterSchema.parse(raw), pageSize, db: db() });

  it("shows only the reader's own agency's events", async () => {
    const a = await query(auditorA, {}, 500);
    expect(a.events.length).toBeGreaterThan(10);
    const agencyOf = await db().auditEvent.findMany({
      where: { seq: { in: a.events.map((e) => BigInt(e.seq)) } },
      select: { agencyId: true },
    });
    expect(new Set(agencyOf.map((e) => e.agencyId))).toEqual(new Set([auditorA.agencyId]));
    const b = await query(auditorB, {}, 500);
    expect(b.events.map((e) => e.action)).toContain("operation.create");
    expect(b.events.some((e) => e.actorUserId === liaisonA.userId)).toBe(false);
    // Even an actor filter naming another agency's person finds nothing.
    expect((await query(auditorB, { actor: liaisonA.userId! })).events).toEqual([]);
  });

  it("is for auditors and agency admins only", async () => {
    await expect(query(liaisonA, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(auditActorChoices({ actor: liaisonA, db: db() })).rejects.toBeInstanceOf(ForbiddenError);
    const admin = await actorFor(db(), "admin@joliet-pd.demo");
    expect((await query(admin, {})).events.length).toBeGreaterThan(0);
    expect((await auditActorChoices({ actor: admin, db: db() })).map((u) => u.email)).toContain(
      "liaison@joliet-pd.demo",
    );
  });

  it("filters by action prefix, outcome and person", async () => {
    expect((await query(auditorA, { action: "operation." })).events.map((e) => e.action)).toEqual([
      "operation.update",
      "operation.update",
      "operation.create",
    ]);
    expect((await query(auditorA, { outcome: "DENIED" })).events.map((e) => e.action)).toEqual(["operation.update"]);
    const byLiaison = await query(auditorA, { actor: liaisonA.userId! }, 500);
    expect(byLiaison.events).toHaveLength(10);
    expect(byLiaison.events.every((e) => e.actorLabel === "liaison@joliet-pd.demo")).toBe(true);
  });

  it("reads date ranges as calendar days in the agency's time zone", async () => {
    const friday = await query(auditorA, { from: "2026-11-20", to: "2026-11-20", action: "operation." });
    expect(friday.events.map((e) => e.at.toISOString())).toEqual([
      "2026-11-21T05:30:00.000Z",
      "2026-11-20T15:00:00.000Z",
    ]);
    const saturday = await query(auditorA, { from: "2026-11-21", action: "operation." });
    expect(saturday.events.map((e) => e.at.toISOString())).toEqual(["2026-11-21T07:00:00.000Z"]);
  });

  it("pages newest first by sequence, forwards and back, without gaps or repeats", async () => {
    const filter = { action: "notice.ack" };
    const first = await query(auditorA, filter, 3);
    expect(first.events).toHaveLength(3);
    expect(first.newer).toBeNull();
    expect(first.older).not.toBeNull();
    const second = await query(auditorA, { ...filter, before: first.older! }, 3);
    const third = await query(auditorA, { ...filter, before: second.older! }, 3);
    expect(third.events).toHaveLength(1);
    expect(third.older).toBeNull();
    const seqs = [...first.events, ...second.events, ...third.events].map((e) => Number(e.seq));
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    expect(new Set(seqs).size).toBe(7);
    const back = await query(auditorA, { ...filter, after: second.newer! }, 3);
    expect(back.events.map((e) => e.seq)).toEqual(first.events.map((e) => e.seq));
    expect(back.newer).toBeNull();
  });

  it("ignores malformed filters instead of failing", async () => {
    const parsed = auditFilterSchema.parse({
      outcome: "MAYBE",
      from: "2026-02-31",
      before: "x'; drop table",
      actor: "nobody",
    });
    expect(parsed).toEqual({
      outcome: undefined,
      from: undefined,
      before: undefined,
      actor: undefined,
      action: undefined,
      to: undefined,
      after: undefined,
    });
  });
});
