// An agency's proximity and time buffers, remembered between checks: a check plans its search (and
// a writer its cell locks) with them, and the same round trip reads the current values, so a
// change is noticed at once and the check goes again (see check.ts). Remembering only saves a
// round trip; it never lets a stale buffer decide.
import type { Db, Tx } from "../db/client";
import { NotFoundError } from "../errors";
import type { Buffers } from "./candidates";

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { until: number; buffers: Buffers }>();

export async function agencyBuffers(q: Db | Tx, agencyId: string): Promise<Buffers> {
  const agency = await q.agency.findUnique({
    where: { id: agencyId },
    select: { proximityBufferM: true, timeBufferMinutes: true },
  });
  if (!agency) throw new NotFoundError();
  rememberBuffers(agencyId, agency);
  return agency;
}

export async function cachedBuffers(q: Db | Tx, agencyId: string): Promise<Buffers> {
  const hit = cache.get(agencyId);
  if (hit && hit.until > Date.now()) return hit.buffers;
  return agencyBuffers(q, agencyId);
}

export function rememberBuffers(agencyId: string, buffers: Buffers): void {
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(agencyId, {
    until: Date.now() + TTL_MS,
    buffers: { proximityBufferM: buffers.proximityBufferM, timeBufferMinutes: buffers.timeBufferMinutes },
  });
}

export function sameBuffers(a: Buffers, b: Buffers): boolean {
  return a.proximityBufferM === b.proximityBufferM && a.timeBufferMinutes === b.timeBufferMinutes;
}
