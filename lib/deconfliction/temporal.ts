// The time half of a conflict. Each window is widened by the time buffer at both ends, so two
// windows conflict when the gap between them is at most twice the buffer. Windows are closed:
// one ending the minute the other starts overlap by zero minutes.

export type TimeFacts = {
  /** Raw overlap in minutes; negative: the gap between the raw windows. */
  overlapMinutes: number;
  overlapStart: Date | null;
  overlapEnd: Date | null;
};

const MINUTE_MS = 60_000;

export function toMs(t: Date | number): number {
  const ms = typeof t === "number" ? t : t.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("Operation time is not a valid instant");
  return ms;
}

export function relateWindows(
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  bufferMinutes: number,
): TimeFacts | null {
  if (aEnd < aStart || bEnd < bStart) throw new RangeError("Operation window ends before it starts");
  const start = Math.max(aStart, bStart);
  const end = Math.min(aEnd, bEnd);
  const overlapMs = end - start;
  if (overlapMs < -2 * bufferMinutes * MINUTE_MS) return null;
  const raw = overlapMs >= 0;
  return {
    overlapMinutes: overlapMs / MINUTE_MS,
    overlapStart: raw ? new Date(start) : null,
    overlapEnd: raw ? new Date(end) : null,
  };
}
