// Acknowledging a conflict for one side, kept in step with that side's notices about it: the
// conflict's acknowledgment acknowledges the agency's open conflict notices, and a notice's
// acknowledgment acknowledges its conflict. Both run inside the caller's transaction.
import type { Tx } from "../db/client";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { stopEscalation } from "../jobs/escalation";
import { NOTICE_AUDIT, NOTICE_SUBJECT } from "../notices/roles";
import { addThreadEntry } from "../notices/thread";
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
    const { count } = await tx.notice.updateMany({
      where: { id: notice.id, recipientAgencyId: actor.agencyId, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedById: actor.userId ?? actor.id, acknowledgedByName: actor.name },
    });
    if (count !== 1) continue;
    await tx.notice.updateMany({
      where: { id: notice.id, readAt: null },
      data: { readAt: now, readById: actor.userId ?? actor.id },
    });
    await stopEscalation(tx, {
      subjectType: NOTICE_SUBJECT,
      subjectId: notice.id,
      recipientAgencyId: actor.agencyId,
      now,
    });
    await addThreadEntry(tx, {
      actor,
      notice,
      kind: "ACKNOWLEDGED",
      body: "",
      now,
      live: "acknowledgment",
      notifyOtherSide: false,
    });
    await recordAudit(tx, {
      action: NOTICE_AUDIT.acknowledge,
      targetType: "Notice",
      targetId: notice.id,
      details: { withConflict: o.conflictId },
      at: now,
      ...auditContext(actor),
    });
  }
}
