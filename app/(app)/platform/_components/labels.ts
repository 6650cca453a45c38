// Level and kind names for the platform's lists and forms.
import type { Translate } from "@/lib/i18n/translate";
import { AGENCY_KINDS, AGENCY_LEVELS } from "@/lib/validation/agency";

/** `tc` translates the "common" namespace, `td` the "directory" namespace. */
export function agencyLabels(tc: Translate, td: Translate) {
  return {
    levels: Object.fromEntries(AGENCY_LEVELS.map((l) => [l, tc(`levels.${l}`)])) as Record<string, string>,
    kinds: Object.fromEntries(AGENCY_KINDS.map((k) => [k, td(`kinds.${k}`)])) as Record<string, string>,
  };
}
