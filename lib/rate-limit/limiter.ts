// Rate limiting backed by PostgreSQL (rate-limiter-flexible's store), so a limit holds across
// every app process on one database. A key found over its limit is also remembered in memory
// until its window ends, so a flood is refused without a database round trip per request.
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type pg from "pg";
import { poolOf, type Db } from "../db/client";
import { rateLimitOverrides } from "../env";
import { limitOf, type Limit, type LimitName } from "./limits";

/** A limit as configured for this installation (lib/rate-limit/limits.ts, with RATE_LIMITS). */
export function configuredLimit(name: LimitName): Limit {
  return limitOf(name, rateLimitOverrides());
}

export type RateVerdict =
  | { allowed: true; remaining: number; consumed: number; msBeforeNext: number }
  | { allowed: false; retryAfterSec: number; consumed: number };

const TABLE = "RateLimit";

type Limiters = Map<LimitName, RateLimiterPostgres>;
const globalForLimits = globalThis as unknown as { __cgLimiters?: WeakMap<pg.Pool, Limiters> };
const byPool = (globalForLimits.__cgLimiters ??= new WeakMap<pg.Pool, Limiters>());

function limiterFor(db: Db, name: LimitName): RateLimiterPostgres {
  const pool = poolOf(db);
  if (!pool) throw new Error("Rate limits are checked outside transactions, on a pooled client");
  let limiters = byPool.get(pool);
  if (!limiters) byPool.set(pool, (limiters = new Map()));
  let limiter = limiters.get(name);
  if (!limiter) {
    const limit = configuredLimit(name);
    limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: TABLE,
      tableCreated: true, // by the migration
      clearExpiredByTimeout: false, // expired rows are swept by the jobs worker
      keyPrefix: name,
      points: limit.points,
      duration: limit.durationSec,
      blockDuration: limit.blockSec ?? 0,
      inMemoryBlockOnConsumed: limit.points + 1,
    });
    limiters.set(name, limiter);
  }
  return limiter;
}

function verdictOf(res: RateLimiterRes, allowed: boolean): RateVerdict {
  return allowed
    ? { allowed: true, remaining: res.remainingPoints, consumed: res.consumedPoints, msBeforeNext: res.msBeforeNext }
    : { allowed: false, retryAfterSec: Math.max(1, Math.ceil(res.msBeforeNext / 1000)), consumed: res.consumedPoints };
}

/** Spends `points` of `key`'s allowance under the named limit; atomic across processes. */
export async function consume(db: Db, name: LimitName, key: string, points = 1): Promise<RateVerdict> {
  try {
    return verdictOf(await limiterFor(db, name).consume(key, points), true);
  } catch (error) {
    if (isRefusal(error)) return verdictOf(error, false);
    throw error;
  }
}

// A refusal is a RateLimiterRes; checked by shape, since a bundler may load the library's class
// more than once (the production server's refusals then failed `instanceof` and became errors).
function isRefusal(error: unknown): error is RateLimiterRes {
  if (error instanceof RateLimiterRes) return true;
  return (
    typeof error === "object" &&
    error !== null &&
    "msBeforeNext" in error &&
    "consumedPoints" in error &&
    "remainingPoints" in error
  );
}

/** How much of `key`'s allowance is spent, without spending any. */
export async function peek(db: Db, name: LimitName, key: string): Promise<{ consumed: number; retryAfterSec: number }> {
  const res = await limiterFor(db, name).get(key);
  if (!res) return { consumed: 0, retryAfterSec: 0 };
  return { consumed: res.consumedPoints, retryAfterSec: Math.max(0, Math.ceil(res.msBeforeNext / 1000)) };
}

/** Gives back points spent by `consume`, for an attempt that turned out not to count. */
export async function refund(db: Db, name: LimitName, key: string, points = 1): Promise<void> {
  await limiterFor(db, name).reward(key, points);
}

/** Forgets `key`'s count (e.g. after a successful sign-in). */
export async function resetLimit(db: Db, name: LimitName, key: string): Promise<void> {
  await limiterFor(db, name).delete(key);
}

/** Deletes windows that ended more than an hour ago; run by the jobs worker. */
export async function sweepExpiredLimits(db: Db, now: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimit" WHERE "expire" < ${BigInt(now.getTime() - 3_600_000)}`;
}
