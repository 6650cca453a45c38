// The inbox (notices to the actor's agency: unread first, then by start time) and the sent view
// (the actor's agency's notices, per operation, with who has acknowledged and who has not).
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { NoticeKind } from "../db/generated/enums";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { noticeContent } from "./content";
import { NOTICE_READING_ROLES } from "./roles";

export const LIST_LIMIT = 200;

const SUMMARY_SELECT = {
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
};

type Row = Prisma.NoticeGetPayload<{ select: typeof SUMMARY_SELECT }>;

function summary(r: Row): NoticeSummary {
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
  };
}

/** Current notices to the actor's agency: unread first, then by start time. */
export async function listInbox(args: { db: Db; actor: Actor }): Promise<NoticeSummary[]> {
  const { db, actor } = args;
  authorize(actor, { roles: NOTICE_READING_ROLES, agencyId: actor.agencyId });
  const rows = await db.notice.findMany({
    where: { recipientAgencyId: actor.agencyId, supersededAt: null },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: SUMMARY_SELECT,
  });
  return rows
    .map((r) => summary(r))
    .sort((a, b) => Number(a.readAt !== null) - Number(b.readAt !== null) || a.startsAt.getTime() - b.startsAt.getTime() || a.sentAt.getTime() - b.sentAt.getTime());
}

export type SentOperation = {
  operationId: string;
  operationRef: string;
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  exigent: boolean;
  recipients: (NoticeSummary & { recipientAgencyName: string })[];
};

/** The actor's agency's current notices, one group per operation, latest start first. */
export async function listSent(args: { db: Db; actor: Actor }): Promise<SentOperation[]> {
  const { db, actor } = args;
  authorize(actor, { roles: NOTICE_READING_ROLES, agencyId: actor.agencyId });
  const rows = await db.notice.findMany({
    where: { senderAgencyId: actor.agencyId, supersededAt: null },
    orderBy: [{ startsAt: "desc" }, { sentAt: "asc" }],
    take: LIST_LIMIT,
    select: SUMMARY_SELECT,
  });
  const [agencies, operations] = await Promise.all([
    db.agency.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.recipientAgencyId))] } }, select: { id: true, name: true } }),
    // A conflict-only notice shows only when the operations meet; the group shows the operation's own window.
    db.operation.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.operationId))] }, agencyId: actor.agencyId }, select: { id: true, startsAt: true, endsAt: true } }),
  ]);
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const windows = new Map(operations.map((o) => [o.id, o]));
  const groups = new Map<string, SentOperation>();
  for (const r of rows) {
    const s = summary(r);
    const own = windows.get(s.operationId);
    const g = groups.get(s.operationId) ?? {
      operationId: s.operationId,
      operationRef: s.operationRef,
      title: s.title,
      startsAt: own?.startsAt ?? s.startsAt,
      endsAt: own?.endsAt ?? s.endsAt,
      exigent: s.exigent,
      recipients: [],
    };
    g.title ??= s.title;
    g.recipients.push({ ...s, recipientAgencyName: names.get(s.recipientAgencyId) ?? "" });
    groups.set(s.operationId, g);
  }
  for (const g of groups.values()) g.recipients.sort((a, b) => a.recipientAgencyName.localeCompare(b.recipientAgencyName) || a.sentAt.getTime() - b.sentAt.getTime());
  return [...groups.values()];
}

/** Unread current notices to the actor's agency (for the navigation badge). */
export async function countUnread(args: { db: Db; actor: Actor }): Promise<number> {
  return args.db.notice.count({ where: { recipientAgencyId: args.actor.agencyId, supersededAt: null, readAt: null } });
}
