// What a notice says, fixed at the moment it is sent and stored with it. A host or added
// recipient sees the operation (its area at the filer's chosen precision); an agency notified
// only because of a conflict learns that there is one, where and when the overlap is, and whom
// to call — never the other operation's type, title, area or full window, the lead agency text,
// or the exigent reason and sign-off (only that the operation is exigent).
import type { Prisma } from "../db/generated/client";
import type { Area } from "../deconfliction/types";
import { areaFromColumns } from "../operations/area-record";
import { generalizeArea } from "./generalize";

export const NOTICE_OPERATION_SELECT = {
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
  startsAt: true,
  endsAt: true,
  leadAgencyName: true,
  commanderName: true,
  commanderPhone: true,
  commsPlan: true,
  radioChannel: true,
  talkgroup: true,
  interopChannel: true,
  riskFlags: true,
  exigent: true,
  exigentReason: true,
  exigentText: true,
  exigentSignOff: true,
  exigentSignedOffAt: true,
  areaPrecision: true,
  impactRoadClosures: true,
  impactSchools: true,
  impactCrowding: true,
  pioName: true,
  pioPhone: true,
  pioEmail: true,
  publicStatementEn: true,
  publicStatementEs: true,
  addedNoticeAgencyIds: true,
  version: true,
  agency: { select: { id: true, slug: true, name: true, shortName: true, phone24x7: true } },
} as const satisfies Prisma.OperationSelect;

export type NoticeOperation = Prisma.OperationGetPayload<{ select: typeof NOTICE_OPERATION_SELECT }>;

export type ConflictOverlap = {
  severity: string;
  overlapStart: string | null;
  overlapEnd: string | null;
  /** Rounded to about 100 m by the conflict record. */
  where: { lon: number; lat: number } | null;
  /** The recipient's own operation in the pair. */
  yourOperationRef: string | null;
};

export type NoticeContent = {
  scope: "FULL" | "CONFLICT";
  sender: { name: string; shortName: string; slug: string; phone24x7: string };
  operationRef: string;
  /** The operation's status when sent (absent in notices stored before it was recorded). */
  status?: string;
  startsAt: string;
  endsAt: string;
  /** `leadAgencyName` is null for a conflict-only recipient. */
  contact: { leadAgencyName: string | null; commanderName: string; commanderPhone: string };
  operation: {
    type: string;
    title: string;
    commsPlan: string;
    radioChannel: string | null;
    talkgroup: string | null;
    interopChannel: string | null;
    riskFlags: string[];
  } | null;
  area: { precision: "EXACT" | "GENERALIZED"; area: Area } | null;
  impact: { roadClosures: string | null; schools: string | null; crowding: string | null } | null;
  pio: { name: string | null; phone: string | null; email: string | null } | null;
  /** Null when no public statement is authorised. */
  publicStatement: { en: string; es: string } | null;
  /** Non-null when the operation is exigent; a conflict-only recipient gets every field null (that it is, not why or who approved). */
  exigent: { reason: string | null; text: string | null; signOff: string | null; signedOffAt: string | null } | null;
  conflicts: ConflictOverlap[];
  assistance: { kinds: string[]; note: string | null } | null;
};

export function buildNoticeContent(
  op: NoticeOperation,
  o: {
    scope: "FULL" | "CONFLICT";
    conflicts?: ConflictOverlap[];
    assistance?: { kinds: string[]; note: string | null } | null;
    /** For a conflict-only recipient: when the operations meet (conflictWindow), shown instead of the operation's window. */
    window?: NoticeWindow | null;
  },
): NoticeContent {
  const full = o.scope === "FULL";
  const window = !full && o.window ? o.window : { startsAt: op.startsAt, endsAt: op.endsAt };
  const anyImpact = op.impactRoadClosures || op.impactSchools || op.impactCrowding;
  const anyPio = op.pioName || op.pioPhone || op.pioEmail;
  return {
    scope: o.scope,
    sender: {
      name: op.agency.name,
      shortName: op.agency.shortName,
      slug: op.agency.slug,
      phone24x7: op.agency.phone24x7,
    },
    operationRef: op.ref,
    status: op.status,
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
    contact: {
      leadAgencyName: full ? op.leadAgencyName : null,
      commanderName: op.commanderName,
      commanderPhone: op.commanderPhone,
    },
    operation: full
      ? {
          type: op.type,
          title: op.title,
          commsPlan: op.commsPlan,
          radioChannel: op.radioChannel,
          talkgroup: op.talkgroup,
          interopChannel: op.interopChannel,
          riskFlags: op.riskFlags,
        }
      : null,
    area: full ? { precision: op.areaPrecision, area: generalizeArea(areaFromColumns(op), op.areaPrecision) } : null,
    impact:
      full && anyImpact
        ? { roadClosures: op.impactRoadClosures, schools: op.impactSchools, crowding: op.impactCrowding }
        : null,
    pio: full && anyPio ? { name: op.pioName, phone: op.pioPhone, email: op.pioEmail } : null,
    publicStatement:
      full && op.publicStatementEn && op.publicStatementEs
        ? { en: op.publicStatementEn, es: op.publicStatementEs }
        : null,
    exigent: !op.exigent
      ? null
      : full
        ? {
            reason: op.exigentReason,
            text: op.exigentText,
            signOff: op.exigentSignOff,
            signedOffAt: op.exigentSignedOffAt?.toISOString() ?? null,
          }
        : { reason: null, text: null, signOff: null, signedOffAt: null },
    conflicts: o.conflicts ?? [],
    assistance: o.assistance ?? null,
  };
}

export type NoticeWindow = { startsAt: Date; endsAt: Date };

/**
 * When two operations meet: their windows' overlap or, when only the time buffers join them, the
 * gap between them. Across several conflicts with one agency, the span covering them all.
 */
export function conflictWindow(pairs: { a: NoticeWindow; b: NoticeWindow }[]): NoticeWindow | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { a, b } of pairs) {
    const laterStart = Math.max(a.startsAt.getTime(), b.startsAt.getTime());
    const earlierEnd = Math.min(a.endsAt.getTime(), b.endsAt.getTime());
    lo = Math.min(lo, laterStart, earlierEnd);
    hi = Math.max(hi, laterStart, earlierEnd);
  }
  return pairs.length === 0 ? null : { startsAt: new Date(lo), endsAt: new Date(hi) };
}

/** The window a stored notice shows, for building the next one in its thread. */
export function contentWindow(content: NoticeContent): NoticeWindow {
  return { startsAt: new Date(content.startsAt), endsAt: new Date(content.endsAt) };
}

/** Whether two contents tell the recipient the same; a status missing from an older one is not a difference. */
export function sameContent(before: NoticeContent, after: NoticeContent, canonical: (v: unknown) => string): boolean {
  const next = before.status === undefined ? { ...after, status: undefined } : after;
  return canonical(before) === canonical(next);
}

/** Reads stored content back (it was written by buildNoticeContent). */
export function noticeContent(value: unknown): NoticeContent {
  return value as NoticeContent;
}
