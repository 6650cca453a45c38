// The conflict queue and the actions on one conflict. Only the two party agencies can reach a
// conflict; for anyone else it is NotFound, so its existence does not leak.
import type { Db } from "../db/client";
import { auditedTransaction } from "../audit/record";
import type { Actor } from "../auth/actor";
import { auditRefusal } from "../users/admin-scope";
import { authorize } from "../auth/authorize";
import { ConflictError, NotFoundError } from "../errors";
import type { Prisma } from "../db/generated/client";
import { containsPattern, dayRange, toPage, type Page } from "../lists/keyset";
import { CONFLICT_STATUSES, listConflictsSchema, SEVERITIES, type ListConflictsInput } from "../validation/conflict";
import { acknowledgeConflictSide } from "./acknowledge-side";
import { isId } from "../validation/operation";
import {
  buildConflictView,
  CONFLICT_ROW_SELECT,
  factsFor,
  sideOf,
  type ConflictFacts,
  type ConflictView,
  type Side,
} from "./conflict-view";
import { CONFLICT_AUDIT, CONFLICT_DECIDING_ROLES, CONFLICT_READING_ROLES, partyWhere } from "./roles";
import type { ConflictStatus, Severity } from "../db/generated/enums";

export type ConflictSummary = {
  id: string;
  status: ConflictStatus;
  side: Side;
  facts: ConflictFacts;
  detectedAt: Date;
  ownOperation: { id: string; ref: string; title: string; startsAt: Date; endsAt: Date };
  counterpartAgency: { id: string; name: string; shortName: string };
  acknowledgedByOwnSide: boolean;
  acknowledgedByCounterpart: boolean;
  outcome: string | null;
  /** An outcome is proposed and waits for a side: "OWN" (the other side proposed: ours to answer) or "OTHER". */
  awaiting: "OWN" | "OTHER" | null;
};

export type ConflictPage = Page<ConflictSummary> & { total: number };

const STATUS_ORDER = [...CONFLICT_STATUSES]; // OPEN first (the enum's own order)
const SEVERITY_ORDER = [...SEVERITIES].reverse(); // most severe first

/**
 * Rows after (or before) a cursor in the queue's order — status, then severity, then newest, then
 * id. Enums have no "greater than" in a where, so each is the list of values that sort later.
 */
function queueKeyset(d: { after?: string[]; before?: string[] }): Prisma.ConflictWhereInput {
  const c = d.after ?? d.before;
  if (!c) return {};
  const forward = Boolean(d.after);
  const [status, severity, at, id] = [c[0] as ConflictStatus, c[1] as Severity, new Date(c[2]), c[3]];
  const beyond = <T>(order: T[], v: T) =>
    forward ? order.slice(order.indexOf(v) + 1) : order.slice(0, order.indexOf(v));
  return {
    OR: [
      { status: { in: beyond(STATUS_ORDER, status) } },
      { status, severity: { in: beyond(SEVERITY_ORDER, severity) } },
      { status, severity, detectedAt: forward ? { lt: at } : { gt: at } },
      { status, severity, detectedAt: at, id: forward ? { gt: id } : { lt: id } },
    ],
  };
}

function conflictWhere(actor: Actor, f: ListConflictsInput, ownMatching: string[] | null): Prisma.ConflictWhereInput {
  const me = actor.agencyId;
  const and: Prisma.ConflictWhereInput[] = [partyWhere(me)];
  if (f.status) and.push({ status: f.status });
  if (f.severity) and.push({ severity: f.severity });
  if (f.operationId) and.push({ OR: [{ opAId: f.operationId }, { opBId: f.operationId }] });
  // The other party: the side that is not the actor's agency.
  if (f.agency)
    and.push({
      OR: [
        { agencyAId: me, agencyBId: f.agency },
        { agencyBId: me, agencyAId: f.agency },
      ],
    });
  // Needs my action: open, and not yet acknowledged by our side or an outcome the other side proposed waits for us.
  if (f.action) {
    and.push({
      status: "OPEN",
      OR: [
        { agencyAId: me, ackAAt: null },
        { agencyBId: me, ackBAt: null },
        { proposedByAgencyId: { not: null }, NOT: { proposedByAgencyId: me } },
      ],
    });
  }
  const { start, end } = dayRange(actor.agencyTimeZone, f.from, f.to);
  if (start || end) and.push({ detectedAt: { ...(start ? { gte: start } : {}), ...(end ? { lt: end } : {}) } });
  // Search reaches the actor's own operation (its reference and title), never the counterpart's.
  if (ownMatching)
    and.push({
      OR: [
        { agencyAId: me, opAId: { in: ownMatching } },
        { agencyBId: me, opBId: { in: ownMatching } },
      ],
    });
  return { AND: and };
}

/** The queue's order, or its reverse when reading back towards the first page. */
function queueOrder(reverse: boolean) {
  const dir = (d: "asc" | "desc") => (!reverse ? d : d === "asc" ? "desc" : "asc");
  return [{ status: dir("asc") }, { severity: dir("desc") }, { detectedAt: dir("desc") }, { id: dir("asc") }];
}

