// The inbox (current notices to the actor's agency) and the sent list (its own current notices,
// with each recipient's replies and escalations), filtered, searched and paged newest first on
// (sentAt, id). The actor's agency is always one side of the where: a filter naming another agency
// only narrows.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { EscalationLevel } from "../db/generated/enums";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { containsPattern, dayRange, timeKeyset, timeOrder, toPage, type Page } from "../lists/keyset";
import { noticeListSchema, REPLY_KINDS, type NoticeListInput } from "../validation/notice";
import { summary, SUMMARY_SELECT, type NoticeSummary } from "./read-notices";
import { NOTICE_READING_ROLES, NOTICE_SUBJECT } from "./roles";

function noticeWhere(actor: Actor, f: NoticeListInput): Prisma.NoticeWhereInput {
  const inbox = f.box === "inbox";
  const and: Prisma.NoticeWhereInput[] = [
    inbox ? { recipientAgencyId: actor.agencyId } : { senderAgencyId: actor.agencyId },
    { supersededAt: null },
  ];
  if (f.agency) and.push(inbox ? { senderAgencyId: f.agency } : { recipientAgencyId: f.agency });
  if (f.kind) and.push({ kind: f.kind });
  if (f.status === "UNREAD") and.push({ readAt: null });
  if (f.status === "AWAITING_ACK") and.push({ requiresAck: true, acknowledgedAt: null });
  if (f.status === "ACKNOWLEDGED") and.push({ acknowledgedAt: { not: null } });
  if (f.status === "NO_ACK_NEEDED") and.push({ requiresAck: false });
  if (f.action) {
    and.push(
      inbox
        ? {
            OR: [
              { requiresAck: true, acknowledgedAt: null },
              { kind: "ASSISTANCE_REQUEST", assistanceDecision: null },
            ],
          }
        : { replyUnread: true },
    );
  }
  // The date range is the operation's window as the notice gives it: anything overlapping those days.
  const { start, end } = dayRange(actor.agencyTimeZone, f.from, f.to);
  if (start) and.push({ endsAt: { gte: start } });
  if (end) and.push({ startsAt: { lt: end } });
  if (f.q) {
    const like = containsPattern(f.q);
    and.push({
      OR: [{ title: { contains: like, mode: "insensitive" } }, { ref: { contains: like, mode: "insensitive" } }],
    });
  }
  return { AND: and };
}

async function readPage(db: Db, actor: Actor, f: NoticeListInput) {
  const d = { after: f.after, before: f.before };
  const rows = await db.notice.findMany({
    where: { AND: [noticeWhere(actor, f), timeKeyset("sentAt", d)] },
    orderBy: timeOrder("sentAt", d),
    take: f.pageSize + 1,
    select: SUMMARY_SELECT,
  });
  return toPage(
    rows,
    f.pageSize,
    d,
    (r) => [r.sentAt, r.id],
    (kept) => kept.map(summary),
  );
}

/** Current notices to the actor's agency, newest first. */
export async function listInbox(args: { db: Db; actor: Actor; input?: unknown }): Promise<Page<NoticeSummary>> {
  const { db, actor } = args;
  authorize(actor, { roles: NOTICE_READING_ROLES, agencyId: actor.agencyId });
  const f = noticeListSchema.parse({ ...(args.input as object), box: "inbox" });
  return readPage(db, actor, f);
}

export type ThreadActivity = {
  replies: number;
  latestReply: { authorName: string; kind: string; body: string; at: Date } | null;
  escalations: number;
  latestEscalation: { level: EscalationLevel; contactName: string | null; at: Date } | null;
};

export type SentNotice = NoticeSummary & ThreadActivity & { recipientAgencyName: string };

export type SentOperation = {
  operationId: string;
  operationRef: string;
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  exigent: boolean;
  /** Over all the operation's current notices, not only this page's. */
  acknowledged: number;
  awaiting: number;
  recipients: SentNotice[];
};

export type SentPage = { operations: SentOperation[]; next: string | null; prev: string | null };

/**
 * The actor's agency's current notices, newest first; a page's notices of one operation are shown
 * together under it.
 */
