// The deconfliction engine: given operations (plain data) it returns the conflicts between them
// with the facts behind each. Pure: no I/O, no clock, no randomness.
//
// Two operations conflict when their areas come within the pair's proximity buffer and their
// windows, each widened by the pair's time buffer, overlap. A pair's buffers are the larger of the
// two agencies' configured values (options.agencyBuffers), falling back to the defaults.
//
// Severity:
//   HIGH    the areas intersect, the raw windows overlap, and either side carries a risk flag;
//   MEDIUM  otherwise, the areas intersect or the raw windows overlap;
//   LOW     only the buffers bring them together (areas apart and windows apart).
//
// A pair is always evaluated in one canonical order (by id), so checkPair(a, b) and checkPair(b, a)
// agree exactly, with A/B fields swapped.
import { prepareArea } from "./prepared-area";
import { relateAreas, type SpatialFacts } from "./spatial";
import { relateWindows, toMs } from "./temporal";
import type { Conflict, Containment, EngineOperation, EngineOptions, Severity } from "./types";

export const DEFAULT_PROXIMITY_BUFFER_M = 500;
export const DEFAULT_TIME_BUFFER_MINUTES = 60;
/** Distances are exact to well under 0.1 % up to this buffer; beyond it the engine refuses. */
export const MAX_PROXIMITY_BUFFER_M = 100_000;

const RANK: Record<Severity, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

export function pairBuffers(
  agencyA: string,
  agencyB: string,
  options: EngineOptions = {},
): { proximityBufferM: number; timeBufferMinutes: number } {
  const own = (agencyId: string) => options.agencyBuffers?.[agencyId];
  const baseM = options.proximityBufferM ?? DEFAULT_PROXIMITY_BUFFER_M;
  const baseMin = options.timeBufferMinutes ?? DEFAULT_TIME_BUFFER_MINUTES;
  const proximityBufferM = Math.max(own(agencyA)?.proximityBufferM ?? baseM, own(agencyB)?.proximityBufferM ?? baseM);
  const timeBufferMinutes = Math.max(
    own(agencyA)?.timeBufferMinutes ?? baseMin,
    own(agencyB)?.timeBufferMinutes ?? baseMin,
  );
  if (!(proximityBufferM >= 0 && proximityBufferM <= MAX_PROXIMITY_BUFFER_M)) {
    throw new RangeError(`Proximity buffer must be between 0 and ${MAX_PROXIMITY_BUFFER_M} m`);
  }
  if (!(timeBufferMinutes >= 0 && Number.isFinite(timeBufferMinutes)))
    throw new RangeError("Time buffer must be a non-negative number of minutes");
  return { proximityBufferM, timeBufferMinutes };
}

/** The conflict between two operations, or null when they do not conflict. */
export function checkPair(a: EngineOperation, b: EngineOperation, options: EngineOptions = {}): Conflict | null {
  if (b.id < a.id) {
    const flipped = evaluate(b, a, options);
    return flipped && swap(flipped);
  }
  return evaluate(a, b, options);
}

/** Every conflict between the subject and the candidates, most severe first, then nearest. */
export function findConflicts(
  subject: EngineOperation,
  candidates: readonly EngineOperation[],
  options: EngineOptions = {},
): Conflict[] {
  const found: Conflict[] = [];
  for (const candidate of candidates) {
    if (candidate.id === subject.id) continue;
    const conflict = checkPair(subject, candidate, options);
    if (conflict) found.push(conflict);
  }
  return found.sort(
    (x, y) =>
      RANK[x.severity] - RANK[y.severity] ||
      x.minDistanceM - y.minDistanceM ||
      y.overlapMinutes - x.overlapMinutes ||
      (x.bId < y.bId ? -1 : x.bId > y.bId ? 1 : 0),
  );
}

function evaluate(a: EngineOperation, b: EngineOperation, options: EngineOptions): Conflict | null {
  const buffers = pairBuffers(a.agencyId, b.agencyId, options);
  const time = relateWindows(
    toMs(a.startsAt),
    toMs(a.endsAt),
    toMs(b.startsAt),
    toMs(b.endsAt),
    buffers.timeBufferMinutes,
  );
  if (!time) return null;
  const space = relateAreas(prepareArea(a.area), prepareArea(b.area), buffers.proximityBufferM);
  if (!space) return null;
  return {
    aId: a.id,
    bId: b.id,
    agencyAId: a.agencyId,
    agencyBId: b.agencyId,
    severity: severityOf(space, time.overlapMinutes >= 0, a, b),
    ...space,
    ...time,
    ...buffers,
  };
}

function severityOf(space: SpatialFacts, rawOverlap: boolean, a: EngineOperation, b: EngineOperation): Severity {
  const flagged = [...a.riskFlags, ...b.riskFlags].some((f) => f.trim() !== "");
  if (space.areasIntersect && rawOverlap && flagged) return "HIGH";
  if (space.areasIntersect || rawOverlap) return "MEDIUM";
  return "LOW";
}

const SWAPPED: Record<Containment, Containment> = {
  NONE: "NONE",
  A_CONTAINS_B: "B_CONTAINS_A",
  B_CONTAINS_A: "A_CONTAINS_B",
};

function swap(c: Conflict): Conflict {
  return {
    ...c,
    aId: c.bId,
    bId: c.aId,
    agencyAId: c.agencyBId,
    agencyBId: c.agencyAId,
    containment: SWAPPED[c.containment],
  };
}
