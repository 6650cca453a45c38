// Runs the deconfliction check for one subject: widen its box and window by its agency's
// buffers, ask the database for candidates, and let the engine decide exactly. Used by filing,
// editing and the dry run alike, so the preview and the stored result never disagree.
import type { Db, Tx } from "../db/client";
import { areaBBox } from "../deconfliction/bbox";
import { findConflicts } from "../deconfliction/engine";
import type { Area, Conflict as EngineConflict } from "../deconfliction/types";
import { conflictWhere } from "../deconfliction/where";
import { NotFoundError } from "../errors";
import { cachedBuffers, rememberBuffers, sameBuffers } from "./agency-buffers";
import { searchCandidates, searchKeys, type Buffers, type Candidate, type SearchKeys } from "./candidates";
import { lockPlanFor, mergeLockPlans } from "./cell-locks";
import { widenBox, type Box } from "./search-box";

export type { Buffers } from "./candidates";

export type Subject = {
  id: string;
  agencyId: string;
  area: Area;
  startsAt: Date;
  endsAt: Date;
  riskFlags: readonly string[];
};

/** A conflict seen from the subject: `a` is always the subject. */
export type DetectedConflict = EngineConflict & { other: Candidate; where: [number, number] | null };

export type CheckResult = { bbox: Box; keys: SearchKeys; candidates: number; conflicts: DetectedConflict[] };

export function subjectKeys(
  subject: Pick<Subject, "area" | "startsAt" | "endsAt">,
  buffers: Buffers,
): { bbox: Box; keys: SearchKeys } {
  const bbox = areaBBox(subject.area);
  return {
    bbox,
    keys: searchKeys(
      bbox,
      subject.startsAt,
      subject.endsAt,
      (b) => widenBox(b, buffers.proximityBufferM),
      buffers.timeBufferMinutes,
    ),
  };
}

/** The check without locks, with the buffers given. */
export async function runCheck(
  q: Db | Tx,
  subject: Subject,
  buffers: Buffers,
  excludeId?: string,
): Promise<CheckResult> {
  const { bbox, keys } = subjectKeys(subject, buffers);
  const { candidates } = await searchCandidates(q, { keys, excludeId: excludeId ?? subject.id });
  return { bbox, keys, candidates: candidates.length, conflicts: decide(subject, buffers, candidates) };
}

/**
 * The check without locks (the dry run): planned with the agency's remembered buffers, searched in
 * one round trip that also reads the current ones, and searched again in the rare case they moved.
 */
export async function runPreviewCheck(q: Db | Tx, subject: Subject, excludeId?: string): Promise<CheckResult> {
  const planned = await cachedBuffers(q, subject.agencyId);
  const { bbox, keys } = subjectKeys(subject, planned);
  const { candidates, buffers } = await searchCandidates(q, {
    keys,
    excludeId: excludeId ?? subject.id,
    agencyId: subject.agencyId,
  });
  if (!buffers) throw new NotFoundError();
  if (!sameBuffers(buffers, planned)) {
    rememberBuffers(subject.agencyId, buffers);
    return runCheck(q, subject, buffers, excludeId);
  }
  return { bbox, keys, candidates: candidates.length, conflicts: decide(subject, buffers, candidates) };
}

/** Raised when an agency's buffers changed since its cell locks were planned; the write starts over. */
export class StaleBuffersError extends Error {}

/**
 * The check inside a write: takes the cell locks for the subject's widened box (and for any
 * `alsoLock` boxes, e.g. where an edited operation used to be) and searches, in one round trip that
 * also reads the agency's current buffers. Locks were planned with remembered buffers; if the
 * current ones differ, StaleBuffersError — call through withFreshBuffers() to start over.
 */
export async function runLockedCheck(
  tx: Tx,
  subject: Subject,
  alsoLock: Box[] = [],
): Promise<CheckResult & { buffers: Buffers }> {
  const planned = await cachedBuffers(tx, subject.agencyId);
  const { bbox, keys } = subjectKeys(subject, planned);
  const locks = mergeLockPlans([lockPlanFor(keys.box), ...alsoLock.map(lockPlanFor)]);
  const { candidates, buffers } = await searchCandidates(tx, {
    keys,
    locks,
    excludeId: subject.id,
    agencyId: subject.agencyId,
  });
  if (!buffers) throw new StaleBuffersError("agency not found");
  if (!sameBuffers(buffers, planned)) {
    rememberBuffers(subject.agencyId, buffers);
    throw new StaleBuffersError("agency buffers changed");
  }
  return { bbox, keys, buffers, candidates: candidates.length, conflicts: decide(subject, buffers, candidates) };
}

/** Runs a write that uses runLockedCheck, once more if the agency's buffers had just changed. */
export async function withFreshBuffers<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof StaleBuffersError) return write();
    throw e;
  }
}

function decide(subject: Subject, buffers: Buffers, candidates: Candidate[]): DetectedConflict[] {
  if (candidates.length === 0) return [];
  const agencyBuffers: Record<string, Buffers> = { [subject.agencyId]: buffers };
  for (const c of candidates)
    agencyBuffers[c.agencyId] = { proximityBufferM: c.proximityBufferM, timeBufferMinutes: c.timeBufferMinutes };
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return findConflicts(subject, candidates, { agencyBuffers }).map((f) => {
    const oriented = f.aId === subject.id ? f : flip(f);
    const other = byId.get(oriented.bId)!;
    return { ...oriented, other, where: conflictWhere(subject.area, other.area, oriented) };
  });
}

function flip(c: EngineConflict): EngineConflict {
  return {
    ...c,
    aId: c.bId,
    bId: c.aId,
    agencyAId: c.agencyBId,
    agencyBId: c.agencyAId,
    containment:
      c.containment === "A_CONTAINS_B" ? "B_CONTAINS_A" : c.containment === "B_CONTAINS_A" ? "A_CONTAINS_B" : "NONE",
  };
}
