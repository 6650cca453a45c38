// Writes a new operation, its search keys, its notice fields and its CREATE history entry in one
// statement, and reads back its agency as notices show it: on this path every round trip counts
// (see bench/README.md). Columns not named here keep their defaults.
import { randomUUID } from "node:crypto";
import { Prisma } from "../db/generated/client";
import type { Tx } from "../db/client";
import type { FilingNoticeColumns } from "../notices/notice-fields";
import { hostCandidatesSql, type HostCandidate } from "../notices/routing";
import type { SearchKeys } from "./candidates";
import type { OperationView } from "./operation-view";
import { snapshot } from "./operation-view";

export type InsertedAgency = { id: string; slug: string; name: string; shortName: string; phone24x7: string };

/**
 * Inserts the operation and returns its agency, and — for an operation that is checked, and so
 * notified — the agencies that may host it (hostCandidatesSql), read by the same statement.
 */
export async function insertOperation(
  tx: Tx,
  op: OperationView,
  notice: FilingNoticeColumns,
  keys: SearchKeys | null,
  byUserId: string | null,
): Promise<{ agency: InsertedAgency; hostCandidates: HostCandidate[] | undefined }> {
  const a = op.area;
  const center = a.kind === "CIRCLE" ? a.center : null;
  const searchBox = keys
    ? Prisma.sql`box(point(${keys.box.minLon}::float8, ${keys.box.minLat}::float8), point(${keys.box.maxLon}::float8, ${keys.box.maxLat}::float8))`
    : Prisma.sql`NULL::box`;
  const searchRange = keys
    ? Prisma.sql`tstzrange(${keys.from}::timestamptz, ${keys.to}::timestamptz, '[]')`
    : Prisma.sql`NULL::tstzrange`;
  const n = notice;
  const hosts = keys
    ? Prisma.sql`(SELECT coalesce(jsonb_agg(h), '[]'::jsonb) FROM (${hostCandidatesSql(op.area, op.agencyId)}) h)`
    : Prisma.sql`NULL::jsonb`;
  const [row] = await tx.$queryRaw<(InsertedAgency & { hosts: HostCandidate[] | null })[]>`
    WITH "op" AS (
      INSERT INTO "Operation" ("id", "ref", "agencyId", "type", "title", "status", "areaKind", "centerLon", "centerLat", "radiusM", "polygon",
        "bboxMinLon", "bboxMinLat", "bboxMaxLon", "bboxMaxLat", "startsAt", "endsAt", "leadAgencyName", "commanderName", "commanderPhone",
        "commsPlan", "radioChannel", "talkgroup", "interopChannel", "personnelCount", "riskFlags", "notes", "version", "createdById",
        "createdAt", "updatedAt", "searchBox", "searchRange",
        "areaPrecision", "impactRoadClosures", "impactSchools", "impactCrowding", "pioName", "pioPhone", "pioEmail",
        "publicStatementEn", "publicStatementEs", "addedNoticeAgencyIds", "exigentReason", "exigentText", "exigentSignOff", "exigentSignedOffAt")
      VALUES (${op.id}::uuid, ${op.ref}, ${op.agencyId}::uuid, ${op.type}::"OperationType", ${op.title}, ${op.status}::"OperationStatus",
        ${a.kind}::"AreaKind", ${center?.[0] ?? null}::float8, ${center?.[1] ?? null}::float8, ${a.kind === "CIRCLE" ? a.radiusM : null}::float8,
        ${a.kind === "POLYGON" ? JSON.stringify(a.geometry) : null}::jsonb,
        ${op.bbox.minLon}::float8, ${op.bbox.minLat}::float8, ${op.bbox.maxLon}::float8, ${op.bbox.maxLat}::float8,
        ${op.startsAt}::timestamptz, ${op.endsAt}::timestamptz, ${op.leadAgencyName}, ${op.commanderName}, ${op.commanderPhone},
        ${op.commsPlan}, ${op.radioChannel}, ${op.talkgroup}, ${op.interopChannel}, ${op.personnelCount}::int, ${op.riskFlags}::text[], ${op.notes},
        ${op.version}::int, ${op.createdById}::uuid, ${op.createdAt}::timestamptz, ${op.updatedAt}::timestamptz, ${searchBox}, ${searchRange},
        ${n.areaPrecision}::"AreaPrecision", ${n.impactRoadClosures}, ${n.impactSchools}, ${n.impactCrowding}, ${n.pioName}, ${n.pioPhone}, ${n.pioEmail},
        ${n.publicStatementEn}, ${n.publicStatementEs}, ${n.addedNoticeAgencyIds}::uuid[], ${n.exigentReason}, ${n.exigentText}, ${n.exigentSignOff},
        ${n.exigentSignedOffAt}::timestamptz)
      RETURNING "id"
    ), "change" AS (
      INSERT INTO "OperationChange" ("id", "operationId", "at", "byUserId", "kinds", "after")
      SELECT ${randomUUID()}::uuid, "op"."id", ${op.createdAt}::timestamptz, ${byUserId}::uuid, ARRAY['CREATE']::text[], ${JSON.stringify(snapshot(op))}::jsonb
      FROM "op"
    )
    SELECT "id"::text AS "id", "slug", "name", "shortName", "phone24x7", ${hosts} AS "hosts" FROM "Agency" WHERE "id" = ${op.agencyId}::uuid`;
  const { hosts: hostCandidates, ...agency } = row;
  return { agency, hostCandidates: hostCandidates ?? undefined };
}
