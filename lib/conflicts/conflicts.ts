// The conflict queue and the actions on one conflict. Only the two party agencies can reach a
// conflict; for anyone else it is NotFound, so its existence does not leak.
import type { Db } from "../db/client";
import { auditedTransaction } from "../audit/record";
import type { Actor } from "../auth/actor";
import { auditRefusal } from "../users/admin-scope";
import { authorize } from "../auth/authorize";
import { ConflictError, NotFoundError } from "../errors";
import { listConflictsSchema } from "../validation/conflict";
import { acknowledgeConflictSide } from "./acknowledge-side";
import { isId } from "../validation/operation";
import { buildConflictView, CONFLICT_ROW_SELECT, factsFor, sideOf, type ConflictFacts, type ConflictView, type Side } from "./conflict-view";
import { CONFLICT_AUDIT, CONFLICT_DECIDING_ROLES, CONFLICT_READING_ROLES, partyWhere } from "./roles";
import type { ConflictStatus } from "../db/generated/enums";

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

export type ConflictPage = { items: ConflictSummary[]; total: number; page: number; pageSize: number; pages: number };

/** The supervisor queue: OPEN first, then most severe, then newest. */
export async function listConflictsForActor(args: { db: Db; actor: Actor; input?: unknown }): Promise<ConflictPage> {
  const { db, actor } = args;
  authorize(actor, { roles: CONFLICT_READING_ROLES, agencyId: actor.agencyId });
  const { status, operationId, page, pageSize } = listConflictsSchema.parse(args.input ?? {});
  const where = {
    ...partyWhere(actor.agencyId),
    ...(status ? { status } : {}),
    ...(operationId ? { AND: [{ OR: [{ opAId: operationId }, { opBId: operationId }] }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.conflict.count({ where }),
    db.conflict.findMany({
      where,
      orderBy: [{ status: "asc" }, { severity: "desc" }, { detectedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: CONFLICT_ROW_SELECT,
    }),
  ]);
  const ownIds = rows.map((r) => (sideOf(r, actor.agencyId) === "A" ? r.opAId : r.opBId));
  const otherAgencyIds = rows.map((r) => (sideOf(r, actor.agencyId) === "A" ? r.agencyBId : r.agencyAId));
  const [ops, agencies] = await Promise.all([
    db.operation.findMany({
      where: { id: { in: ownIds }, agencyId: actor.agencyId },
      select: { id: true, ref: true, title: true, startsAt: true, endsAt: true },
    }),
    db.agency.findMany({ where: { id: { in: [...new Set(otherAgencyIds)] } }, select: { id: true, name: true, shortName: true } }),
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
      awaiting: r.status === "OPEN" && r.proposedByAgencyId ? (r.proposedByAgencyId === actor.agencyId ? "OTHER" : "OWN") : null,
    };
  });
  return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function getConflictForActor(args: { db: Db; actor: Actor; conflictId: string }): Promise<ConflictView> {
  const { db, actor, conflictId } = args;
  authorize(actor, { roles: CONFLICT_READING_ROLES, agencyId: actor.agencyId });
  if (!isId(conflictId)) throw new NotFoundError();
  const row = await db.conflict.findFirst({ where: { id: conflictId, ...partyWhere(actor.agencyId) }, select: CONFLICT_ROW_SELECT });
  if (!row) throw new NotFoundError();
  return buildConflictView(db, row, actor.agencyId);
}

/** A supervisor or chief acknowledges for their own side. Acknowledging twice changes nothing. */
export async function acknowledgeConflict(args: { db: Db; actor: Actor; conflictId: string; now: Date }): Promise<ConflictView> {
  const { db, actor, conflictId, now } = args;
  const denial = { db, actor, action: CONFLICT_AUDIT.acknowledge, targetType: "Conflict", targetId: conflictId.slice(0, 64), now };
  return auditRefusal(denial, () => acknowledge(db, actor, conflictId, now));
}

async function acknowledge(db: Db, actor: Actor, conflictId: string, now: Date): Promise<ConflictView> {
  authorize(actor, { roles: CONFLICT_DECIDING_ROLES, agencyId: actor.agencyId });
  if (!isId(conflictId)) throw new NotFoundError();
  return auditedTransaction(db, async (tx) => {
    const row = await tx.conflict.findFirst({ where: { id: conflictId, ...partyWhere(actor.agencyId) }, select: CONFLICT_ROW_SELECT });
    if (!row) throw new NotFoundError();
    if (row.status === "CLOSED") throw new ConflictError("conflicts.errors.closed");
    await acknowledgeConflictSide(tx, { actor, row, now });
    const fresh = await tx.conflict.findUniqueOrThrow({ where: { id: row.id }, select: CONFLICT_ROW_SELECT });
    return buildConflictView(tx, fresh, actor.agencyId);
  });
}
