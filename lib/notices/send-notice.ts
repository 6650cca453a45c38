// Sends one notice to one agency inside the caller's transaction: the notice row (in its thread,
// superseding the one before), its in-app delivery record, the emails (durable jobs), the
// escalation timer, a live event for both agencies and the audit event — all or nothing.
import { randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import type { NoticeKind } from "../db/generated/enums";
import type { Tx } from "../db/client";
import { noticeEmailActions } from "../action-links/offers";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { scheduleEscalation, stopEscalation } from "../jobs/escalation";
import { recordDeliveryAttempt } from "../mail/delivery-attempts";
import { queueMail } from "../mail/queue-mail";
import type { MailParams, MailTemplate } from "../mail/render";
import { publishLiveEvent } from "../realtime/publish";
import { areaSummary, pointSummary } from "./area-text";
import { agencyMailing, noticeLink } from "./contacts";
import type { NoticeContent, NoticeOperation } from "./content";
import { isLate, leadMinutes } from "./lead-time";
import { NOTICE_AUDIT, NOTICE_SUBJECT } from "./roles";

/** Kinds that replace the thread's current notice; an assistance request sits beside it. */
const SUPERSEDING: NoticeKind[] = ["ADVANCE", "UPDATE", "CANCELLATION", "EXIGENT_AFTER_ACTION", "CONFLICT"];

const TEMPLATE: Record<NoticeKind, MailTemplate> = {
  ADVANCE: "notice",
  UPDATE: "noticeUpdate",
  CANCELLATION: "noticeCancel",
  EXIGENT_AFTER_ACTION: "noticeExigent",
  ASSISTANCE_REQUEST: "assistanceRequest",
  CONFLICT: "conflict",
};

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export function newNoticeRef(): string {
  const bytes = randomBytes(10);
  let out = "";
  for (let i = 0; i < 10; i++) out += ALPHABET[bytes[i] & 31];
  return `N-${out.slice(0, 5)}-${out.slice(5)}`;
}

export type SendNoticeInput = {
  actor: Actor;
  now: Date;
  operation: NoticeOperation;
  recipientAgencyId: string;
  reasons: string[];
  kind: NoticeKind;
  content: NoticeContent;
  conflictId?: string | null;
  /** Whether the recipient must acknowledge it (a cancellation need not be). */
  requiresAck: boolean;
  /** Whether its own escalation timer runs (a conflict notice escalates through its conflict instead). */
  escalate: boolean;
  assistanceKinds?: string[];
};

export type SentNotice = {
  id: string;
  ref: string;
  threadId: string;
  recipientAgencyId: string;
  kind: NoticeKind;
  late: boolean;
};

export async function sendNotice(tx: Tx, input: SendNoticeInput): Promise<SentNotice> {
  const { actor, now, operation: op } = input;
  const previous = await tx.notice.findFirst({
    where: { operationId: op.id, recipientAgencyId: input.recipientAgencyId },
    orderBy: { sentAt: "desc" },
    select: { threadId: true, replyUnread: true },
  });
  const threadId = previous?.threadId ?? randomUUID();
  if (SUPERSEDING.includes(input.kind)) await supersede(tx, threadId, input.recipientAgencyId, now);

  const recipient = await tx.agency.findUniqueOrThrow({
    where: { id: input.recipientAgencyId },
    select: { noticeLeadHours: true },
  });
  // The window the content shows: the operation's, or for a conflict-only recipient when the two meet
  // (the lead time counts to that too, so it does not give the operation's start away).
  const startsAt = new Date(input.content.startsAt);
  const endsAt = new Date(input.content.endsAt);
  const lead = leadMinutes(startsAt, now);
  const id = randomUUID();
  const ref = newNoticeRef();
  const late = isLate(lead, recipient.noticeLeadHours);
  await tx.notice.create({
    data: {
      id,
      ref,
      threadId,
      kind: input.kind,
      operationId: op.id,
      conflictId: input.conflictId ?? null,
      senderAgencyId: op.agencyId,
      recipientAgencyId: input.recipientAgencyId,
      reasons: input.reasons,
      sentAt: now,
      sentByUserId: actor.userId,
      sentByLabel: actor.kind === "API_TOKEN" ? `api-token:${actor.id}` : actor.name,
      operationVersion: op.version,
      startsAt,
      endsAt,
      content: input.content as unknown as Prisma.InputJsonValue,
      leadMinutes: lead,
      requiredLeadHours: recipient.noticeLeadHours,
      late,
      exigent: op.exigent,
      requiresAck: input.requiresAck,
      assistanceKinds: input.assistanceKinds ?? [],
      title: input.content.operation?.title ?? "",
      // An update does not make the recipient's unanswered reply read.
      replyUnread: previous?.replyUnread ?? false,
    },
  });
  await recordDeliveryAttempt(tx, {
    subjectType: NOTICE_SUBJECT,
    subjectId: id,
    agencyId: input.recipientAgencyId,
    channel: "IN_APP",
    target: "inbox",
    attempt: 1,
    at: now,
    outcome: "SENT",
  });

  let ackBy: Date | null = null;
  if (input.requiresAck && input.escalate) {
    ackBy = (
      await scheduleEscalation(tx, {
        subjectType: NOTICE_SUBJECT,
        subjectId: id,
        recipientAgencyId: input.recipientAgencyId,
        originAgencyId: op.agencyId,
        startsAt: op.startsAt,
        now,
      })
    ).firstAt;
  }
  await emailNotice(tx, {
    id,
    kind: input.kind,
    content: input.content,
    recipientAgencyId: input.recipientAgencyId,
    ackBy,
    now,
    conflictId: input.conflictId ?? null,
    requiresAck: input.requiresAck,
  });
  await publishLiveEvent(
    tx,
    { type: "notice", agencyIds: [input.recipientAgencyId, op.agencyId], id },
    { event: "notice.received", agencyIds: [input.recipientAgencyId], now },
  );
  await recordAudit(tx, {
    action: NOTICE_AUDIT.send,
    targetType: "Notice",
    targetId: id,
    details: {
      ref,
      kind: input.kind,
      operationRef: op.ref,
      recipientAgencyId: input.recipientAgencyId,
      reasons: input.reasons,
      leadMinutes: lead,
      late,
      exigent: op.exigent,
    },
    at: now,
    ...auditContext(actor),
  });
  return { id, ref, threadId, recipientAgencyId: input.recipientAgencyId, kind: input.kind, late };
}

/** The thread's current notice is replaced: it needs no acknowledgment any more, so its timers stop. */
async function supersede(tx: Tx, threadId: string, recipientAgencyId: string, now: Date): Promise<void> {
  const current = await tx.notice.findMany({
    where: { threadId, supersededAt: null, kind: { in: SUPERSEDING } },
    select: { id: true },
  });
  if (current.length === 0) return;
  await tx.notice.updateMany({ where: { id: { in: current.map((n) => n.id) } }, data: { supersededAt: now } });
  for (const n of current)
    await stopEscalation(tx, { subjectType: NOTICE_SUBJECT, subjectId: n.id, recipientAgencyId, now });
}

async function emailNotice(
  tx: Tx,
  o: {
    id: string;
    kind: NoticeKind;
    content: NoticeContent;
    recipientAgencyId: string;
    ackBy: Date | null;
    now: Date;
    conflictId: string | null;
    requiresAck: boolean;
  },
): Promise<void> {
  const { content } = o;
  const mailing = await agencyMailing(tx, o.recipientAgencyId);
  const first = content.conflicts[0];
  const params: MailParams =
    o.kind === "CONFLICT"
      ? {
          otherAgency: content.sender.name,
          // The content's window is already when the operations meet, across all the conflicts.
          start: new Date(content.startsAt),
          end: new Date(content.endsAt),
          area: pointSummary(first?.where ?? null),
          link: noticeLink(o.id),
        }
      : {
          fromAgency: content.sender.name,
          title: content.operation?.title ?? content.operationRef,
          start: new Date(content.startsAt),
          end: new Date(content.endsAt),
          area: areaSummary(content.area),
          ackBy: o.ackBy ?? new Date(content.startsAt),
          link: noticeLink(o.id),
        };
  for (const c of mailing.contacts) {
    const actions = await noticeEmailActions(tx, { userId: c.to.userId, notice: o });
    await queueMail(tx, {
      to: c.to,
      template: TEMPLATE[o.kind],
      params,
      locales: c.locales,
      timeZone: mailing.timeZone,
      about: { type: NOTICE_SUBJECT, id: o.id },
      now: o.now,
      actions,
    });
  }
}
