// Who may do what with operations. AUDITORs (and agency admins) read; field roles file and edit.
import type { Role } from "../db/generated/enums";

export const FILING_ROLES: Role[] = ["LIAISON", "SUPERVISOR", "CHIEF"];
export const READING_ROLES: Role[] = ["LIAISON", "SUPERVISOR", "CHIEF", "AUDITOR", "AGENCY_ADMIN"];

/** Checked against each other: a DRAFT is a private sketch, COMPLETED and CANCELLED are over. */
export const CHECKED_STATUSES = ["PLANNED", "ACTIVE"] as const;
export function isChecked(status: string): boolean {
  return (CHECKED_STATUSES as readonly string[]).includes(status);
}

export const OPERATION_AUDIT = {
  file: "operation.file",
  update: "operation.update",
  transition: "operation.transition",
} as const;
