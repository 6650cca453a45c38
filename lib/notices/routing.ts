// Who is notified of an operation: every agency whose jurisdiction boundary intersects its area
// (the host jurisdictions), every agency with a conflicting operation, and the agencies the
// filer adds — never the filer's own agency. The same rule runs federal→local and local→federal:
// a federal office is a host wherever it defines a boundary (a facility, a courthouse).
import type { Db, Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { areaBBox } from "../deconfliction/bbox";
import { prepareArea } from "../deconfliction/prepared-area";
import { relateAreas } from "../deconfliction/spatial";
import type { Area, AreaGeometry } from "../deconfliction/types";
import { ValidationError } from "../errors";
import { msg } from "../i18n/issue";
import { seesFullNotice } from "./notice-scope";

export { seesFullNotice };

export type RecipientReason = "HOST" | "CONFLICT" | "ADDED";

export type RoutedRecipient = {
  agencyId: string;
  name: string;
  shortName: string;
  level: string;
  noticeLeadHours: number;
  reasons: RecipientReason[];
};

type AgencyRow = { id: string; name: string; shortName: string; level: string; noticeLeadHours: number };
const AGENCY_SELECT = { id: true, name: true, shortName: true, level: true, noticeLeadHours: true } as const;

/** An agency whose stored box meets an area's: a host if its boundary meets the area itself. */
export type HostCandidate = AgencyRow & { boundary: unknown };

/**
 * The query for the agencies whose boxes meet the area's (the same test as bboxesOverlap; a box may
 * run past ±180°, so the area's box is tried shifted by a turn either way). Raw SQL: it runs in
 * every filing's transaction, where the filing's insert carries it (insertOperation).
 */
export function hostCandidatesSql(area: Area, excludeAgencyId: string): Prisma.Sql {
  const box = areaBBox(area);
  const lon = (shift: number) =>
    Prisma.sql`("bboxMaxLon" >= ${box.minLon - shift}::float8 AND "bboxMinLon" <= ${box.maxLon - shift}::float8)`;
  return Prisma.sql`
    SELECT "id"::text AS "id", "name", "shortName", "level"::text AS "level", "noticeLeadHours", "boundary"
    FROM "Agency"
    WHERE "active" AND "id" <> ${excludeAgencyId}::uuid AND "boundary" IS NOT NULL
      AND "bboxMinLat" <= ${box.maxLat}::float8 AND "bboxMaxLat" >= ${box.minLat}::float8
      AND (${lon(-360)} OR ${lon(0)} OR ${lon(360)})`;
}

/** Agencies whose boundary meets the area: narrowed by their stored boxes, decided by the engine's geometry. */
export async function hostAgencies(
  q: Db | Tx,
  area: Area,
  excludeAgencyId: string,
  candidates?: readonly HostCandidate[],
): Promise<AgencyRow[]> {
  const rows = candidates ?? (await q.$queryRaw<HostCandidate[]>(hostCandidatesSql(area, excludeAgencyId)));
  const subject = prepareArea(area);
  return rows.filter((r) => {
    if (!r.boundary) return false;
    const boundary = prepareArea({ kind: "POLYGON", geometry: r.boundary as AreaGeometry });
    return relateAreas(subject, boundary, 0)?.areasIntersect === true;
  });
}

export async function routeRecipients(
  q: Db | Tx,
  o: {
    senderAgencyId: string;
    area: Area;
    conflictAgencyIds: readonly string[];
    addedAgencyIds: readonly string[];
    /** The host candidates when already read (a new filing's insert reads them: hostCandidatesSql). */
    hostCandidates?: readonly HostCandidate[];
  },
): Promise<RoutedRecipient[]> {
  const byId = new Map<string, RoutedRecipient>();
  const add = (a: AgencyRow, reason: RecipientReason) => {
    if (a.id === o.senderAgencyId) return;
    const r = byId.get(a.id) ?? {
      agencyId: a.id,
      name: a.name,
      shortName: a.shortName,
      level: a.level,
      noticeLeadHours: a.noticeLeadHours,
      reasons: [],
    };
    if (!r.reasons.includes(reason)) r.reasons.push(reason);
    byId.set(a.id, r);
  };
  for (const a of await hostAgencies(q, o.area, o.senderAgencyId, o.hostCandidates)) add(a, "HOST");
  const others = [...new Set([...o.conflictAgencyIds, ...o.addedAgencyIds])].filter((id) => id !== o.senderAgencyId);
  const rows = others.length
    ? await q.agency.findMany({ where: { id: { in: others }, active: true }, select: AGENCY_SELECT })
    : [];
  const found = new Map(rows.map((r) => [r.id, r]));
  if (o.addedAgencyIds.some((id) => id !== o.senderAgencyId && !found.has(id))) {
    throw new ValidationError([{ path: "addedAgencyIds", message: msg("notices.validation.agency") }]);
  }
  for (const id of o.conflictAgencyIds) {
    const a = found.get(id);
    if (a) add(a, "CONFLICT");
  }
  for (const id of o.addedAgencyIds) {
    const a = found.get(id);
    if (a) add(a, "ADDED");
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
