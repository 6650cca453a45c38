// The candidate search: the only raw SQL over operations' search keys. Each PLANNED or ACTIVE
// operation stores `searchBox` (its area's bounding box widened by its agency's proximity buffer)
// and `searchRange` (its window widened by its agency's time buffer); a GiST index over
// (searchRange, searchBox) answers "what could be near this, then?" with a superset of the
// exact condition, and the engine decides. The subject's box is queried as is and shifted one
// turn east and west, so areas on either side of the antimeridian meet. The search itself is a
// database function (migration candidate_search_function) so a writer's locks and the search
// that must follow them cost one round trip.
import { Prisma } from "../db/generated/client";
import { rawRows, type Db, type Tx } from "../db/client";
import type { EngineOperation } from "../deconfliction/types";
import { areaFromColumns, type AreaColumns } from "./area-record";
import { lockArrays, type LockPlan } from "./cell-locks";
import { normalizeBox, widenBox, wrappedCopies, type Box } from "./search-box";

type Queryable = Db | Tx;

export type SearchKeys = { box: Box; from: Date; to: Date };

export type Candidate = EngineOperation & {
  startsAt: Date;
  endsAt: Date;
  proximityBufferM: number;
  timeBufferMinutes: number;
  /** The owning agency's directory entry (name and 24/7 line): what a counterpart may always see. */
  agencyName: string;
  agencyPhone24x7: string;
};

type CandidateRow = AreaColumns & {
  id: string;
  agencyId: string;
  startsAt: Date;
  endsAt: Date;
  riskFlags: string[];
  proximityBufferM: number;
  timeBufferMinutes: number;
  agencyName: string;
  agencyPhone24x7: string;
};

/** The search keys an operation stores: its box and window widened by its own agency's buffers. */
export function searchKeys(
  bbox: Box,
  startsAt: Date,
  endsAt: Date,
  widen: (b: Box) => Box,
  timeBufferMinutes: number,
): SearchKeys {
  const pad = timeBufferMinutes * 60_000;
  return {
    box: normalizeBox(widen(bbox)),
    from: new Date(startsAt.getTime() - pad),
    to: new Date(endsAt.getTime() + pad),
  };
}

function boxSql(b: Box): Prisma.Sql {
  return Prisma.sql`box(point(${b.minLon}::float8, ${b.minLat}::float8), point(${b.maxLon}::float8, ${b.maxLat}::float8))`;
}

/** Stores (or, with null, clears) an operation's search keys; only PLANNED and ACTIVE operations have them. */
export async function writeSearchKeys(tx: Tx, operationId: string, keys: SearchKeys | null): Promise<void> {
  if (!keys) {
    await tx.$executeRaw`UPDATE "Operation" SET "searchBox" = NULL, "searchRange" = NULL WHERE "id" = ${operationId}::uuid`;
    return;
  }
  await tx.$executeRaw`
    UPDATE "Operation"
    SET "searchBox" = ${boxSql(keys.box)},
        "searchRange" = tstzrange(${keys.from}::timestamptz, ${keys.to}::timestamptz, '[]')
    WHERE "id" = ${operationId}::uuid`;
}

export type Buffers = { proximityBufferM: number; timeBufferMinutes: number };

/**
 * PLANNED and ACTIVE operations whose stored keys meet the subject's widened box and window, in one
 * round trip: the database function (see the candidate_search_function migration) first takes
 * `locks`, if any, so the search sees everything committed by earlier holders. With `agencyId`,
 * the same statement also reads that agency's current buffers.
 */
export async function searchCandidates(
  q: Queryable,
  args: { keys: SearchKeys; locks?: LockPlan; excludeId?: string; agencyId?: string },
): Promise<{ candidates: Candidate[]; buffers: Buffers | null }> {
  const copies = wrappedCopies(args.keys.box);
  const box = (i: number) => (copies[i] ? boxSql(copies[i]) : Prisma.sql`NULL::box`);
  const locks = lockArrays(args.locks ?? null);
  const call = Prisma.sql`"cg_lock_cells_and_find_candidates"(
    ${locks.ns}::int[], ${locks.keys}::int[], ${locks.exclusive}::boolean[],
    ${args.keys.from}::timestamptz, ${args.keys.to}::timestamptz, ${box(0)}, ${box(1)}, ${box(2)}, ${args.excludeId ?? null}::uuid)`;
  if (!args.agencyId) {
    const rows = await rawRows<CandidateRow>(q, Prisma.sql`SELECT * FROM ${call}`);
    return { candidates: rows.map(toCandidate), buffers: null };
  }
  const rows = await rawRows<Partial<CandidateRow> & { ownProximityBufferM: number; ownTimeBufferMinutes: number }>(
    q,
    Prisma.sql`
      SELECT a."proximityBufferM" AS "ownProximityBufferM", a."timeBufferMinutes" AS "ownTimeBufferMinutes", c.*
      FROM "Agency" a LEFT JOIN LATERAL ${call} c ON true
      WHERE a."id" = ${args.agencyId}::uuid`,
  );
  if (rows.length === 0) return { candidates: [], buffers: null };
  return {
    candidates: rows.filter((r) => r.id).map((r) => toCandidate(r as CandidateRow)),
    buffers: { proximityBufferM: rows[0].ownProximityBufferM, timeBufferMinutes: rows[0].ownTimeBufferMinutes },
  };
}

