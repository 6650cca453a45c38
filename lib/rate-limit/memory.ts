// A limit counted in this process's memory: for requests answered from memory, where a round trip
// to the shared limiter (lib/rate-limit/limiter.ts) would cost more than the answer and would put
// a surge of readers on the database after all. It protects this process's time, so with several
// processes a key may get that many times the limit. Fixed windows; the keys held are bounded (all
// are forgotten when too many are held, which at worst lets a flood restart its window).
import { configuredLimit } from "./limiter";
import type { LimitName } from "./limits";

export type MemoryVerdict = { allowed: true } | { allowed: false; retryAfterSec: number };

export type MemoryLimiter = { consume(key: string): MemoryVerdict };

const MAX_KEYS = 100_000;

export function createMemoryLimiter(name: LimitName, clock: () => number = Date.now): MemoryLimiter {
  const windows = new Map<string, { count: number; until: number; blockedUntil: number }>();
  return {
    consume(key) {
      const { points, durationSec, blockSec } = configuredLimit(name);
      const now = clock();
      let w = windows.get(key);
      if (w && w.blockedUntil > now) return { allowed: false, retryAfterSec: Math.ceil((w.blockedUntil - now) / 1000) };
      if (!w || w.until <= now) {
        if (windows.size >= MAX_KEYS) windows.clear();
        w = { count: 0, until: now + durationSec * 1000, blockedUntil: 0 };
        windows.set(key, w);
      }
      w.count++;
      if (w.count <= points) return { allowed: true };
      w.blockedUntil = blockSec ? now + blockSec * 1000 : w.until;
      return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((w.blockedUntil - now) / 1000)) };
    },
  };
}
