// A conflict as one party sees it. Its own operation in full; of the counterpart only what need
// to know allows: the agency and its 24/7 line, the incident commander and phone, the comms
// plan, and the facts of the overlap with a generalised "where" — never the other operation's
// type, title, notes, risk flags, personnel or exact area. Built field by field on purpose, so a
// new column never leaks by default.
import type { Db, Tx } from "../db/client";
import type { ConflictEventKind, ConflictOutcome, ConflictStatus, NoticeKind, Severity } from "../db/generated/enums";
import { OPERATION_SELECT, toOperationView, type OperationView } from "../operations/operation-view";

export type Side = "A" | "B";
/** Relative to the viewer: OWN_CONTAINS_OTHER means the viewer's area contains the other one. */
export type RelativeContainment = "NONE" | "OWN_CONTAINS_OTHER" | "OTHER_CONTAINS_OWN";

export type ConflictFacts = {
  severity: Severity;
  minDistanceM: number;
  areasIntersect: boolean;
  containment: RelativeContainment;
  overlapMinutes: number;
  overlapStart: Date | null;
  overlapEnd: Date | null;
  where: { lon: number; lat: number } | null;
};

export type Counterpart = {
  agency: { id: string; name: string; shortName: string; phone24x7: string };
  commanderName: string;
  commanderPhone: string;
  commsPlan: string;
  radioChannel: string | null;
  talkgroup: string | null;
  interopChannel: string | null;
};

export type Acknowledgment = { at: Date; byId: string; byName: string | null } | null;

/** One step either side took, as both sides see it: whose agency, who, and their view. */
export type ConflictHistoryEntry = {
  id: string;
  kind: ConflictEventKind;
  byOwnSide: boolean;
  agencyName: string;
  byName: string;
  outcome: ConflictOutcome | null;
  note: string | null;
  at: Date;
};

/** A notice between the two agencies that reports this conflict. */
export type ConflictNotice = {
  id: string;
  ref: string;
  kind: NoticeKind;
  direction: "SENT" | "RECEIVED";
  current: boolean;
  requiresAck: boolean;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
};

export type ConflictView = {
  id: string;
  status: ConflictStatus;
  side: Side;
  facts: ConflictFacts;
  detectedAt: Date;
  updatedAt: Date;
  own: { operation: OperationView; acknowledged: Acknowledgment };
  counterpart: Counterpart & { acknowledged: { at: Date; byName: string | null } | null };
  outcome: { outcome: ConflictOutcome; note: string; at: Date; byOwnSide: boolean; byName: string | null } | null;
  /** An outcome one side proposed, waiting for the other side to confirm or contest it. */
  proposal: { outcome: ConflictOutcome; note: string; at: Date; byOwnSide: boolean; byName: string | null } | null;
  closed: { at: Date; reason: string } | null;
  history: ConflictHistoryEntry[];
  notices: ConflictNotice[];
};

export const CONFLICT_ROW_SELECT = {
  id: true,
  opAId: true,
  opBId: true,
  agencyAId: true,
  agencyBId: true,
  status: true,
  severity: true,
  minDistanceM: true,
  overlapMinutes: true,
  areasIntersect: true,
  containment: true,
  overlapStart: true,
  overlapEnd: true,
  whereLon: true,
  whereLat: true,
  detectedAt: true,
  updatedAt: true,
  ackAById: true,
  ackAAt: true,
  ackBById: true,
  ackBAt: true,
  ackAByName: true,
  ackBByName: true,
  proposedOutcome: true,
  proposedNote: true,
  proposedByAgencyId: true,
  proposedByName: true,
  proposedAt: true,
  resolvedByName: true,
  outcome: true,
  outcomeNote: true,
  resolvedAt: true,
  resolvedByAgencyId: true,
  closedAt: true,
  closedReason: true,
} as const;

export type ConflictRow = {
  id: string;
  opAId: string;
  opBId: string;
  agencyAId: string;
  agencyBId: string;
  status: ConflictStatus;
  severity: Severity;
  minDistanceM: number;
  overlapMinutes: number;
  areasIntersect: boolean;
  containment: string;
  overlapStart: Date | null;
  overlapEnd: Date | null;
  whereLon: number | null;
  whereLat: number | null;
  detectedAt: Date;
  updatedAt: Date;
  ackAById: string | null;
  ackAAt: Date | null;
  ackBById: string | null;
  ackBAt: Date | null;
  ackAByName: string | null;
  ackBByName: string | null;
  proposedOutcome: ConflictOutcome | null;
  proposedNote: string | null;
  proposedByAgencyId: string | null;
  proposedByName: string | null;
  proposedAt: Date | null;
  resolvedByName: string | null;
  outcome: ConflictOutcome | null;
  outcomeNote: string | null;
  resolvedAt: Date | null;
  resolvedByAgencyId: string | null;
  closedAt: Date | null;
  closedReason: string | null;
};

export function sideOf(row: Pick<ConflictRow, "agencyAId" | "agencyBId">, agencyId: string): Side {
  return row.agencyAId === agencyId ? "A" : "B";
}

