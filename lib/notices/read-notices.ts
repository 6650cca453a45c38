// A notice as the lists show it (lib/notices/list-notices.ts), and the navigation's unread count.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { NoticeKind } from "../db/generated/enums";
import type { Actor } from "../auth/actor";
import { noticeContent } from "./content";

export const SUMMARY_SELECT = {
  id: true,
  ref: true,
  kind: true,
  threadId: true,
  operationId: true,
  senderAgencyId: true,
  recipientAgencyId: true,
  reasons: true,
  sentAt: true,
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
  replyUnread: true,
} as const satisfies Prisma.NoticeSelect;

export type NoticeSummary = {
  id: string;
  ref: string;
  kind: NoticeKind;
  threadId: string;
  operationId: string;
  operationRef: string;
  title: string | null;
  /** The operation's status when this notice was sent (null in notices from before it was recorded). */
  operationStatus: string | null;
  senderAgencyName: string;
  recipientAgencyId: string;
  reasons: string[];
  sentAt: Date;
  startsAt: Date;
  endsAt: Date;
  leadMinutes: number;
  requiredLeadHours: number;
  late: boolean;
  exigent: boolean;
  requiresAck: boolean;
  readAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  assistanceKinds: string[];
  assistanceDecision: string | null;
  /** Inbox: waiting for the viewer's agency to acknowledge or decide. */
  needsAction: boolean;
  /** Sent: the recipient wrote since the sending agency last opened the notice. */
  replyUnread: boolean;
};

export type SummaryRow = Prisma.NoticeGetPayload<{ select: typeof SUMMARY_SELECT }>;

export function summary(r: SummaryRow): NoticeSummary {
  const c = noticeContent(r.content);
  return {
    id: r.id,
    ref: r.ref,
    kind: r.kind,
    threadId: r.threadId,
    operationId: r.operationId,
    operationRef: c.operationRef,
    title: c.operation?.title ?? null,
    operationStatus: c.status ?? null,
    senderAgencyName: c.sender.name,
    recipientAgencyId: r.recipientAgencyId,
    reasons: r.reasons,
    sentAt: r.sentAt,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    leadMinutes: r.leadMinutes,
    requiredLeadHours: r.requiredLeadHours,
    late: r.late,
    exigent: r.exigent,
    requiresAck: r.requiresAck,
    readAt: r.readAt,
    acknowledgedAt: r.acknowledgedAt,
    acknowledgedByName: r.acknowledgedByName,
    assistanceKinds: r.assistanceKinds,
    assistanceDecision: r.assistanceDecision,
    needsAction:
      (r.requiresAck && r.acknowledgedAt === null) ||
      (r.kind === "ASSISTANCE_REQUEST" && r.assistanceDecision === null),
    replyUnread: r.replyUnread,
  };
}

/** Unread current notices to the actor's agency (for the navigation badge). */
export async function countUnread(args: { db: Db; actor: Actor }): Promise<number> {
  return args.db.notice.count({ where: { recipientAgencyId: args.actor.agencyId, supersededAt: null, readAt: null } });
}
