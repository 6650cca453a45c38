// What every step on a conflict leaves behind, in the caller's transaction: the two-sided record
// (ConflictEvent), the audit event, a live event for both agencies, and an email to the supervisors
// of the agency that did not take the step. Also the email both sides' supervisors get when a
// conflict is found. Each email tells its reader only what need to know allows: their own
// operation, the other agency's name, and when and roughly where the two meet.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client";
import type { ConflictEventKind, ConflictOutcome } from "../db/generated/enums";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { env } from "../env";
import { isLocale, type Locale } from "../i18n/locales";
import { queueMail, type MailRecipient } from "../mail/queue-mail";
import type { MailParams, MailTemplate } from "../mail/render";
import { publishLiveEvent } from "../realtime/publish";
import type { WebhookEvent } from "../webhooks/events";
import { CONFLICT_EMAIL_ROLES, CONFLICT_SUBJECT } from "./roles";

type ConflictRef = { id: string; opAId: string; opBId: string; agencyAId: string; agencyBId: string };

const STEP_TEMPLATE: Record<ConflictEventKind, MailTemplate> = {
  ACKNOWLEDGED: "conflictAcknowledged",
  PROPOSED: "conflictProposed",
  CONFIRMED: "conflictConfirmed",
  CONTESTED: "conflictContested",
  REOPENED: "conflictReopened",
};

export function conflictLink(conflictId: string): string {
  const base = env().PUBLIC_BASE_URL ?? env().NEXTAUTH_URL ?? "http://localhost:3000";
  return new URL(`/conflicts/${conflictId}`, base).toString();
}

/** An agency's supervisors, each in their own language first; its watch desk when it has none. */
async function supervisorMailing(tx: Tx, agencyId: string) {
  const agency = await tx.agency.findUniqueOrThrow({
    where: { id: agencyId },
    select: { email: true, languages: true, timeZone: true },
  });
  const languages = agency.languages.filter(isLocale) as Locale[];
  const users = await tx.user.findMany({
    where: { agencyId, active: true, roles: { hasSome: CONFLICT_EMAIL_ROLES } },
    select: { id: true, email: true, name: true, locale: true },
    orderBy: { name: "asc" },
  });
  const contacts: { to: MailRecipient; locales: Locale[] }[] = users.map((u) => ({
    to: { address: u.email, name: u.name, userId: u.id, agencyId },
    locales: isLocale(u.locale) ? [u.locale, ...languages] : languages,
  }));
  if (contacts.length === 0 && agency.email)
    contacts.push({ to: { address: agency.email, name: null, userId: null, agencyId }, locales: languages });
  return { timeZone: agency.timeZone, contacts };
}

/** The recipient's own operation and the other agency's name: what its email may say. */
async function sideFacts(tx: Tx, c: ConflictRef, recipientAgencyId: string) {
  const ownOpId = c.agencyAId === recipientAgencyId ? c.opAId : c.opBId;
  const otherAgencyId = c.agencyAId === recipientAgencyId ? c.agencyBId : c.agencyAId;
  const [own, other] = await Promise.all([
    tx.operation.findUniqueOrThrow({ where: { id: ownOpId }, select: { ref: true, title: true } }),
    tx.agency.findUniqueOrThrow({ where: { id: otherAgencyId }, select: { name: true } }),
  ]);
  return { ownRef: own.ref, ownTitle: own.title, otherAgency: other.name };
}

async function emailSupervisors(
  tx: Tx,
  o: { conflict: ConflictRef; recipientAgencyId: string; template: MailTemplate; params: MailParams; now: Date },
) {
  const mailing = await supervisorMailing(tx, o.recipientAgencyId);
  const params: MailParams = {
    ...(await sideFacts(tx, o.conflict, o.recipientAgencyId)),
    ...o.params,
    link: conflictLink(o.conflict.id),
  };
  for (const c of mailing.contacts) {
    await queueMail(tx, {
      to: c.to,
      template: o.template,
      params,
      locales: c.locales,
      timeZone: mailing.timeZone,
      about: { type: CONFLICT_SUBJECT, id: o.conflict.id },
      now: o.now,
    });
  }
}

/** A conflict was found (or found again): both sides' supervisors are emailed. */
export async function emailConflictFound(tx: Tx, o: { conflictId: string; now: Date }): Promise<void> {
  const c = await tx.conflict.findUniqueOrThrow({
    where: { id: o.conflictId },
    select: {
      id: true,
      opAId: true,
      opBId: true,
      agencyAId: true,
      agencyBId: true,
      overlapStart: true,
      overlapEnd: true,
      whereLon: true,
      whereLat: true,
    },
  });
  const where = c.whereLat !== null && c.whereLon !== null ? `${c.whereLat.toFixed(3)}, ${c.whereLon.toFixed(3)}` : "—";
  for (const agencyId of [c.agencyAId, c.agencyBId]) {
    const window =
      c.overlapStart && c.overlapEnd ? { start: c.overlapStart, end: c.overlapEnd } : { start: "—", end: "—" };
    await emailSupervisors(tx, {
      conflict: c,
      recipientAgencyId: agencyId,
      template: "conflictFound",
      params: { ...window, area: where },
      now: o.now,
    });
  }
}

/** The steps agencies' own systems subscribe to: an acknowledgment, and the outcome confirmed by both sides. */
const STEP_WEBHOOK: Partial<Record<ConflictEventKind, WebhookEvent>> = {
  ACKNOWLEDGED: "conflict.acknowledged",
  CONFIRMED: "conflict.resolved",
};

export type ConflictStep = {
  actor: Actor;
  conflict: ConflictRef;
  kind: ConflictEventKind;
  audit: string;
  outcome?: ConflictOutcome | null;
  note?: string | null;
  details?: Record<string, unknown>;
  now: Date;
};

export async function recordConflictStep(tx: Tx, s: ConflictStep): Promise<void> {
  const { actor, conflict, now } = s;
  await tx.conflictEvent.create({
    data: {
      id: randomUUID(),
      conflictId: conflict.id,
      kind: s.kind,
      agencyId: actor.agencyId,
      byId: actor.userId ?? null,
      byName: actor.name,
      outcome: s.outcome ?? null,
      note: s.note ?? null,
      at: now,
    },
  });
  const side = conflict.agencyAId === actor.agencyId ? "A" : "B";
  await recordAudit(tx, {
    action: s.audit,
    targetType: "Conflict",
    targetId: conflict.id,
    details: { side, ...(s.outcome ? { outcome: s.outcome } : {}), ...s.details },
    at: now,
    ...auditContext(actor),
  });
  const webhook = STEP_WEBHOOK[s.kind];
  await publishLiveEvent(
    tx,
    { type: "conflict", agencyIds: [conflict.agencyAId, conflict.agencyBId], id: conflict.id },
    webhook ? { event: webhook, now } : undefined,
  );
  const otherAgencyId = side === "A" ? conflict.agencyBId : conflict.agencyAId;
  const params: MailParams = { fromAgency: actor.agencyName, person: actor.name, at: now, note: s.note ?? "" };
  if (s.outcome) params.outcome = s.outcome;
  await emailSupervisors(tx, {
    conflict,
    recipientAgencyId: otherAgencyId,
    template: STEP_TEMPLATE[s.kind],
    params,
    now,
  });
}
