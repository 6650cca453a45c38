// One notice as a party agency sees it: what was sent, the thread both agencies share, the
// earlier versions, the escalation steps between them and how delivery went. Opening a notice
// addressed to one's own agency marks it read.
import type { Db } from "../db/client";
import type { NoticeKind } from "../db/generated/enums";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { can } from "../auth/authorize";
import { isId } from "../validation/operation";
import { hostCollisionsFor, type HostCollision } from "../conflicts/host-view";
import { findNoticeForActor, sideOf } from "./access";
import { noticeContent, type NoticeContent } from "./content";
import { NOTICE_ACTING_ROLES, NOTICE_AUDIT, NOTICE_SUBJECT } from "./roles";

export type ThreadEntry = {
  id: string;
  kind: string;
  body: string;
  authorName: string;
  authorAgencyName: string;
  side: "SENDER" | "RECIPIENT";
  createdAt: Date;
};
export type ThreadNotice = {
  id: string;
  ref: string;
  kind: NoticeKind;
  sentAt: Date;
  current: boolean;
  assistanceKinds: string[];
  assistanceDecision: string | null;
};
export type EscalationView = {
  id: string;
  noticeId: string;
  step: number;
  level: string;
  contactName: string | null;
  contactPhone: string | null;
  firedAt: Date;
};
export type DeliveryView = {
  channel: string;
  target: string;
  outcome: string;
  at: Date;
  attempt: number;
  error: string | null;
};

export type NoticeView = {
  id: string;
  ref: string;
  kind: NoticeKind;
  side: "SENDER" | "RECIPIENT";
  threadId: string;
  operationId: string;
  sender: { id: string; name: string };
  recipient: { id: string; name: string; phone24x7: string };
  reasons: string[];
  sentAt: Date;
  sentByLabel: string | null;
  startsAt: Date;
  endsAt: Date;
  content: NoticeContent;
  leadMinutes: number;
  requiredLeadHours: number;
  late: boolean;
  exigent: boolean;
  requiresAck: boolean;
  superseded: boolean;
  readAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  assistanceKinds: string[];
  assistanceDecision: string | null;
  assistanceReason: string | null;
  assistanceDecidedAt: Date | null;
  thread: ThreadEntry[];
  notices: ThreadNotice[];
  escalations: EscalationView[];
  deliveries: DeliveryView[];
  /** The conflict this notice reports, when the viewer's agency is a party to it. */
  conflict: { id: string; status: string; awaitsOwnAck: boolean } | null;
  /** For the recipient: its own operations this one overlaps (by the refs the notice names). */
  ownOperations: { id: string; ref: string; title: string }[];
  /** For the recipient: other operations it was notified of that this one collides with. */
  collisions: HostCollision[];
};

const VIEW_SELECT = {
  id: true,
  ref: true,
  kind: true,
  threadId: true,
  operationId: true,
  senderAgencyId: true,
  recipientAgencyId: true,
  reasons: true,
  sentAt: true,
  sentByLabel: true,
  startsAt: true,
  endsAt: true,
  content: true,
  leadMinutes: true,
  requiredLeadHours: true,
  late: true,
  exigent: true,
  requiresAck: true,
  supersededAt: true,
  readAt: true,
  acknowledgedAt: true,
  acknowledgedByName: true,
  assistanceKinds: true,
  assistanceDecision: true,
  assistanceReason: true,
  assistanceDecidedAt: true,
  conflictId: true,
} as const;

