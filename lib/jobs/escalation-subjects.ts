// The kinds of things that escalate when not acknowledged. Conflicts are acknowledged per side
// by a supervisor, so their ladder starts with the supervisors; notices and federal requests
// register here alongside them.
import { noticeEscalation } from "../notices/escalation-subject";
import { requestEscalation } from "../requests/escalation-subject";
import type { EscalationSubject, EscalationSubjects } from "./escalation";

export const conflictEscalation: EscalationSubject = {
  levels: ["SUPERVISOR", "CHIEF", "CONTACT_24X7"],
  async isAcknowledged(tx, conflictId, agencyId) {
    const c = await tx.conflict.findUnique({ where: { id: conflictId } });
    if (!c || c.status !== "OPEN") return true;
    if (c.agencyAId === agencyId && c.ackAAt) return true;
    if (c.agencyBId === agencyId && c.ackBAt) return true;
    // An agency on neither side has nothing to acknowledge.
    return c.agencyAId !== agencyId && c.agencyBId !== agencyId;
  },
  async describe(tx, conflictId, agencyId) {
    const c = await tx.conflict.findUnique({ where: { id: conflictId } });
    if (!c) return null;
    const ownOpId = c.agencyAId === agencyId ? c.opAId : c.opBId;
    const otherAgencyId = c.agencyAId === agencyId ? c.agencyBId : c.agencyAId;
    // Need to know: the recipient sees its own operation's title and only the other agency's name.
    const own = await tx.operation.findUnique({ where: { id: ownOpId }, select: { title: true, startsAt: true } });
    const other = await tx.agency.findUnique({ where: { id: otherAgencyId }, select: { name: true } });
    if (!own || !other) return null;
    return {
      title: own.title,
      fromAgency: other.name,
      startsAt: c.overlapStart ?? own.startsAt,
      path: `/conflicts/${c.id}`,
    };
  },
};

export const escalationSubjects: EscalationSubjects = {
  CONFLICT: conflictEscalation,
  NOTICE: noticeEscalation,
  FEDERAL_REQUEST: requestEscalation,
};
