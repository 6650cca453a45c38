// The audit log as an agency's auditors and admins read it: their own agency's events only,
// newest first, filtered, in pages keyed on the event sequence (stable while events are appended).
import { db as defaultDb, type Db } from "../db/client";
import type { AuditEvent, Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { zonedWallTimeToUtc } from "../i18n/format";
import type { AuditFilter } from "../validation/audit";
import { AUDIT_GROUPS, type AuditGroup } from "./action-codes";

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  seq: string;
  at: Date;
  actorUserId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: "SUCCESS" | "FAILURE" | "DENIED";
  requestId: string | null;
  sourceIp: string | null;
  details: unknown;
};

export type AuditPage = { events: AuditRow[]; older: string | null; newer: string | null };

type Query = { actor: Actor | null; filter: AuditFilter; pageSize?: number; db?: Db };

export function authorizeAuditReader(actor: Actor | null | undefined): asserts actor is Actor {
  authorize(actor, { roles: ["AUDITOR", "AGENCY_ADMIN"] });
}

export async function queryAuditLog({
  actor,
  filter,
  pageSize = AUDIT_PAGE_SIZE,
  db = defaultDb(),
}: Query): Promise<AuditPage> {
  authorizeAuditReader(actor);
  const where = filterWhere(actor, filter);
  const goingBack = filter.after !== undefined && filter.before === undefined;
  const cursor: Prisma.AuditEventWhereInput = goingBack
    ? { seq: { gt: BigInt(filter.after!) } }
    : filter.before !== undefined
      ? { seq: { lt: BigInt(filter.before) } }
      : {};
  const rows = await db.auditEvent.findMany({
    where: { AND: [where, cursor] },
    orderBy: { seq: goingBack ? "asc" : "desc" },
    take: pageSize + 1,
  });
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (goingBack) page.reverse();
  const events = page.map(toRow);
  if (events.length === 0) return { events, older: null, newer: null };
  const first = BigInt(events[0].seq);
  const last = BigInt(events[events.length - 1].seq);
  const hasOlder = goingBack ? await exists(db, where, { seq: { lt: last } }) : more;
  const hasNewer = goingBack ? more : await exists(db, where, { seq: { gt: first } });
  return { events, older: hasOlder ? String(last) : null, newer: hasNewer ? String(first) : null };
}

/** The people whose actions can appear in the log, for the actor filter. */
export async function auditActorChoices({ actor, db = defaultDb() }: { actor: Actor | null; db?: Db }) {
  authorizeAuditReader(actor);
  return db.user.findMany({
    where: { agencyId: actor.agencyId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

export function filterWhere(actor: Actor, f: AuditFilter): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  // Dates are the agency's calendar days, not UTC days.
  if (f.from) at.gte = zonedWallTimeToUtc(`${f.from}T00:00`, actor.agencyTimeZone) ?? undefined;
  if (f.to) {
    const end = zonedWallTimeToUtc(`${nextDay(f.to)}T00:00`, actor.agencyTimeZone);
    if (end) at.lt = end;
  }
  return {
    agencyId: actor.agencyId,
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.group
      ? { OR: AUDIT_GROUPS[f.group as AuditGroup].map((prefix) => ({ action: { startsWith: prefix } })) }
      : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.actor ? { actorUserId: f.actor } : {}),
    ...(at.gte || at.lt ? { at } : {}),
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

async function exists(
  db: Db,
  where: Prisma.AuditEventWhereInput,
  extra: Prisma.AuditEventWhereInput,
): Promise<boolean> {
  return (await db.auditEvent.findFirst({ where: { AND: [where, extra] }, select: { seq: true } })) !== null;
}

export function toRow(e: AuditEvent): AuditRow {
  return {
    seq: String(e.seq),
    at: e.at,
    actorUserId: e.actorUserId,
    actorLabel: e.actorLabel,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    outcome: e.outcome,
    requestId: e.requestId,
    sourceIp: e.sourceIp,
    details: e.details,
  };
}
