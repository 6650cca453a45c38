// Who keeps the public record: an agency's admins draft; command (the chief, or whoever the chief
// designated to decide federal requests) publishes. Liaisons and supervisors alone do neither.
import type { Role } from "../db/generated/enums";

export const PUBLIC_RECORD_DRAFTING_ROLES: Role[] = ["AGENCY_ADMIN"];
/** Who may open the admin pages: the drafters and those who may publish. */
export const PUBLIC_RECORD_READING_ROLES: Role[] = ["AGENCY_ADMIN", "CHIEF", "SUPERVISOR", "LIAISON"];

export const PUBLIC_RECORD_AUDIT = {
  draftCreate: "public-record.draft.create",
  draftUpdate: "public-record.draft.update",
  publish: "public-record.publish",
} as const;

/** The fixed addresses of the one agreement and the one statement each agency keeps. */
export const SINGLETON_SLUG = { AGREEMENT_287G: "287g-agreement", STATEMENT: "statement" } as const;
