// How escalation sees a notice: acknowledged once its recipient acknowledged it, or once it no
// longer asks for acknowledgment (superseded by a newer notice, or a cancellation).
import type { EscalationSubject } from "../jobs/escalation";
import { noticeContent } from "./content";

export const noticeEscalation: EscalationSubject = {
  async isAcknowledged(tx, noticeId, agencyId) {
    const n = await tx.notice.findUnique({
      where: { id: noticeId },
      select: { recipientAgencyId: true, acknowledgedAt: true, supersededAt: true, requiresAck: true },
    });
    if (!n || n.recipientAgencyId !== agencyId) return true;
    return !n.requiresAck || n.acknowledgedAt !== null || n.supersededAt !== null;
  },
  async describe(tx, noticeId, agencyId) {
    const n = await tx.notice.findFirst({
      where: { id: noticeId, recipientAgencyId: agencyId },
      select: { id: true, content: true, startsAt: true },
    });
    if (!n) return null;
    const c = noticeContent(n.content);
    return {
      title: c.operation?.title ?? c.operationRef,
      fromAgency: c.sender.name,
      startsAt: n.startsAt,
      path: `/notices/${n.id}`,
    };
  },
};
