// Acknowledging a conflict for one side, kept in step with that side's notices about it: the
// conflict's acknowledgment acknowledges the agency's open conflict notices, and a notice's
// acknowledgment acknowledges its conflict. Both run inside the caller's transaction.
import type { Tx } from "../db/client";
import type { Actor } from "../auth/actor";
import { stopEscalation } from "../jobs/escalation";
import { markNoticeAcknowledged } from "../notices/mark-acknowledged";
import { sideOf, type ConflictRow } from "./conflict-view";
import { recordConflictStep } from "./conflict-steps";
import { CONFLICT_AUDIT, CONFLICT_SUBJECT } from "./roles";

/** True if this call acknowledged it (false when the side had already, or it is closed). */
export async function acknowledgeConflictSide(
  tx: Tx,
  o: { actor: Actor; row: ConflictRow; now: Date },
): Promise<boolean> {
  const { actor, row, now } = o;
  const side = sideOf(row, actor.agencyId);
  const by = actor.userId ?? actor.id;
  const data =
    side === "A"
      ? { ackAById: by, ackAAt: now, ackAByName: actor.name, updatedAt: now }
      : { ackBById: by, ackBAt: now, ackBByName: actor.name, updatedAt: now };
  const { count } = await tx.conflict.updateMany({
    where: {
      id: row.id,
      [side === "A" ? "agencyAId" : "agencyBId"]: actor.agencyId,
      status: { not: "CLOSED" },
      ...(side === "A" ? { ackAAt: null } : { ackBAt: null }),
    },
    data,
  });
  if (count !== 1) return false;
  await recordConflictStep(tx, { actor, conflict: row, kind: "ACKNOWLEDGED", audit: CONFLICT_AUDIT.acknowledge, now });
  await stopEscalation(tx, {
    subjectType: CONFLICT_SUBJECT,
    subjectId: row.id,
    recipientAgencyId: actor.agencyId,
    now,
  });
  await acknowledgeConflictNotices(tx, { actor, conflictId: row.id, now });
  return true;
}

/** The actor's agency's current notices reporting this conflict, acknowledged with it. */
async function acknowledgeConflictNotices(tx: Tx, o: { actor: Actor; conflictId: string; now: Date }): Promise<void> {
  const { actor, now } = o;
  const notices = await tx.notice.findMany({
    where: {
      conflictId: o.conflictId,
      recipientAgencyId: actor.agencyId,
      acknowledgedAt: null,
      supersededAt: null,
      requiresAck: true,
    },
    select: {
      id: true,
      threadId: true,
      senderAgencyId: true,
      recipientAgencyId: true,
      sentByUserId: true,
      content: true,
    },
  });
  for (const notice of notices) {
    await markNoticeAcknowledged(tx, { actor, notice, now, details: { withConflict: o.conflictId } });
  }
}