export function factsFor(row: ConflictRow, side: Side): ConflictFacts {
  const own = side === "A" ? "A_CONTAINS_B" : "B_CONTAINS_A";
  const containment: RelativeContainment =
    row.containment === "NONE" ? "NONE" : row.containment === own ? "OWN_CONTAINS_OTHER" : "OTHER_CONTAINS_OWN";
  return {
    severity: row.severity,
    minDistanceM: row.minDistanceM,
    areasIntersect: row.areasIntersect,
    containment,
    overlapMinutes: row.overlapMinutes,
    overlapStart: row.overlapStart,
    overlapEnd: row.overlapEnd,
    where: row.whereLon !== null && row.whereLat !== null ? { lon: row.whereLon, lat: row.whereLat } : null,
  };
}

function ack(at: Date | null, byId: string | null, byName: string | null): Acknowledgment {
  return at && byId ? { at, byId, byName } : null;
}

/** Assembles the view; the caller has already established that `agencyId` is a party. */
export async function buildConflictView(q: Db | Tx, row: ConflictRow, agencyId: string): Promise<ConflictView> {
  const side = sideOf(row, agencyId);
  const ownId = side === "A" ? row.opAId : row.opBId;
  const otherId = side === "A" ? row.opBId : row.opAId;
  const [ownRow, other, events, notices] = await Promise.all([
    q.operation.findUniqueOrThrow({ where: { id: ownId }, select: OPERATION_SELECT }),
    q.operation.findUniqueOrThrow({
      where: { id: otherId },
      select: {
        commanderName: true,
        commanderPhone: true,
        commsPlan: true,
        radioChannel: true,
        talkgroup: true,
        interopChannel: true,
        agency: { select: { id: true, name: true, shortName: true, phone24x7: true } },
      },
    }),
    q.conflictEvent.findMany({
      where: { conflictId: row.id },
      orderBy: [{ at: "asc" }, { kind: "asc" }, { id: "asc" }],
    }),
    // Only notices between the two parties, and only those this agency sent or received.
    q.notice.findMany({
      where: {
        conflictId: row.id,
        OR: [
          { senderAgencyId: agencyId, recipientAgencyId: { in: [row.agencyAId, row.agencyBId] } },
          { recipientAgencyId: agencyId, senderAgencyId: { in: [row.agencyAId, row.agencyBId] } },
        ],
      },
      orderBy: { sentAt: "asc" },
      select: {
        id: true,
        ref: true,
        kind: true,
        senderAgencyId: true,
        supersededAt: true,
        requiresAck: true,
        acknowledgedAt: true,
        acknowledgedByName: true,
      },
    }),
  ]);
  const mine =
    side === "A" ? ack(row.ackAAt, row.ackAById, row.ackAByName) : ack(row.ackBAt, row.ackBById, row.ackBByName);
  // The counterpart's acknowledgment shows when and who, as a notice's acknowledgment does.
  const theirAt = side === "A" ? row.ackBAt : row.ackAAt;
  const theirs = theirAt ? { at: theirAt, byName: side === "A" ? row.ackBByName : row.ackAByName } : null;
  const ownAgencyName = (await q.agency.findUnique({ where: { id: agencyId }, select: { name: true } }))?.name ?? "";
  return {
    id: row.id,
    status: row.status,
    side,
    facts: factsFor(row, side),
    detectedAt: row.detectedAt,
    updatedAt: row.updatedAt,
    own: { operation: toOperationView(ownRow), acknowledged: mine },
    counterpart: {
      agency: other.agency,
      commanderName: other.commanderName,
      commanderPhone: other.commanderPhone,
      commsPlan: other.commsPlan,
      radioChannel: other.radioChannel,
      talkgroup: other.talkgroup,
      interopChannel: other.interopChannel,
      acknowledged: theirs,
    },
    outcome:
      row.outcome && row.resolvedAt
        ? {
            outcome: row.outcome,
            note: row.outcomeNote ?? "",
            at: row.resolvedAt,
            byOwnSide: row.resolvedByAgencyId === agencyId,
            byName: row.resolvedByName,
          }
        : null,
    proposal:
      row.proposedOutcome && row.proposedAt
        ? {
            outcome: row.proposedOutcome,
            note: row.proposedNote ?? "",
            at: row.proposedAt,
            byOwnSide: row.proposedByAgencyId === agencyId,
            byName: row.proposedByName,
          }
        : null,
    closed: row.closedAt && row.closedReason ? { at: row.closedAt, reason: row.closedReason } : null,
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      byOwnSide: e.agencyId === agencyId,
      agencyName: e.agencyId === agencyId ? ownAgencyName : other.agency.name,
      byName: e.byName,
      outcome: e.outcome,
      note: e.note,
      at: e.at,
    })),
    notices: notices.map((n) => ({
      id: n.id,
      ref: n.ref,
      kind: n.kind,
      direction: n.senderAgencyId === agencyId ? "SENT" : "RECEIVED",
      current: n.supersededAt === null,
      requiresAck: n.requiresAck,
      acknowledgedAt: n.acknowledgedAt,
      acknowledgedByName: n.acknowledgedByName,
    })),
  };
}
