// An operation as its own agency sees it: every field, with the area as an Area value.
import type { Prisma } from "../db/generated/client";
import type { OperationStatus, OperationType } from "../db/generated/enums";
import type { Area } from "../deconfliction/types";
import { areaFromColumns } from "./area-record";

export const OPERATION_SELECT = {
  id: true,
  ref: true,
  agencyId: true,
  type: true,
  title: true,
  status: true,
  areaKind: true,
  centerLon: true,
  centerLat: true,
  radiusM: true,
  polygon: true,
  bboxMinLon: true,
  bboxMinLat: true,
  bboxMaxLon: true,
  bboxMaxLat: true,
  startsAt: true,
  endsAt: true,
  leadAgencyName: true,
  commanderName: true,
  commanderPhone: true,
  commsPlan: true,
  radioChannel: true,
  talkgroup: true,
  interopChannel: true,
  personnelCount: true,
  riskFlags: true,
  notes: true,
  version: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.OperationSelect;

type Row = Prisma.OperationGetPayload<{ select: typeof OPERATION_SELECT }>;

export type OperationView = {
  id: string;
  ref: string;
  agencyId: string;
  type: OperationType;
  title: string;
  status: OperationStatus;
  area: Area;
  bbox: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  startsAt: Date;
  endsAt: Date;
  leadAgencyName: string;
  commanderName: string;
  commanderPhone: string;
  commsPlan: string;
  radioChannel: string | null;
  talkgroup: string | null;
  interopChannel: string | null;
  personnelCount: number;
  riskFlags: string[];
  notes: string;
  version: number;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
};

export function toOperationView(r: Row): OperationView {
  return {
    id: r.id,
    ref: r.ref,
    agencyId: r.agencyId,
    type: r.type,
    title: r.title,
    status: r.status,
    area: areaFromColumns(r),
    bbox: { minLon: r.bboxMinLon, minLat: r.bboxMinLat, maxLon: r.bboxMaxLon, maxLat: r.bboxMaxLat },
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    leadAgencyName: r.leadAgencyName,
    commanderName: r.commanderName,
    commanderPhone: r.commanderPhone,
    commsPlan: r.commsPlan,
    radioChannel: r.radioChannel,
    talkgroup: r.talkgroup,
    interopChannel: r.interopChannel,
    personnelCount: r.personnelCount,
    riskFlags: r.riskFlags,
    notes: r.notes,
    version: r.version,
    createdById: r.createdById,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The fields an edit history compares and records (everything an editor can change). */
export const TRACKED_FIELDS = [
  "type",
  "title",
  "area",
  "startsAt",
  "endsAt",
  "leadAgencyName",
  "commanderName",
  "commanderPhone",
  "commsPlan",
  "radioChannel",
  "talkgroup",
  "interopChannel",
  "personnelCount",
  "riskFlags",
  "notes",
] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

export function snapshot(v: Pick<OperationView, TrackedField | "status">): Record<string, unknown> {
  const out: Record<string, unknown> = { status: v.status };
  for (const f of TRACKED_FIELDS) {
    const value = v[f];
    out[f] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}
