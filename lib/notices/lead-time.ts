// Lead time: how long before the start a notice went out, against what the recipient asks for.
// A filing is exigent when it comes after the start, or later than a host jurisdiction's
// required lead time; it then needs a reason and a commander's sign-off.

export function leadMinutes(startsAt: Date, sentAt: Date): number {
  return Math.floor((startsAt.getTime() - sentAt.getTime()) / 60_000);
}

export function isLate(lead: number, requiredLeadHours: number): boolean {
  return lead < requiredLeadHours * 60;
}

/** Whole hours for display; negative when the notice went out after the start. */
export function leadHours(lead: number): number {
  return lead >= 0 ? Math.floor(lead / 60) : -Math.ceil(-lead / 60);
}

export function exigentRequired(o: { startsAt: Date; now: Date; hostLeadHours: readonly number[] }): boolean {
  const lead = leadMinutes(o.startsAt, o.now);
  return lead <= 0 || o.hostLeadHours.some((h) => isLate(lead, h));
}