/** The supervisor queue: OPEN first, then most severe, then newest; filtered, searched, keyset-paged. */
export async function listConflictsForActor(args: { db: Db; actor: Actor; input?: unknown }): Promise<ConflictPage> {
  const { db, actor } = args;
  authorize(actor, { roles: CONFLICT_READING_ROLES, agencyId: actor.agencyId });
  const f = listConflictsSchema.parse(args.input ?? {});
  const ownMatching = f.q
    ? (
        await db.operation.findMany({
          where: {
            agencyId: actor.agencyId,
            OR: [
              { title: { contains: containsPattern(f.q), mode: "insensitive" } },
              { ref: { contains: containsPattern(f.q), mode: "insensitive" } },
            ],
          },
          select: { id: true },
        })
      ).map((o) => o.id)
    : null;
  const where = conflictWhere(actor, f, ownMatching);
  const d = { after: f.after, before: f.before };
  const [total, rows] = await Promise.all([
    db.conflict.count({ where }),
    db.conflict.findMany({
      where: { AND: [where, queueKeyset(d)] },
      orderBy: queueOrder(Boolean(d.before && !d.after)),
      take: f.pageSize + 1,
      select: CONFLICT_ROW_SELECT,
    }),
  ]);
  const page = toPage(
    rows,
    f.pageSize,
    d,
    (r) => [r.status, r.severity, r.detectedAt, r.id],
    (kept) => kept,
  );
  return { ...page, items: await summaries(db, actor, page.items), total };
}

async function summaries(
  db: Db,
  actor: Actor,
  rows: Prisma.ConflictGetPayload<{ select: typeof CONFLICT_ROW_SELECT }>[],
): Promise<ConflictSummary[]> {
  const ownIds = rows.map((r) => (sideOf(r, actor.agencyId) === "A" ? r.opAId : r.opBId));
  const otherAgencyIds = rows.map((r) => (sideOf(r, actor.agencyId) === "A" ? r.agencyBId : r.agencyAId));
  const [ops, agencies] = await Promise.all([
    db.operation.findMany({
      where: { id: { in: ownIds }, agencyId: actor.agencyId },
      select: { id: true, ref: true, title: true, startsAt: true, endsAt: true },
    }),
    db.agency.findMany({
      where: { id: { in: [...new Set(otherAgencyIds)] } },
      select: { id: true, name: true, shortName: true },
    }),
  ]);
  const opById = new Map(ops.map((o) => [o.id, o]));
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const items = rows.map((r, i): ConflictSummary => {
    const side = sideOf(r, actor.agencyId);
    return {
      id: r.id,
      status: r.status,
      side,
      facts: factsFor(r, side),
      detectedAt: r.detectedAt,
      ownOperation: opById.get(ownIds[i])!,
      counterpartAgency: agencyById.get(otherAgencyIds[i])!,
      acknowledgedByOwnSide: (side === "A" ? r.ackAAt : r.ackBAt) !== null,
      acknowledgedByCounterpart: (side === "A" ? r.ackBAt : r.ackAAt) !== null,
      outcome: r.outcome,
      awaiting:
        r.status === "OPEN" && r.proposedByAgencyId
          ? r.proposedByAgencyId === actor.agencyId
            ? "OTHER"
            : "OWN"
          : null,
    };
  });
  return items;
}

export async function getConflictForActor(args: { db: Db; actor: Actor; conflictId: string }): Promise<ConflictView> {
  const { db, actor, conflictId } = args;
  authorize(actor, { roles: CONFLICT_READING_ROLES, agencyId: actor.agencyId });
  if (!isId(conflictId)) throw new NotFoundError();
  const row = await db.conflict.findFirst({
    where: { id: conflictId, ...partyWhere(actor.agencyId) },
    select: CONFLICT_ROW_SELECT,
  });
  if (!row) throw new NotFoundError();
  return buildConflictView(db, row, actor.agencyId);
}

/** A supervisor or chief acknowledges for their own side. Acknowledging twice changes nothing. */
export async function acknowledgeConflict(args: {
  db: Db;
  actor: Actor;
  conflictId: string;
  now: Date;
}): Promise<ConflictView> {
  const { db, actor, conflictId, now } = args;
  const denial = {
    db,
    actor,
    action: CONFLICT_AUDIT.acknowledge,
    targetType: "Conflict",
    targetId: conflictId.slice(0, 64),
    now,
  };
  return auditRefusal(denial, () => acknowledge(db, actor, conflictId, now));
}

async function acknowledge(db: Db, actor: Actor, conflictId: string, now: Date): Promise<ConflictView> {
  authorize(actor, { roles: CONFLICT_DECIDING_ROLES, agencyId: actor.agencyId });
  if (!isId(conflictId)) throw new NotFoundError();
  return auditedTransaction(db, async (tx) => {
    const row = await tx.conflict.findFirst({
      where: { id: conflictId, ...partyWhere(actor.agencyId) },
      select: CONFLICT_ROW_SELECT,
    });
    if (!row) throw new NotFoundError();
    if (row.status === "CLOSED") throw new ConflictError("conflicts.errors.closed");
    await acknowledgeConflictSide(tx, { actor, row, now });
    const fresh = await tx.conflict.findUniqueOrThrow({ where: { id: row.id }, select: CONFLICT_ROW_SELECT });
    return buildConflictView(tx, fresh, actor.agencyId);
  });
}
