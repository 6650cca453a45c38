// The status an update tells its recipient about, in words: only the steps after planning
// (under way, completed) are news; a plain update or a cancellation says so by its kind.
import type { Translate } from "@/lib/i18n/translate";

/** `t` is the "followUp" namespace translator. */
export function operationStatusLabel(kind: string, status: string | null | undefined, t: Translate): string | null {
  if (kind !== "UPDATE" || (status !== "ACTIVE" && status !== "COMPLETED")) return null;
  return t(`status.${status}`);
}
