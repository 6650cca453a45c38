// The instant check behind the filing form's live preview and POST /api/v1/deconfliction/check:
// an area and a window in, the conflicts they would have out. Nothing is stored and no locks are
// taken. Counterparts are described only as need-to-know allows: the agency and how to reach it,
// and the facts of the overlap — never the other operation's type, title, notes or area.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import type { Containment, Severity } from "../deconfliction/types";
import { NotFoundError } from "../errors";
import { dryRunSchema } from "../validation/operation";
import { runPreviewCheck } from "./check";
import { FILING_ROLES } from "./roles";

export type DryRunConflict = {
  agency: { id: string; name: string; phone24x7: string };
  /** Only for the actor's own agency's operations, which it may see in full anyway. */
  ownOperation: { id: string; ref: string; title: string } | null;
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

export type DryRunResult = { checkedAt: Date; conflicts: DryRunConflict[] };

const PREVIEW_ID = "00000000-0000-0000-0000-000000000000";

export async function dryRunCheck(args: { db: Db; actor: Actor; input: unknown; now: Date }): Promise<DryRunResult> {
  const { db, actor, now } = args;
  authorize(actor, { roles: FILING_ROLES, agencyId: actor.agencyId });
  const input = dryRunSchema.parse(args.input);
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
      ? (await db.operation.findMany({ where: { id: { in: ownIds }, agencyId: actor.agencyId }, select: { id: true, ref: true, title: true } })).map((o) => [o.id, o])
      : [],
  );
  const severityRank = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;
  return {
    checkedAt: now,
    conflicts: conflicts
      .map((c) => ({
        agency: { id: c.agencyBId, name: c.other.agencyName, phone24x7: c.other.agencyPhone24x7 },
        ownOperation: own.get(c.bId) ?? null,
        severity: c.severity,
        minDistanceM: c.minDistanceM,
        areasIntersect: c.areasIntersect,
        containment: c.containment,
        overlapMinutes: c.overlapMinutes,
        overlapStart: c.overlapStart,
        overlapEnd: c.overlapEnd,
        where: c.where ? { lon: c.where[0], lat: c.where[1] } : null,
      }))
      .sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || a.minDistanceM - b.minDistanceM),
  };
}