export async function listSent(args: { db: Db; actor: Actor; input?: unknown }): Promise<SentPage> {
  const { db, actor } = args;
  authorize(actor, { roles: NOTICE_READING_ROLES, agencyId: actor.agencyId });
  const f = noticeListSchema.parse({ ...(args.input as object), box: "sent" });
  const page = await readPage(db, actor, f);
  const rows = page.items;
  const opIds = [...new Set(rows.map((r) => r.operationId))];
  const [agencies, operations, acks, activity] = await Promise.all([
    db.agency.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.recipientAgencyId))] } },
      select: { id: true, name: true },
    }),
    // A conflict-only notice shows only when the operations meet; the group shows the operation's own window.
    db.operation.findMany({
      where: { id: { in: opIds }, agencyId: actor.agencyId },
      select: { id: true, startsAt: true, endsAt: true },
    }),
    db.notice.groupBy({
      by: ["operationId", "requiresAck", "acknowledgedAt"],
      where: { operationId: { in: opIds }, senderAgencyId: actor.agencyId, supersededAt: null, requiresAck: true },
      _count: { _all: true },
    }),
    threadActivity(db, actor, rows),
  ]);
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const windows = new Map(operations.map((o) => [o.id, o]));
  // One group per operation on the page, where its newest notice falls.
  const groups = new Map<string, SentOperation>();
  for (const s of rows) {
    let g = groups.get(s.operationId);
    if (!g) {
      const own = windows.get(s.operationId);
      const counts = acks.filter((a) => a.operationId === s.operationId);
      g = {
        operationId: s.operationId,
        operationRef: s.operationRef,
        title: s.title,
        startsAt: own?.startsAt ?? s.startsAt,
        endsAt: own?.endsAt ?? s.endsAt,
        exigent: s.exigent,
        acknowledged: counts.filter((a) => a.acknowledgedAt !== null).reduce((n, a) => n + a._count._all, 0),
        awaiting: counts.filter((a) => a.acknowledgedAt === null).reduce((n, a) => n + a._count._all, 0),
        recipients: [],
      };
      groups.set(s.operationId, g);
    }
    g.title ??= s.title;
    g.recipients.push({ ...s, ...activity.get(s.id)!, recipientAgencyName: names.get(s.recipientAgencyId) ?? "" });
  }
  return { operations: [...groups.values()], next: page.next, prev: page.prev };
}

/** Replies from each recipient (over the whole thread) and escalation steps, for one page of notices. */
async function threadActivity(db: Db, actor: Actor, rows: NoticeSummary[]): Promise<Map<string, ThreadActivity>> {
  const [messages, steps] = await Promise.all([
    db.noticeMessage.findMany({
      where: {
        threadId: { in: rows.map((r) => r.threadId) },
        authorAgencyId: { not: actor.agencyId },
        kind: { in: [...REPLY_KINDS] },
      },
      orderBy: { createdAt: "desc" },
      select: { threadId: true, authorAgencyId: true, authorName: true, kind: true, body: true, createdAt: true },
    }),
    db.escalationStep.findMany({
      where: { subjectType: NOTICE_SUBJECT, subjectId: { in: rows.map((r) => r.id) }, originAgencyId: actor.agencyId },
      orderBy: { firedAt: "desc" },
      select: { subjectId: true, level: true, contactName: true, firedAt: true },
    }),
  ]);
  const out = new Map<string, ThreadActivity>();
  for (const r of rows) {
    const replies = messages.filter((m) => m.threadId === r.threadId && m.authorAgencyId === r.recipientAgencyId);
    const escalations = steps.filter((e) => e.subjectId === r.id);
    const m = replies[0];
    const e = escalations[0];
    out.set(r.id, {
      replies: replies.length,
      latestReply: m ? { authorName: m.authorName, kind: m.kind, body: m.body.slice(0, 140), at: m.createdAt } : null,
      escalations: escalations.length,
      latestEscalation: e ? { level: e.level, contactName: e.contactName, at: e.firedAt } : null,
    });
  }
  return out;
}

/** Inbox: notices waiting for the actor's agency. Sent: notices with replies nobody there has read. */
export async function countNeedingAction(args: { db: Db; actor: Actor; box: "inbox" | "sent" }): Promise<number> {
  const { db, actor, box } = args;
  authorize(actor, { roles: NOTICE_READING_ROLES, agencyId: actor.agencyId });
  return db.notice.count({ where: noticeWhere(actor, noticeListSchema.parse({ box, action: "1" })) });
}

/** The other agencies a list can be narrowed to (every active one but the actor's). */
export async function otherAgencies(args: { db: Db; actor: Actor }): Promise<{ id: string; name: string }[]> {
  return args.db.agency.findMany({
    where: { active: true, id: { not: args.actor.agencyId } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
