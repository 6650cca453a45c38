// A new (or reopened) conflict is something both agencies must acknowledge: each side's
// supervisors get a live alert and an email, and each side an escalation timer (supervisors,
// then chiefs, then the 24/7 contact) that its acknowledgment stops. A reopened conflict (its
// acknowledgments cleared) escalates again from the first step, as a new round.
import type { Tx } from "../db/client";
import type { RecordedConflict } from "../conflicts/record-conflicts";
import { emailConflictFound } from "../conflicts/conflict-steps";
import { CONFLICT_SUBJECT } from "../conflicts/roles";
import { scheduleEscalation } from "../jobs/escalation";
import { publishLiveEvent } from "../realtime/publish";

export { CONFLICT_SUBJECT };

export async function alertNewConflicts(
  tx: Tx,
  o: { conflicts: readonly RecordedConflict[]; now: Date },
): Promise<void> {
  for (const c of o.conflicts) {
    if (c.change === "UPDATED") continue;
    const row = await tx.conflict.findUnique({ where: { id: c.id }, select: { overlapStart: true } });
    const sides: [string, string][] = [
      [c.agencyAId, c.agencyBId],
      [c.agencyBId, c.agencyAId],
    ];
    for (const [recipient, origin] of sides) {
      await scheduleEscalation(tx, {
        subjectType: CONFLICT_SUBJECT,
        subjectId: c.id,
        recipientAgencyId: recipient,
        originAgencyId: origin,
        startsAt: row?.overlapStart ?? null,
        now: o.now,
        round: c.openings,
      });
    }
    await emailConflictFound(tx, { conflictId: c.id, now: o.now });
    await publishLiveEvent(
      tx,
      { type: "conflict", agencyIds: [c.agencyAId, c.agencyBId], id: c.id },
      { event: "conflict.found", now: o.now },
    );
  }
}
