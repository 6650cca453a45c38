// The audit log read as sentences, and its CSV export, against a real database: only the reader's
// agency's events, the filters respected, records named by reference and linked only when within
// the reader's reach, and the export itself audited.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { ForbiddenError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { describeEvents } from "@/lib/audit/describe";
import { exportAuditCsv } from "@/lib/audit/export-csv";
import { queryAuditLog } from "@/lib/audit/query";
import { auditContext, type Actor } from "@/lib/auth/actor";
import { messagesFor } from "@/lib/i18n/catalog";
import { createTranslator } from "@/lib/i18n/translate";
import { auditFilterSchema } from "@/lib/validation/audit";
import { useFreshDb } from "./helpers/db";
import { actorFor, useTestSecrets } from "./helpers/actors";

const en = createTranslator(messagesFor("en"), "en");
const es = createTranslator(messagesFor("es"), "es");
const NOW = new Date("2026-11-25T12:00:00Z");

describe("audit log sentences and export", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let auditorA: Actor;
  let liaisonA: Actor;
  let liaisonB: Actor;
  const ownNotice = { id: randomUUID(), ref: "N-2026-0012" };
  const otherNotice = { id: randomUUID(), ref: "N-2026-0099" };

  async function record(
    actor: Actor,
    action: string,
    at: string,
    extra: { targetType?: string; targetId?: string; outcome?: "SUCCESS" | "DENIED" } = {},
  ) {
    await db().$transaction((tx) =>
      recordAudit(tx, {
        ...auditContext(actor),
        action,
        outcome: extra.outcome ?? "SUCCESS",
        targetType: extra.targetType,
        targetId: extra.targetId,
        at: new Date(at),
      }),
    );
  }

  const notice = (n: { id: string; ref: string }, sender: string, recipient: string) => ({
    id: n.id,
    ref: n.ref,
    threadId: randomUUID(),
    kind: "ADVANCE" as const,
    operationId: randomUUID(),
    senderAgencyId: sender,
    recipientAgencyId: recipient,
    reasons: ["HOST"],
    sentAt: NOW,
    operationVersion: 1,
    startsAt: NOW,
    endsAt: NOW,
    content: {},
    leadMinutes: 0,
    requiredLeadHours: 24,
    late: false,
    title: "t",
  });

  beforeAll(async () => {
    useTestSecrets(t().url);
    await seed(db());
    auditorA = await actorFor(db(), "auditor@joliet-pd.demo");
    liaisonA = await actorFor(db(), "liaison@joliet-pd.demo");
    liaisonB = await actorFor(db(), "liaison@hsi-chicago.demo");
    await db().notice.createMany({
      data: [
        notice(ownNotice, liaisonB.agencyId, liaisonA.agencyId),
        notice(otherNotice, liaisonB.agencyId, (await actorFor(db(), "liaison@cook-sheriff.demo")).agencyId),
      ],
    });
    await record(liaisonA, "notice.acknowledge", "2026-11-20T15:00:00Z", {
      targetType: "Notice",
      targetId: ownNotice.id,
    });
    // An id outside Joliet's reach (another agency's notice) is named by kind only.
    await record(liaisonA, "notice.read", "2026-11-20T16:00:00Z", { targetType: "Notice", targetId: otherNotice.id });
    await record(liaisonA, "conflict.acknowledge", "2026-11-21T16:00:00Z", {
      targetType: "Conflict",
      targetId: randomUUID(),
      outcome: "DENIED",
    });
    await record(liaisonA, "auth.signIn", "2026-11-22T16:00:00Z");
    await record(liaisonB, "notice.acknowledge", "2026-11-20T15:30:00Z", {
      targetType: "Notice",
      targetId: ownNotice.id,
    });
  });

  const page = (actor: Actor, raw: Record<string, string>) =>
    queryAuditLog({ actor, filter: auditFilterSchema.parse(raw), pageSize: 500, db: db() });

  it("reads each event as a sentence naming the person and the record, in English and Spanish", async () => {
    const { events } = await page(auditorA, { group: "notices" });
    const [read, ack] = await describeEvents({ db: db(), actor: auditorA, events, t: en });
    expect(ack.text).toBe(`${liaisonA.name} acknowledged notice N-2026-0012`);
    expect(ack.parts).toContainEqual({ text: "notice N-2026-0012", href: `/notices/${ownNotice.id}` });
    expect(read.text).toBe(`${liaisonA.name} opened a notice for the first time`);
    expect(read.text).not.toContain(otherNotice.id);
    expect(read.parts.some((p) => typeof p !== "string" && p.href)).toBe(false);
    const [, ackEs] = await describeEvents({ db: db(), actor: auditorA, events, t: es });
    expect(ackEs.text).toBe(`${liaisonA.name} acusó recibo del aviso N-2026-0012`);
    const [refused] = await describeEvents({
      db: db(),
      actor: auditorA,
      events: (await page(auditorA, { group: "conflicts" })).events,
      t: en,
    });
    expect(refused.text).toBe(`${liaisonA.name} tried to acknowledge a conflict — refused`);
  });

  it("filters by action group, person and date", async () => {
    expect((await page(auditorA, { group: "notices" })).events.map((e) => e.action)).toEqual([
      "notice.read",
      "notice.acknowledge",
    ]);
    expect((await page(auditorA, { group: "signIn", actor: liaisonA.userId! })).events.map((e) => e.action)).toEqual([
      "auth.signIn",
    ]);
    expect((await page(auditorA, { from: "2026-11-21", to: "2026-11-21" })).events.map((e) => e.action)).toEqual([
      "conflict.acknowledge",
    ]);
  });

  it("exports only the reader's agency's events, as filtered, and records the export", async () => {
    const csv = await exportAuditCsv({
      db: db(),
      actor: auditorA,
      filter: auditFilterSchema.parse({ group: "notices" }),
      t: en,
      locale: "en",
      now: NOW,
    });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("seq,time_utc,time_local,person,event,action,record,outcome,request_id,source_ip,details");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${liaisonA.name} opened a notice for the first time`);
    expect(lines[2]).toContain(`${liaisonA.name} acknowledged notice N-2026-0012`);
    expect(lines[2]).toContain("CST");
    expect(csv).not.toContain(liaisonB.name);

    const all = await exportAuditCsv({
      db: db(),
      actor: auditorA,
      filter: auditFilterSchema.parse({}),
      t: en,
      locale: "en",
      now: NOW,
    });
    const seqs = all
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => BigInt(l.split(",")[0]));
    const agencies = await db().auditEvent.findMany({ where: { seq: { in: seqs } }, select: { agencyId: true } });
    expect(seqs.length).toBeGreaterThan(5);
    expect(new Set(agencies.map((a) => a.agencyId))).toEqual(new Set([auditorA.agencyId]));

    const exports = await db().auditEvent.findMany({ where: { action: "audit.export" }, orderBy: { seq: "asc" } });
    expect(exports.map((e) => [e.agencyId, e.actorUserId, (e.details as { rows: number }).rows])).toEqual([
      [auditorA.agencyId, auditorA.userId, 2],
      [auditorA.agencyId, auditorA.userId, seqs.length],
    ]);
    expect((exports[0].details as { filter: unknown }).filter).toEqual({ group: "notices" });
    // The export shows up in the log as a sentence too.
    const [latest] = await describeEvents({
      db: db(),
      actor: auditorA,
      events: (await page(auditorA, { group: "audit" })).events,
      t: en,
    });
    expect(latest.text).toBe(`${auditorA.name} exported the audit log (${seqs.length} events)`);
  });

  it("is for auditors and admins only", async () => {
    await expect(
      exportAuditCsv({ db: db(), actor: liaisonA, filter: auditFilterSchema.parse({}), t: en, locale: "en", now: NOW }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
