// Who may act on conflicts: everyone in a party agency reads; supervisors and chiefs acknowledge,
// propose, confirm, contest and reopen outcomes. Supervisors are the ones told first.
import type { Role } from "../db/generated/enums";

export const CONFLICT_READING_ROLES: Role[] = ["LIAISON", "SUPERVISOR", "CHIEF", "AUDITOR", "AGENCY_ADMIN"];
export const CONFLICT_DECIDING_ROLES: Role[] = ["SUPERVISOR", "CHIEF"];
/** The people of a party agency emailed when a conflict is found or the other side acts on it. */
export const CONFLICT_EMAIL_ROLES: Role[] = ["SUPERVISOR"];

export const CONFLICT_AUDIT = {
  acknowledge: "conflict.acknowledge",
  /** Kept for the API's /resolve, which now proposes: the other side still confirms. */
  resolve: "conflict.resolve",
  propose: "conflict.propose",
  confirm: "conflict.confirm",
  contest: "conflict.contest",
  reopen: "conflict.reopen",
} as const;

export const CONFLICT_SUBJECT = "CONFLICT";

/** Only the two party agencies can see a conflict; to anyone else it does not exist. */
export function partyWhere(agencyId: string) {
  return { OR: [{ agencyAId: agencyId }, { agencyBId: agencyId }] };
}