export async function getNoticeView(args: { db: Db; actor: Actor; noticeId: string }): Promise<NoticeView> {
  const { db, actor } = args;
  const n = await findNoticeForActor(db, actor, args.noticeId, VIEW_SELECT);
  const [agencies, notices, messages] = await Promise.all([
    db.agency.findMany({
      where: { id: { in: [n.senderAgencyId, n.recipientAgencyId] } },
      select: { id: true, name: true, phone24x7: true },
    }),
    // The thread's notices all share this pair of agencies; the where clause says so again.
    db.notice.findMany({
      where: { threadId: n.threadId, senderAgencyId: n.senderAgencyId, recipientAgencyId: n.recipientAgencyId },
      orderBy: { sentAt: "asc" },
      select: {
        id: true,
        ref: true,
        kind: true,
        sentAt: true,
        supersededAt: true,
        assistanceKinds: true,
        assistanceDecision: true,
      },
    }),
    db.noticeMessage.findMany({
      where: { threadId: n.threadId, authorAgencyId: { in: [n.senderAgencyId, n.recipientAgencyId] } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const names = new Map(agencies.map((a) => [a.id, a]));
  const content = noticeContent(n.content);
  const recipientSide = n.recipientAgencyId === actor.agencyId;
  const ownRefs = recipientSide
    ? [...new Set(content.conflicts.map((c) => c.yourOperationRef).filter((r): r is string => !!r))]
    : [];
  const [conflictRow, ownOperations, collisions] = await Promise.all([
    n.conflictId
      ? db.conflict.findFirst({
          where: { id: n.conflictId, OR: [{ agencyAId: actor.agencyId }, { agencyBId: actor.agencyId }] },
          select: { id: true, status: true, agencyAId: true, ackAAt: true, ackBAt: true },
        })
      : null,
    ownRefs.length
      ? db.operation.findMany({
          where: { ref: { in: ownRefs }, agencyId: actor.agencyId },
          select: { id: true, ref: true, title: true },
          orderBy: { ref: "asc" },
        })
      : [],
    recipientSide ? hostCollisionsFor(db, actor, n.operationId) : [],
  ]);
  const conflict = conflictRow
    ? {
        id: conflictRow.id,
        status: conflictRow.status,
        awaitsOwnAck:
          conflictRow.status !== "CLOSED" &&
          (conflictRow.agencyAId === actor.agencyId ? conflictRow.ackAAt : conflictRow.ackBAt) === null,
      }
    : null;
  const ids = notices.map((x) => x.id);
  const [escalations, deliveries] = await Promise.all([
    db.escalationStep.findMany({
      where: { subjectType: NOTICE_SUBJECT, subjectId: { in: ids }, recipientAgencyId: n.recipientAgencyId },
      orderBy: [{ firedAt: "asc" }, { step: "asc" }],
      select: {
        id: true,
        subjectId: true,
        step: true,
        level: true,
        contactName: true,
        contactPhone: true,
        firedAt: true,
      },
    }),
    db.deliveryAttempt.findMany({
      where: { subjectType: NOTICE_SUBJECT, subjectId: n.id, agencyId: n.recipientAgencyId },
      orderBy: { at: "asc" },
    }),
  ]);
  return {
    id: n.id,
    ref: n.ref,
    kind: n.kind,
    side: sideOf(actor, n),
    threadId: n.threadId,
    operationId: n.operationId,
    sender: { id: n.senderAgencyId, name: names.get(n.senderAgencyId)?.name ?? "" },
    recipient: {
      id: n.recipientAgencyId,
      name: names.get(n.recipientAgencyId)?.name ?? "",
      phone24x7: names.get(n.recipientAgencyId)?.phone24x7 ?? "",
    },
    reasons: n.reasons,
    sentAt: n.sentAt,
    sentByLabel: n.sentByLabel,
    startsAt: n.startsAt,
    endsAt: n.endsAt,
    content,
    leadMinutes: n.leadMinutes,
    requiredLeadHours: n.requiredLeadHours,
    late: n.late,
    exigent: n.exigent,
    requiresAck: n.requiresAck,
    superseded: n.supersededAt !== null,
    readAt: n.readAt,
    acknowledgedAt: n.acknowledgedAt,
    acknowledgedByName: n.acknowledgedByName,
    assistanceKinds: n.assistanceKinds,
    assistanceDecision: n.assistanceDecision,
    assistanceReason: n.assistanceReason,
    assistanceDecidedAt: n.assistanceDecidedAt,
    thread: messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      body: m.body,
      authorName: m.authorName,
      authorAgencyName: names.get(m.authorAgencyId)?.name ?? "",
      side: m.authorAgencyId === n.recipientAgencyId ? "RECIPIENT" : "SENDER",
      createdAt: m.createdAt,
    })),
    notices: notices.map((x) => ({
      id: x.id,
      ref: x.ref,
      kind: x.kind,
      sentAt: x.sentAt,
      current: x.supersededAt === null,
      assistanceKinds: x.assistanceKinds,
      assistanceDecision: x.assistanceDecision,
    })),
    escalations: escalations.map((e) => ({
      id: e.id,
      noticeId: e.subjectId,
      step: e.step,
      level: e.level,
      contactName: e.contactName,
      contactPhone: e.contactPhone,
      firedAt: e.firedAt,
    })),
    // The sender learns how delivery went, not the recipient's individual addresses.
    deliveries: deliveries.map((d) => ({
      channel: d.channel,
      target: sideOf(actor, n) === "RECIPIENT" ? d.target : "",
      outcome: d.outcome,
      at: d.at,
      attempt: d.attempt,
      error: d.error,
    })),
    conflict,
    ownOperations,
    collisions,
  };
}

/**
 * The first time someone who answers for the recipient agency opens it; and, when someone who
 * answers for the sending agency opens it, the recipient's replies count as read.
 */
export async function markNoticeRead(args: { db: Db; actor: Actor; noticeId: string; now: Date }): Promise<boolean> {
  const { db, actor, noticeId, now } = args;
  if (!isId(noticeId) || !can(actor, { roles: NOTICE_ACTING_ROLES, agencyId: actor.agencyId })) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.notice.updateMany({
      where: { id: noticeId, recipientAgencyId: actor.agencyId, readAt: null },
      data: { readAt: now, readById: actor.userId ?? actor.id },
    });
    if (count === 1)
      await recordAudit(tx, {
        action: NOTICE_AUDIT.read,
        targetType: "Notice",
        targetId: noticeId,
        at: now,
        ...auditContext(actor),
      });
    const own = await tx.notice.findFirst({
      where: { id: noticeId, senderAgencyId: actor.agencyId, replyUnread: true },
      select: { threadId: true },
    });
    if (own) {
      await tx.notice.updateMany({
        where: { threadId: own.threadId, senderAgencyId: actor.agencyId },
        data: { replyUnread: false },
      });
      await recordAudit(tx, {
        action: NOTICE_AUDIT.readReplies,
        targetType: "Notice",
        targetId: noticeId,
        at: now,
        ...auditContext(actor),
      });
    }
    return count === 1;
  });
}
