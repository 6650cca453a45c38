// Who may act on conflicts: everyone in a party agency reads; supervisors and chiefs acknowledge
// and record outcomes.
import type { Role } from "../db/generated/enums";

export const CONFLICT_READING_ROLES: Role[] = ["LIAISON", "SUPERVISOR", "CHIEF", "AUDITOR", "AGENCY_ADMIN"];
export const CONFLICT_DECIDING_ROLES: Role[] = ["SUPERVISOR", "CHIEF"];

export const CONFLICT_AUDIT = {
  acknowledge: "conflict.acknowledge",
  resolve: "conflict.resolve",
} as const;

/** Only the two party agencies can see a conflict; to anyone else it does not exist. */
export function partyWhere(agencyId: string) {
  return { OR: [{ agencyAId: agencyId }, { agencyBId: agencyId }] };
}
