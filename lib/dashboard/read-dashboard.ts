// "What needs me now": for the actor's agency only, what waits for its acknowledgment or decision
// (notices oldest first with their escalation clocks, open conflicts, federal requests for those
// who decide), its operations about to start, and — for the map and the next week's timeline —
// the operations it may see: its own, and those it was told of, at the precision the filer chose.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import type { Area } from "../deconfliction/types";
import type { ConflictStatus, FederalRequestKind, OperationStatus, Role, Severity } from "../db/generated/enums";
import { NOTICE_SUBJECT, NOTICE_READING_ROLES } from "../notices/roles";
import { noticeContent } from "../notices/content";
import { CONFLICT_SUBJECT } from "../notices/conflict-alerts";
import { areaFromColumns } from "../operations/area-record";
import { canDecide } from "../requests/access";
import type { MultiPolygon } from "../validation/agency";
import { escalationClocks, type EscalationClock } from "./escalation-clock";

const HOUR = 3_600_000;
export const SOON_HOURS = 48;
export const TIMELINE_DAYS = 7;
export const LIST_LIMIT = 20;
const MAP_LIMIT = 50;

export type Section = "notices" | "conflicts" | "requests" | "operations" | "replies";

export type DashboardNotice = {
  id: string;
  ref: string;
  title: string | null;
  senderAgencyName: string;
  sentAt: Date;
  startsAt: Date;
  endsAt: Date;
  exigent: boolean;
  escalation: EscalationClock;
};
export type DashboardConflict = {
  id: string;
  severity: Severity;
  status: ConflictStatus;
  counterpartAgencyName: string;
  ownOperation: { id: string; ref: string; title: string } | null;
  overlapStart: Date | null;
  overlapEnd: Date | null;
  detectedAt: Date;
  escalation: EscalationClock;
};
export type DashboardRequest = {
  id: string;
  ref: string;
  kind: FederalRequestKind;
  requesterName: string;
  receivedAt: Date;
  dueAt: Date | null;
};
export type DashboardOperation = {
  id: string;
  ref: string;
  title: string;
  status: OperationStatus;
  startsAt: Date;
  endsAt: Date;
};
export type DashboardReply = {
  id: string;
  noticeId: string;
  noticeRef: string;
  title: string | null;
  authorAgencyName: string;
  authorName: string;
  kind: string;
  body: string;
  createdAt: Date;
};
/** One area on the map: a notice's as it was sent (never finer than the filer chose), or the agency's own. */
export type MapItem = {
  kind: "NOTICE" | "OWN";
  id: string;
  href: string;
  title: string;
  agencyName: string;
  startsAt: Date;
  endsAt: Date;
  precision: "EXACT" | "GENERALIZED";
  area: Area;
};
export type TimelineItem = Omit<MapItem, "area" | "precision">;

export type Dashboard = {
  now: Date;
  /** The sections in the order this person should see them: what they must act on first. */
  order: Section[];
  notices: { total: number; items: DashboardNotice[] };
  conflicts: { total: number; items: DashboardConflict[] };
  /** Null for people who may not decide federal requests. */
  requests: { total: number; items: DashboardRequest[] } | null;
  operations: DashboardOperation[];
  replies: DashboardReply[];
  map: { items: MapItem[]; jurisdiction: MultiPolygon | null };
  timeline: TimelineItem[];
};

/** Supervisors work conflicts, chiefs notices and requests, liaisons their own operations and the replies. */
export function sectionOrder(roles: Role[]): Section[] {
  if (roles.includes("CHIEF")) return ["notices", "requests", "conflicts", "operations", "replies"];
  if (roles.includes("SUPERVISOR")) return ["conflicts", "notices", "operations", "replies", "requests"];
  if (roles.includes("LIAISON")) return ["operations", "replies", "notices", "conflicts", "requests"];
  return ["notices", "conflicts", "operations", "replies", "requests"];
}

/** Open conflicts of the agency that its own side has not acknowledged. */
export function conflictsAwaitingWhere(agencyId: string) {
  return {
    status: "OPEN" as const,
    OR: [
      { agencyAId: agencyId, ackAAt: null },
      { agencyBId: agencyId, ackBAt: null },
    ],
  };
}

/** Current notices to the agency that still ask for its acknowledgment. */
export function noticesAwaitingWhere(agencyId: string) {
  return { recipientAgencyId: agencyId, supersededAt: null, requiresAck: true, acknowledgedAt: null };
}

