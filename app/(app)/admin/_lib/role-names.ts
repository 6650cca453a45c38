// Role names in the reader's language, for lists and checkboxes.
import type { Translate } from "@/lib/i18n/translate";
import { ROLE_LIST } from "@/lib/validation/user";

/** `tc` is a translator for the "common" namespace. */
export function roleNames(tc: Translate): Record<(typeof ROLE_LIST)[number], string> {
  return {
    LIAISON: tc("roles.LIAISON"),
    SUPERVISOR: tc("roles.SUPERVISOR"),
    CHIEF: tc("roles.CHIEF"),
    AGENCY_ADMIN: tc("roles.AGENCY_ADMIN"),
    AUDITOR: tc("roles.AUDITOR"),
  };
}
