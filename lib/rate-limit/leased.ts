// A limit checked on every request of a hot path without a database round trip each time: this
// process leases a slice of a key's allowance from the shared limiter (one `consume` of several
// points) and spends it from memory; when the slice is used up it leases the next. The shared
// table still counts every point handed out, so across all processes a key is never allowed more
// than its limit per window. What a process leased and did not spend is lost to the others until
// the window ends, so with P processes a key may get up to (P − 1) × slice fewer requests than the
// limit — never more. Slices shrink as the window fills, so near the limit each request asks the
// database again and the last points go to whichever process asks first.
import type { Db } from "../db/client";
import { configuredLimit, consume } from "./limiter";
import type { LimitName } from "./limits";

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
  return Math.max(1, Math.floor(configuredLimit(name).points / 50));
}

export type LeaseBook = {
  /** Spends one point of `key`'s allowance under `name`, from this book's lease when it has one. */
  consume(db: Db, name: LimitName, key: string): Promise<LeasedVerdict>;
  forget(): void;
};

/** A process's leases (one per process in the app; tests make several to stand for several processes). */
export function createLeaseBook(clock: () => number = Date.now): LeaseBook {
  const leases = new Map<string, Lease>();
  // One lease request per key at a time: requests arriving meanwhile wait for it and spend from
  // it, instead of each leasing a slice of their own (which would overshoot the limit at once).
  const pending = new Map<string, Promise<void>>();

  function fromMemory(id: string, now: number): LeasedVerdict | null {
    const lease = leases.get(id);
    if (!lease || lease.until <= now) return null;
    if (lease.refused) return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((lease.until - now) / 1000)) };
    if (lease.left > 0) {
      lease.left--;
      return { allowed: true };
    }
    return null;
  }

  async function lease(db: Db, name: LimitName, key: string, id: string): Promise<void> {
    const now = clock();
    const current = leases.get(id);
    const points = configuredLimit(name).points;
    const known = current && current.until > now ? current.remainingShared : points;
    const slice = Math.max(1, Math.min(sliceOf(name), known));
    const verdict = await consume(db, name, key, slice);
    // Points of this slice that fitted under the limit (another process may have taken the rest).
    // A key already blocked in memory is refused without a count (consumed 0): nothing fitted.
    const fitted = (consumed: number) =>
      consumed >= slice ? Math.max(0, Math.min(slice, points - (consumed - slice))) : 0;
    const granted = verdict.allowed ? slice : fitted(verdict.consumed);
    const until = now + (verdict.allowed ? verdict.msBeforeNext : verdict.retryAfterSec * 1000);
    if (leases.size >= MAX_LEASES) leases.clear();
    leases.set(
      id,
      granted === 0
        ? { left: 0, remainingShared: 0, until, refused: true }
        : { left: granted, remainingShared: Math.max(0, points - verdict.consumed), until, refused: false },
    );
  }

  return {
    forget: () => leases.clear(),
    async consume(db, name, key) {
      const id = `${name}\u0000${key}`;
      for (;;) {
        const verdict = fromMemory(id, clock());
        if (verdict) return verdict;
        let request = pending.get(id);
        if (!request) {
          request = lease(db, name, key, id).finally(() => pending.delete(id));
          pending.set(id, request);
        }
        await request;
      }
    },
  };
}

const g = globalThis as unknown as { __cgLeases?: LeaseBook };

/** Spends one point of `key`'s allowance under `name` from this process's leases. */
export function consumeLeased(db: Db, name: LimitName, key: string): Promise<LeasedVerdict> {
  g.__cgLeases ??= createLeaseBook();
  return g.__cgLeases.consume(db, name, key);
}