export async function readDashboard(args: { db: Db; actor: Actor; now: Date }): Promise<Dashboard> {
  const { db, actor, now } = args;
  authorize(actor, { roles: NOTICE_READING_ROLES, agencyId: actor.agencyId });
  const deciding = await canDecide(db, actor);
  const [notices, conflicts, requests, operations, replies, seen, agency] = await Promise.all([
    awaitingNotices(db, actor),
    awaitingConflicts(db, actor),
    deciding ? awaitingRequests(db, actor) : Promise.resolve(null),
    db.operation.findMany({
      where: {
        agencyId: actor.agencyId,
        status: { in: ["PLANNED", "ACTIVE"] },
        startsAt: { gte: now, lt: new Date(now.getTime() + SOON_HOURS * HOUR) },
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: LIST_LIMIT,
      select: { id: true, ref: true, title: true, status: true, startsAt: true, endsAt: true },
    }),
    recentReplies(db, actor, now),
    visibleAreas(db, actor, now),
    db.agency.findUnique({ where: { id: actor.agencyId }, select: { boundary: true } }),
  ]);
  const timeline = seen
    .filter((m) => m.startsAt.getTime() < now.getTime() + TIMELINE_DAYS * 24 * HOUR)
    .map((m): TimelineItem => ({
      kind: m.kind,
      id: m.id,
      href: m.href,
      title: m.title,
      agencyName: m.agencyName,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
    }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return {
    now,
    order: sectionOrder(actor.roles).filter((s) => s !== "requests" || deciding),
    notices,
    conflicts,
    requests,
    operations,
    replies,
    map: { items: seen, jurisdiction: (agency?.boundary as MultiPolygon | null) ?? null },
    timeline,
  };
}

async function awaitingNotices(db: Db, actor: Actor): Promise<Dashboard["notices"]> {
  const where = noticesAwaitingWhere(actor.agencyId);
  const [total, rows] = await Promise.all([
    db.notice.count({ where }),
    db.notice.findMany({
      where,
      orderBy: [{ sentAt: "asc" }, { id: "asc" }],
      take: LIST_LIMIT,
      select: { id: true, ref: true, content: true, sentAt: true, startsAt: true, endsAt: true, exigent: true },
    }),
  ]);
  const clocks = await escalationClocks(db, {
    subjectType: NOTICE_SUBJECT,
    subjectIds: rows.map((r) => r.id),
    agencyId: actor.agencyId,
  });
  const items = rows.map((r) => {
    const c = noticeContent(r.content);
    return {
      id: r.id,
      ref: r.ref,
      title: c.operation?.title ?? null,
      senderAgencyName: c.sender.name,
      sentAt: r.sentAt,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      exigent: r.exigent,
      escalation: clocks.get(r.id)!,
    };
  });
  return { total, items };
}

async function awaitingConflicts(db: Db, actor: Actor): Promise<Dashboard["conflicts"]> {
  const where = conflictsAwaitingWhere(actor.agencyId);
  const [total, rows] = await Promise.all([
    db.conflict.count({ where }),
    db.conflict.findMany({
      where,
      orderBy: [{ overlapStart: { sort: "asc", nulls: "last" } }, { detectedAt: "asc" }, { id: "asc" }],
      take: LIST_LIMIT,
      select: {
        id: true,
        severity: true,
        status: true,
        opAId: true,
        opBId: true,
        agencyAId: true,
        agencyBId: true,
        overlapStart: true,
        overlapEnd: true,
        detectedAt: true,
      },
    }),
  ]);
  const own = (r: (typeof rows)[number]) =>
    r.agencyAId === actor.agencyId ? { op: r.opAId, other: r.agencyBId } : { op: r.opBId, other: r.agencyAId };
  const [ops, agencies, clocks] = await Promise.all([
    db.operation.findMany({
      where: { id: { in: rows.map((r) => own(r).op) }, agencyId: actor.agencyId },
      select: { id: true, ref: true, title: true },
    }),
    db.agency.findMany({ where: { id: { in: rows.map((r) => own(r).other) } }, select: { id: true, name: true } }),
    escalationClocks(db, {
      subjectType: CONFLICT_SUBJECT,
      subjectIds: rows.map((r) => r.id),
      agencyId: actor.agencyId,
    }),
  ]);
  const items = rows.map((r) => ({
    id: r.id,
    severity: r.severity,
    status: r.status,
    counterpartAgencyName: agencies.find((a) => a.id === own(r).other)?.name ?? "",
    ownOperation: ops.find((o) => o.id === own(r).op) ?? null,
    overlapStart: r.overlapStart,
    overlapEnd: r.overlapEnd,
    detectedAt: r.detectedAt,
    escalation: clocks.get(r.id)!,
  }));
  return { total, items };
}

async function awaitingRequests(db: Db, actor: Actor): Promise<Dashboard["requests"]> {
  const where = { agencyId: actor.agencyId, decision: null };
  const [total, rows] = await Promise.all([
    db.federalRequest.count({ where }),
    db.federalRequest.findMany({
      where,
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { receivedAt: "asc" }],
      take: LIST_LIMIT,
      select: {
        id: true,
        ref: true,
        kind: true,
        requesterAgencyId: true,
        requesterName: true,
        receivedAt: true,
        dueAt: true,
      },
    }),
  ]);
  const names = await db.agency.findMany({
    where: { id: { in: rows.flatMap((r) => (r.requesterAgencyId ? [r.requesterAgencyId] : [])) } },
    select: { id: true, name: true },
  });
  const items = rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    kind: r.kind,
    requesterName:
      (r.requesterAgencyId ? names.find((n) => n.id === r.requesterAgencyId)?.name : r.requesterName) ?? "",
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
  }));
  return { total, items };
}

