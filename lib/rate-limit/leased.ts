// A limit checked on every request of a hot path without a database round trip each time: this
// process leases a slice of a key's allowance from the shared limiter (one `consume` of several
// points) and spends it from memory; when the slice is used up it leases the next. The shared
// table still counts every point handed out, so across all processes a key is never allowed more
// than its limit per window. What a process leased and did not spend is lost to the others until
// the window ends, so with P processes a key may get up to (P − 1) × slice fewer requests than the
// limit — never more. Slices shrink as the window fills, so near the limit each request asks the
// database again and the last points go to whichever process asks first.
import type { Db } from "../db/client";
import { consume } from "./limiter";
import { LIMITS, type LimitName } from "./limits";

export type LeasedVerdict = { allowed: true } | { allowed: false; retryAfterSec: number };

type Lease = {
  /** Points leased and not yet spent. */
  left: number;
  /** What the shared table had left after the last lease: the next slice is no larger. */
  remainingShared: number;
  /** When the window the lease belongs to ends (ms since the epoch); the lease is void after. */
  until: number;
  /** Set once the shared allowance is spent: refused from memory until the window ends. */
  refused: boolean;
};

const MAX_LEASES = 50_000;

/** A slice of a 1/50th of the limit: one database round trip per 50th of the window's allowance. */
export function sliceOf(name: LimitName): number {
  return Math.max(1, Math.floor(LIMITS[name].points / 50));
}

const g = globalThis as unknown as { __cgLeases?: Map<string, Lease> };
const leases = (g.__cgLeases ??= new Map<string, Lease>());

/** Spends one point of `key`'s allowance under `name`, from this process's lease when it has one. */
export async function consumeLeased(db: Db, name: LimitName, key: string, clock: () => number = Date.now): Promise<LeasedVerdict> {
  const id = `${name}\u0000${key}`;
  const now = clock();
  const lease = leases.get(id);
  if (lease && lease.until > now) {
    if (lease.refused) return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((lease.until - now) / 1000)) };
    if (lease.left > 0) {
      lease.left--;
      return { allowed: true };
    }
  }
  const known = lease && lease.until > now ? lease.remainingShared : LIMITS[name].points;
  const slice = Math.max(1, Math.min(sliceOf(name), known));
  const verdict = await consume(db, name, key, slice);
  const points = LIMITS[name].points;
  // Points of this slice that fitted under the limit (another process may have taken the rest).
  const granted = verdict.allowed ? slice : Math.max(0, Math.min(slice, points - (verdict.consumed - slice)));
  const msLeft = verdict.allowed ? verdict.msBeforeNext : verdict.retryAfterSec * 1000;
  if (leases.size >= MAX_LEASES) leases.clear();
  if (granted === 0) {
    leases.set(id, { left: 0, remainingShared: 0, until: now + msLeft, refused: true });
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(msLeft / 1000)) };
  }
  leases.set(id, { left: granted - 1, remainingShared: Math.max(0, points - verdict.consumed), until: now + msLeft, refused: false });
  return { allowed: true };
}

/** Forgets every lease of this process (tests; a limit reset by an admin). */
export function forgetLeases(): void {
  leases.clear();
}
