// How escalation sees a federal request: settled once command decided it.
import type { EscalationSubject } from "../jobs/escalation";

export const requestEscalation: EscalationSubject = {
  async isAcknowledged(tx, requestId, agencyId) {
    const r = await tx.federalRequest.findUnique({
      where: { id: requestId },
      select: { agencyId: true, decision: true },
    });
    return !r || r.agencyId !== agencyId || r.decision !== null;
  },
  async describe(tx, requestId, agencyId) {
    const r = await tx.federalRequest.findFirst({
      where: { id: requestId, agencyId },
      select: { id: true, ref: true, dueAt: true, receivedAt: true, requesterAgencyId: true, requesterName: true },
    });
    if (!r) return null;
    const from = r.requesterAgencyId
      ? await tx.agency.findUnique({ where: { id: r.requesterAgencyId }, select: { name: true } })
      : null;
    return {
      title: r.ref,
      fromAgency: from?.name ?? r.requesterName ?? "",
      startsAt: r.dueAt ?? r.receivedAt,
      path: `/requests/${r.id}`,
    };
  },
};