/** What other agencies answered on the agency's notices in the last week, newest first. */
async function recentReplies(db: Db, actor: Actor, now: Date): Promise<DashboardReply[]> {
  const rows = await db.noticeMessage.findMany({
    where: {
      notice: { senderAgencyId: actor.agencyId },
      authorAgencyId: { not: actor.agencyId },
      createdAt: { gte: new Date(now.getTime() - TIMELINE_DAYS * 24 * HOUR) },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      noticeId: true,
      authorAgencyId: true,
      authorName: true,
      kind: true,
      body: true,
      createdAt: true,
      notice: { select: { ref: true, content: true } },
    },
  });
  const agencies = await db.agency.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.authorAgencyId))] } },
    select: { id: true, name: true },
  });
  return rows.map((r) => ({
    id: r.id,
    noticeId: r.noticeId,
    noticeRef: r.notice.ref,
    title: noticeContent(r.notice.content).operation?.title ?? null,
    authorAgencyName: agencies.find((a) => a.id === r.authorAgencyId)?.name ?? "",
    authorName: r.authorName,
    kind: r.kind,
    body: r.body,
    createdAt: r.createdAt,
  }));
}

/**
 * The operations the agency may see from now to a week ahead: its own (planned or under way) and
 * the notices it received, each notice's area exactly as stored in it — already generalised when
 * the filer chose so — never the operation's own columns.
 */
async function visibleAreas(db: Db, actor: Actor, now: Date): Promise<MapItem[]> {
  const until = new Date(now.getTime() + TIMELINE_DAYS * 24 * HOUR);
  const window = { startsAt: { lt: until }, endsAt: { gt: now } };
  const [own, received] = await Promise.all([
    db.operation.findMany({
      where: { agencyId: actor.agencyId, status: { in: ["PLANNED", "ACTIVE"] }, ...window },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: MAP_LIMIT,
      select: {
        id: true,
        title: true,
        startsAt: true,
        endsAt: true,
        areaKind: true,
        centerLon: true,
        centerLat: true,
        radiusM: true,
        polygon: true,
      },
    }),
    db.notice.findMany({
      where: {
        recipientAgencyId: actor.agencyId,
        supersededAt: null,
        kind: { notIn: ["CANCELLATION", "ASSISTANCE_REQUEST"] },
        ...window,
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: MAP_LIMIT,
      select: { id: true, startsAt: true, endsAt: true, content: true },
    }),
  ]);
  const items: MapItem[] = own.map((o) => ({
    kind: "OWN",
    id: o.id,
    href: `/operations/${o.id}`,
    title: o.title,
    agencyName: actor.agencyName,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    precision: "EXACT",
    area: areaFromColumns(o),
  }));
  for (const n of received) {
    const c = noticeContent(n.content);
    // A conflict-only notice carries no area: only where the operations meet, which the conflict page shows.
    if (!c.area || !c.operation) continue;
    items.push({
      kind: "NOTICE",
      id: n.id,
      href: `/notices/${n.id}`,
      title: c.operation.title,
      agencyName: c.sender.name,
      startsAt: n.startsAt,
      endsAt: n.endsAt,
      precision: c.area.precision,
      area: c.area.area,
    });
  }
  return items;
}
