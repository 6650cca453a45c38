// Which one-time links an email offers its addressed person: what that person could do signed in,
// and nothing else. A notice: acknowledge it (when it asks for that) and ask for a call. A
// conflict notice: acknowledge the conflict for the agency (supervisors and chiefs; anyone else
// who acts for the agency acknowledges the notice) and ask for a deconfliction call. An
// escalation: acknowledge what was not acknowledged.
import type { Tx } from "../db/client";
import type { NoticeKind, Role } from "../db/generated/enums";
import { CONFLICT_DECIDING_ROLES } from "../conflicts/roles";
import { NOTICE_ACTING_ROLES } from "../notices/roles";
import type { ActionLinkRequest } from "./issue-links";

async function rolesOf(tx: Tx, userId: string | null | undefined): Promise<Role[]> {
  if (!userId) return [];
  const user = await tx.user.findUnique({ where: { id: userId }, select: { roles: true, active: true } });
  return user?.active ? user.roles : [];
}

const any = (roles: Role[], of: Role[]) => roles.some((r) => of.includes(r));

export async function noticeEmailActions(
  tx: Tx,
  o: {
    userId: string | null | undefined;
    notice: { id: string; kind: NoticeKind; conflictId?: string | null; requiresAck: boolean };
  },
): Promise<ActionLinkRequest[]> {
  const roles = await rolesOf(tx, o.userId);
  if (!any(roles, NOTICE_ACTING_ROLES)) return [];
  const { notice } = o;
  const offers: ActionLinkRequest[] = [];
  if (notice.kind === "CONFLICT" && notice.conflictId && any(roles, CONFLICT_DECIDING_ROLES)) {
    offers.push({ action: "ACKNOWLEDGE", subjectType: "CONFLICT", subjectId: notice.conflictId });
  } else if (notice.requiresAck && notice.kind !== "CANCELLATION") {
    offers.push({ action: "ACKNOWLEDGE", subjectType: "NOTICE", subjectId: notice.id });
  }
  if (notice.kind !== "CANCELLATION")
    offers.push({ action: "CALL_REQUEST", subjectType: "NOTICE", subjectId: notice.id });
  return offers;
}

export async function escalationEmailActions(
  tx: Tx,
  o: { userId: string | null | undefined; subjectType: string; subjectId: string },
): Promise<ActionLinkRequest[]> {
  const roles = await rolesOf(tx, o.userId);
  if (o.subjectType === "NOTICE" && any(roles, NOTICE_ACTING_ROLES))
    return [{ action: "ACKNOWLEDGE", subjectType: "NOTICE", subjectId: o.subjectId }];
  if (o.subjectType === "CONFLICT" && any(roles, CONFLICT_DECIDING_ROLES))
    return [{ action: "ACKNOWLEDGE", subjectType: "CONFLICT", subjectId: o.subjectId }];
  return [];
}
