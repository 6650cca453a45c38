// The instant check behind the filing form's live preview and POST /api/v1/deconfliction/check:
// an area and a window in, the conflicts they would have out. Nothing is stored and no locks are
// taken. A dry run commits to nothing, so it tells no more than a counterpart needs before a
// filing: for another agency's operation, that agency, how to reach it, and that the areas and
// times overlap (the times widened to whole hours) — never where, how close, how severe or exactly
// when. The actor's own agency's operations keep their full detail. Every dry run is rate limited
// and audited with its box (probe-guard.ts); its area and window are capped (dryRunSchema).
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import type { Containment, Severity } from "../deconfliction/types";
import { NotFoundError } from "../errors";
import { dryRunSchema, type DryRunInput } from "../validation/operation";
import { runPreviewCheck, type DetectedConflict } from "./check";
import { admitProbe, boxOf, noteInvalidProbe, noteProbe, type ProbeArgs, type ProbeSink } from "./probe-guard";
import { FILING_ROLES } from "./roles";

/** A conflict with one of the actor's own agency's operations, which it may see in full anyway. */
export type OwnAgencyConflict = {
  scope: "OWN_AGENCY";
  agency: { id: string; name: string; phone24x7: string };
  ownOperation: { id: string; ref: string; title: string };
  severity: Severity;
  minDistanceM: number;
  areasIntersect: boolean;
  /** A_CONTAINS_B: the checked area contains the other; B_CONTAINS_A: the other contains it. */
  containment: Containment;
  overlapMinutes: number;
  overlapStart: Date | null;
  overlapEnd: Date | null;
  /** Roughly where the two areas meet, rounded to about 100 m. */
  where: { lon: number; lat: number } | null;
};

/** Another agency has operations whose areas and times meet the checked ones: whom to call, and roughly when. */
export type OtherAgencyConflict = {
  scope: "OTHER_AGENCY";
  agency: { id: string; name: string; phone24x7: string };
  /**
   * When the checked window meets that agency's operations (or comes within the time buffer of
   * them), widened outward to whole hours (UTC). One entry per agency, however many operations.
   */
  overlapStart: Date;
  overlapEnd: Date;
};

export type DryRunConflict = OwnAgencyConflict | OtherAgencyConflict;

export type DryRunResult = { checkedAt: Date; conflicts: DryRunConflict[] };

const PREVIEW_ID = "00000000-0000-0000-0000-000000000000";
const HOUR_MS = 3_600_000;

export type DryRunArgs = { db: Db; actor: Actor; input: unknown; now: Date; sink?: ProbeSink };

/** Validates, rate limits, audits and answers one dry run. */
export async function dryRunCheck(args: DryRunArgs): Promise<DryRunResult> {
  authorize(args.actor, { roles: FILING_ROLES, agencyId: args.actor.agencyId });
  const probe: ProbeArgs = args;
  const parsed = dryRunSchema.safeParse(args.input);
  if (!parsed.success) {
    await noteInvalidProbe(probe, "CONFLICTS", args.input);
    throw parsed.error;
  }
  const input = parsed.data;
  await admitProbe(probe, "CONFLICTS", input);
  const [result] = await Promise.all([
    answerDryRun(args.db, args.actor, input, args.now),
    noteProbe(probe, {
      kind: "CONFLICTS",
      outcome: "ANSWERED",
      bbox: boxOf(input.area),
      startsAt: input.startsAt.toISOString(),
      endsAt: input.endsAt.toISOString(),
    }),
  ]);
  return result;
}

/** The check and its need-to-know answer, once the probe is admitted. */
async function answerDryRun(db: Db, actor: Actor, input: DryRunInput, now: Date): Promise<DryRunResult> {
  if (input.operationId) {
    const own = await db.operation.count({ where: { id: input.operationId, agencyId: actor.agencyId } });
    if (own === 0) throw new NotFoundError();
  }
  const subject = {
    id: input.operationId ?? PREVIEW_ID,
    agencyId: actor.agencyId,
    area: input.area,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    riskFlags: input.riskFlags ?? [],
  };
  const { conflicts } = await runPreviewCheck(db, subject, input.operationId);
  if (conflicts.length === 0) return { checkedAt: now, conflicts: [] };

  const ownIds = conflicts.filter((c) => c.agencyBId === actor.agencyId).map((c) => c.bId);
  const own = new Map(
    ownIds.length
      ? (
          await db.operation.findMany({
            where: { id: { in: ownIds }, agencyId: actor.agencyId },
            select: { id: true, ref: true, title: true },
          })
        ).map((o) => [o.id, o])
      : [],
  );
  const severityRank = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;
  const mine: OwnAgencyConflict[] = [];
  const others = new Map<string, OtherAgencyConflict>();
  for (const c of conflicts) {
    const ownOperation = c.agencyBId === actor.agencyId ? own.get(c.bId) : undefined;
    if (ownOperation) {
      mine.push({
        scope: "OWN_AGENCY",
        agency: { id: c.agencyBId, name: c.other.agencyName, phone24x7: c.other.agencyPhone24x7 },
        ownOperation,
        severity: c.severity,
        minDistanceM: c.minDistanceM,
        areasIntersect: c.areasIntersect,
        containment: c.containment,
        overlapMinutes: c.overlapMinutes,
        overlapStart: c.overlapStart,
        overlapEnd: c.overlapEnd,
        where: c.where ? { lon: c.where[0], lat: c.where[1] } : null,
      });
      continue;
    }
    const [start, end] = hoursMet(subject, c);
    const seen = others.get(c.agencyBId);
    if (seen) {
      if (start < seen.overlapStart) seen.overlapStart = start;
      if (end > seen.overlapEnd) seen.overlapEnd = end;
    } else {
      others.set(c.agencyBId, {
        scope: "OTHER_AGENCY",
        agency: { id: c.agencyBId, name: c.other.agencyName, phone24x7: c.other.agencyPhone24x7 },
        overlapStart: start,
        overlapEnd: end,
      });
    }
  }
  mine.sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || a.minDistanceM - b.minDistanceM);
  // Ordered by what they say (time, then name), never by how close or severe the hidden facts are.
  const theirs = [...others.values()].sort(
    (a, b) => a.overlapStart.getTime() - b.overlapStart.getTime() || a.agency.name.localeCompare(b.agency.name),
  );
  return { checkedAt: now, conflicts: [...mine, ...theirs] };
}

/**
 * The span where the two windows meet — or, when only the time buffers join them, the gap between
 * them — widened outward to whole hours.
 */
function hoursMet(subject: { startsAt: Date; endsAt: Date }, c: DetectedConflict): [Date, Date] {
  const laterStart = Math.max(subject.startsAt.getTime(), c.other.startsAt.getTime());
  const earlierEnd = Math.min(subject.endsAt.getTime(), c.other.endsAt.getTime());
  const lo = Math.min(laterStart, earlierEnd);
  const hi = Math.max(laterStart, earlierEnd);
  const start = Math.floor(lo / HOUR_MS) * HOUR_MS;
  const end = Math.max(Math.ceil(hi / HOUR_MS) * HOUR_MS, start + HOUR_MS);
  return [new Date(start), new Date(end)];
}