/** The candidates, without locks (the dry run's search). */
export async function findCandidates(q: Queryable, subject: SearchKeys, excludeId?: string): Promise<Candidate[]> {
  return (await searchCandidates(q, { keys: subject, excludeId })).candidates;
}

function toCandidate(r: CandidateRow): Candidate {
  return {
    id: r.id,
    agencyId: r.agencyId,
    area: areaFromColumns(r),
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    riskFlags: r.riskFlags,
    proximityBufferM: r.proximityBufferM,
    timeBufferMinutes: r.timeBufferMinutes,
    agencyName: r.agencyName,
    agencyPhone24x7: r.agencyPhone24x7,
  };
}

/** The search box an operation stored, or null when it has none (not PLANNED or ACTIVE). */
export async function readSearchBox(tx: Tx, operationId: string): Promise<Box | null> {
  const rows = await tx.$queryRaw<{ x1: number | null; y1: number | null; x2: number | null; y2: number | null }[]>`
    SELECT ("searchBox"[0])[0] AS "x1", ("searchBox"[0])[1] AS "y1", ("searchBox"[1])[0] AS "x2", ("searchBox"[1])[1] AS "y2"
    FROM "Operation" WHERE "id" = ${operationId}::uuid`;
  const r = rows[0];
  if (!r || r.x1 === null || r.y1 === null || r.x2 === null || r.y2 === null) return null;
  return {
    minLon: Math.min(r.x1, r.x2),
    maxLon: Math.max(r.x1, r.x2),
    minLat: Math.min(r.y1, r.y2),
    maxLat: Math.max(r.y1, r.y2),
  };
}

/**
 * Recomputes the stored keys of an agency's PLANNED and ACTIVE operations with new buffers. Call it
 * in the transaction that changes the agency's proximity or time buffer, so later checks by other
 * agencies find these operations with the new margins.
 */
export async function refreshAgencySearchKeys(
  tx: Tx,
  agencyId: string,
  buffers: { proximityBufferM: number; timeBufferMinutes: number },
): Promise<number> {
  const ops = await tx.operation.findMany({
    where: { agencyId, status: { in: ["PLANNED", "ACTIVE"] } },
    select: {
      id: true,
      bboxMinLon: true,
      bboxMinLat: true,
      bboxMaxLon: true,
      bboxMaxLat: true,
      startsAt: true,
      endsAt: true,
    },
  });
  for (let i = 0; i < ops.length; i += 1_000) {
    const keys = ops.slice(i, i + 1_000).map((o) => ({
      id: o.id,
      ...searchKeys(
        { minLon: o.bboxMinLon, minLat: o.bboxMinLat, maxLon: o.bboxMaxLon, maxLat: o.bboxMaxLat },
        o.startsAt,
        o.endsAt,
        (b) => widenBox(b, buffers.proximityBufferM),
        buffers.timeBufferMinutes,
      ),
    }));
    await tx.$executeRaw`
      UPDATE "Operation" AS o
      SET "searchBox" = box(point(k."minLon", k."minLat"), point(k."maxLon", k."maxLat")), "searchRange" = tstzrange(k."from", k."to", '[]')
      FROM unnest(${keys.map((k) => k.id)}::uuid[], ${keys.map((k) => k.box.minLon)}::float8[], ${keys.map((k) => k.box.minLat)}::float8[],
                  ${keys.map((k) => k.box.maxLon)}::float8[], ${keys.map((k) => k.box.maxLat)}::float8[],
                  ${keys.map((k) => k.from)}::timestamptz[], ${keys.map((k) => k.to)}::timestamptz[]) AS k("id", "minLon", "minLat", "maxLon", "maxLat", "from", "to")
      WHERE o."id" = k."id"`;
  }
  return ops.length;
}
