// Stores the engine's findings as conflict pairs (opAId < opBId, one row per pair) inside the
// filing or editing transaction, and closes the ones that stopped overlapping or whose operation
// was cancelled. Raw SQL so a check that finds many conflicts writes them in one statement.
import { randomUUID } from "node:crypto";
import { Prisma } from "../db/generated/client";
import type { Tx } from "../db/client";
import { publishLiveEvent } from "../realtime/publish";
import type { Conflict as EngineConflict } from "../deconfliction/types";

export type Finding = EngineConflict & { where: [number, number] | null };

export type RecordedConflict = {
  id: string;
  opAId: string;
  opBId: string;
  agencyAId: string;
  agencyBId: string;
  change: "NEW" | "REOPENED" | "UPDATED";
  /** 1 for a new pair; one more each time it reopens. */
  openings: number;
};

/** Puts the pair in stored order: the smaller operation id is A. */
function ordered(f: Finding): Finding {
  if (f.aId < f.bId) return f;
  const containment =
    f.containment === "A_CONTAINS_B" ? "B_CONTAINS_A" : f.containment === "B_CONTAINS_A" ? "A_CONTAINS_B" : "NONE";
  return { ...f, aId: f.bId, bId: f.aId, agencyAId: f.agencyBId, agencyBId: f.agencyAId, containment };
}

function row(f: Finding, now: Date): Prisma.Sql {
  const o = ordered(f);
  return Prisma.sql`(${randomUUID()}::uuid, ${o.aId}::uuid, ${o.bId}::uuid, ${o.agencyAId}::uuid, ${o.agencyBId}::uuid,
    'OPEN'::"ConflictStatus", ${o.severity}::"Severity", ${o.minDistanceM}::float8, ${o.overlapMinutes}::float8,
    ${o.areasIntersect}::boolean, ${o.containment}, ${o.overlapStart}::timestamptz, ${o.overlapEnd}::timestamptz,
    ${o.where?.[0] ?? null}::float8, ${o.where?.[1] ?? null}::float8, ${now}::timestamptz, ${now}::timestamptz)`;
}

/**
 * Inserts new pairs; existing pairs get the fresh facts. A pair closed earlier because it no longer
 * overlapped opens again (acknowledgments cleared: the situation is new). Resolved pairs keep their outcome.
 * `previous` (from existingPairs) tells new pairs from refreshed ones.
 */
export async function recordConflicts(
  tx: Tx,
  findings: Finding[],
  now: Date,
  previous: ReadonlyMap<string, string> = new Map(),
): Promise<RecordedConflict[]> {
  if (findings.length === 0) return [];
  const rows = await tx.$queryRaw<Omit<RecordedConflict, "change">[]>`
    INSERT INTO "Conflict" ("id", "opAId", "opBId", "agencyAId", "agencyBId", "status", "severity", "minDistanceM",
      "overlapMinutes", "areasIntersect", "containment", "overlapStart", "overlapEnd", "whereLon", "whereLat", "detectedAt", "updatedAt")
    VALUES ${Prisma.join(findings.map((f) => row(f, now)))}
    ON CONFLICT ("opAId", "opBId") DO UPDATE SET
      "severity" = EXCLUDED."severity",
      "minDistanceM" = EXCLUDED."minDistanceM",
      "overlapMinutes" = EXCLUDED."overlapMinutes",
      "areasIntersect" = EXCLUDED."areasIntersect",
      "containment" = EXCLUDED."containment",
      "overlapStart" = EXCLUDED."overlapStart",
      "overlapEnd" = EXCLUDED."overlapEnd",
      "whereLon" = EXCLUDED."whereLon",
      "whereLat" = EXCLUDED."whereLat",
      "updatedAt" = EXCLUDED."updatedAt",
      "status" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN 'OPEN'::"ConflictStatus" ELSE "Conflict"."status" END,
      "detectedAt" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN EXCLUDED."detectedAt" ELSE "Conflict"."detectedAt" END,
      "ackAById" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."ackAById" END,
      "ackAAt" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."ackAAt" END,
      "ackBById" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."ackBById" END,
      "ackBAt" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."ackBAt" END,
      "ackAByName" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."ackAByName" END,
      "ackBByName" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."ackBByName" END,
      "proposedOutcome" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."proposedOutcome" END,
      "proposedNote" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."proposedNote" END,
      "proposedByAgencyId" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."proposedByAgencyId" END,
      "proposedById" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."proposedById" END,
      "proposedByName" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."proposedByName" END,
      "proposedAt" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."proposedAt" END,
      "closedAt" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."closedAt" END,
      "closedReason" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN NULL ELSE "Conflict"."closedReason" END,
      "openings" = CASE WHEN "Conflict"."status" = 'CLOSED' THEN "Conflict"."openings" + 1 ELSE "Conflict"."openings" END
    RETURNING "id", "opAId", "opBId", "agencyAId", "agencyBId", "openings"`;
  return rows.map((r) => {
    const before = previous.get(pairKey(r.opAId, r.opBId));
    return { ...r, change: before === undefined ? "NEW" : before === "CLOSED" ? "REOPENED" : "UPDATED" };
  });
}

export function pairKey(opAId: string, opBId: string): string {
  return opAId < opBId ? `${opAId}|${opBId}` : `${opBId}|${opAId}`;
}

/** The statuses of an operation's existing pairs, by pair key, read before an edit re-checks it. */
export async function existingPairs(tx: Tx, operationId: string): Promise<Map<string, string>> {
  const rows = await tx.conflict.findMany({
    where: { OR: [{ opAId: operationId }, { opBId: operationId }] },
    select: { opAId: true, opBId: true, status: true },
  });
  return new Map(rows.map((r) => [pairKey(r.opAId, r.opBId), r.status]));
}

export type ClosedConflict = { id: string; agencyAId: string; agencyBId: string };

/** Closes the operation's OPEN conflicts with counterparts not in `stillOverlapping`. */
export async function closeConflicts(
  tx: Tx,
  operationId: string,
  reason: "NO_LONGER_OVERLAPS" | "OPERATION_CANCELLED",
  now: Date,
  stillOverlapping: string[] = [],
): Promise<ClosedConflict[]> {
  const keep = stillOverlapping.length
    ? Prisma.sql`AND NOT ("opAId" = ANY(${stillOverlapping}::uuid[]) OR "opBId" = ANY(${stillOverlapping}::uuid[]))`
    : Prisma.empty;
  const closed = await tx.$queryRaw<ClosedConflict[]>`
    UPDATE "Conflict"
    SET "status" = 'CLOSED', "closedReason" = ${reason}, "closedAt" = ${now}::timestamptz, "updatedAt" = ${now}::timestamptz
    WHERE ("opAId" = ${operationId}::uuid OR "opBId" = ${operationId}::uuid) AND "status" = 'OPEN' ${keep}
    RETURNING "id", "agencyAId", "agencyBId"`;
  // A conflict that ends no longer waits for anyone: both sides' open pages re-read.
  for (const c of closed)
    await publishLiveEvent(tx, { type: "conflict", agencyIds: [c.agencyAId, c.agencyBId], id: c.id });
  return closed;
}
