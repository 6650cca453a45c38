// Acknowledging one notice for the actor's agency: the claim (only while unacknowledged), the read
// mark, the stopped escalation, the thread entry and the audit event. Shared by the notice's own
// acknowledgment and a conflict acknowledged from its side, so both leave the same record.
import type { Tx } from "../db/client";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { stopEscalation } from "../jobs/escalation";
import { NOTICE_AUDIT, NOTICE_SUBJECT } from "./roles";
import { addThreadEntry, type ThreadNoticeRow } from "./thread";

/** False when the notice was not the agency's to acknowledge, or already acknowledged (nothing written). */
export async function markNoticeAcknowledged(
  tx: Tx,
  o: { actor: Actor; notice: ThreadNoticeRow & { id: string }; now: Date; details?: Record<string, unknown> },
): Promise<boolean> {
  const { actor, notice, now } = o;
  const { count } = await tx.notice.updateMany({
    where: { id: notice.id, recipientAgencyId: actor.agencyId, acknowledgedAt: null },
    data: { acknowledgedAt: now, acknowledgedById: actor.userId ?? actor.id, acknowledgedByName: actor.name },
  });
  if (count !== 1) return false;
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
    ...(o.details ? { details: o.details } : {}),
    at: now,
    ...auditContext(actor),
  });
  return true;
}
