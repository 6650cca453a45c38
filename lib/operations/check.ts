// Runs the deconfliction check for one subject: widen its box and window by its agency's
// buffers, ask the database for candidates, and let the engine decide exactly. Used by filing,
// editing and the dry run alike, so the preview and the stored result never disagree.
import type { Db, Tx } from "../db/client";
import { areaBBox } from "../deconfliction/bbox";
import { findConflicts } from "../deconfliction/engine";
import type { Area, Conflict as EngineConflict } from "../deconfliction/types";
import { conflictWhere } from "../deconfliction/where";
import { findCandidates, searchKeys, type Candidate, type SearchKeys } from "./candidates";
import { widenBox, type Box } from "./search-box";

export type Buffers = { proximityBufferM: number; timeBufferMinutes: number };

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

export function subjectKeys(subject: Pick<Subject, "area" | "startsAt" | "endsAt">, buffers: Buffers): { bbox: Box; keys: SearchKeys } {
  const bbox = areaBBox(subject.area);
  return { bbox, keys: searchKeys(bbox, subject.startsAt, subject.endsAt, (b) => widenBox(b, buffers.proximityBufferM), buffers.timeBufferMinutes) };
}

export async function runCheck(q: Db | Tx, subject: Subject, buffers: Buffers, excludeId?: string): Promise<CheckResult> {
  const { bbox, keys } = subjectKeys(subject, buffers);
  const candidates = await findCandidates(q, keys, excludeId ?? subject.id);
  if (candidates.length === 0) return { bbox, keys, candidates: 0, conflicts: [] };
  const agencyBuffers: Record<string, Buffers> = { [subject.agencyId]: buffers };
  for (const c of candidates) agencyBuffers[c.agencyId] = { proximityBufferM: c.proximityBufferM, timeBufferMinutes: c.timeBufferMinutes };
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const found = findConflicts(subject, candidates, { agencyBuffers });
  const conflicts = found.map((f) => {
    const oriented = f.aId === subject.id ? f : flip(f);
    const other = byId.get(oriented.bId)!;
    return { ...oriented, other, where: conflictWhere(subject.area, other.area) };
  });
  return { bbox, keys, candidates: candidates.length, conflicts };
}

function flip(c: EngineConflict): EngineConflict {
  return {
    ...c,
    aId: c.bId,
    bId: c.aId,
    agencyAId: c.agencyBId,
    agencyBId: c.agencyAId,
    containment: c.containment === "A_CONTAINS_B" ? "B_CONTAINS_A" : c.containment === "B_CONTAINS_A" ? "A_CONTAINS_B" : "NONE",
  };
}
