// When a request needs an answer. A detainer asks for a hold of up to 48 hours past the time a
// person would otherwise be released: its clock runs 48 hours from receipt unless a sooner due
// time was given. Other kinds are due when the requester says, or not at all.
import type { FederalRequestKind } from "../db/generated/enums";

export const DETAINER_HOURS = 48;

export function computeDueAt(o: { kind: FederalRequestKind; receivedAt: Date; dueAt?: Date | null }): Date | null {
  if (o.kind === "DETAINER") {
    const clock = new Date(o.receivedAt.getTime() + DETAINER_HOURS * 3_600_000);
    return o.dueAt && o.dueAt < clock ? o.dueAt : clock;
  }
  return o.dueAt ?? null;
}

/** Minutes left before it is due (negative once overdue); null when it has no due time. */
export function minutesLeft(dueAt: Date | null, now: Date): number | null {
  return dueAt ? Math.floor((dueAt.getTime() - now.getTime()) / 60_000) : null;
}
