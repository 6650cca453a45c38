// The recipient agency acknowledges a notice: recorded on the notice and in the thread, its
// escalation stops, and the sender sees it live. Acknowledging twice changes nothing. A notice
// that reports a conflict acknowledges the conflict for the agency too (and the conflict's
// acknowledgment acknowledges the notice), so while that conflict awaits the agency's
// acknowledgment only those who answer for conflicts — supervisors and chiefs — may.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/authorize";
import { acknowledgeConflictSide } from "../conflicts/acknowledge-side";
import { CONFLICT_ROW_SELECT } from "../conflicts/conflict-view";
import { CONFLICT_DECIDING_ROLES, partyWhere as conflictPartyWhere } from "../conflicts/roles";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { auditRefusal } from "../users/admin-scope";
import { isId } from "../validation/operation";
import { NOTICE_ACTING_ROLES, NOTICE_AUDIT } from "./roles";
import { markNoticeAcknowledged } from "./mark-acknowledged";

export async function acknowledgeNotice(args: {
  db: Db;
  actor: Actor;
  noticeId: string;
  now: Date;
}): Promise<{ acknowledgedAt: Date }> {
  const { db, actor, noticeId, now } = args;
  const denial = {
    db,
    actor,
    action: NOTICE_AUDIT.acknowledge,
    targetType: "Notice",
    targetId: noticeId.slice(0, 64),
    now,
  };
  return auditRefusal(denial, async () => {
    authorize(actor, { roles: NOTICE_ACTING_ROLES, agencyId: actor.agencyId });
    if (!isId(noticeId)) throw new NotFoundError();
    return db.$transaction(async (tx) => {
      const notice = await tx.notice.findFirst({
        where: { id: noticeId, recipientAgencyId: actor.agencyId },
        select: {
          id: true,
          threadId: true,
          senderAgencyId: true,
          recipientAgencyId: true,
          sentByUserId: true,
          content: true,
          acknowledgedAt: true,
          supersededAt: true,
          conflictId: true,
        },
      });
      if (!notice) throw new NotFoundError();
      if (notice.acknowledgedAt) return { acknowledgedAt: notice.acknowledgedAt };
      if (notice.supersededAt) throw new ConflictError("notices.errors.superseded");
      const conflict = notice.conflictId
        ? await tx.conflict.findFirst({
            where: { id: notice.conflictId, ...conflictPartyWhere(actor.agencyId) },
            select: CONFLICT_ROW_SELECT,
          })
        : null;
      const conflictAwaits =
        conflict !== null &&
        conflict.status !== "CLOSED" &&
        (conflict.agencyAId === actor.agencyId ? conflict.ackAAt : conflict.ackBAt) === null;
      if (conflictAwaits && !can(actor, { roles: CONFLICT_DECIDING_ROLES, agencyId: actor.agencyId }))
        throw new ForbiddenError("conflicts.twoSided.errors.supervisorAcknowledges");
      if (!(await markNoticeAcknowledged(tx, { actor, notice, now }))) throw new ConflictError();
      if (conflict && conflictAwaits) await acknowledgeConflictSide(tx, { actor, row: conflict, now });
      return { acknowledgedAt: now };
    });
  });
}
