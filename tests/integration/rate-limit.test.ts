// The shared rate limiter against a real database: concurrent requests from two pools (as two app
// processes would send them) spend one allowance, exactly `points` are allowed, the rest are told
// when to try again, and a reset key starts afresh.
import { describe, expect, it } from "vitest";
import { createDb, poolOf } from "@/lib/db/client";
import { consume, peek, resetLimit, sweepExpiredLimits } from "@/lib/rate-limit/limiter";
import { createLeaseBook, sliceOf } from "@/lib/rate-limit/leased";
import { LIMITS } from "@/lib/rate-limit/limits";
import { useFreshDb } from "./helpers/db";

describe("rate limiter", () => {
  const t = useFreshDb();

  it("allows exactly the limit across processes under concurrency", async () => {
    const second = createDb(t().url, 4);
    const { points } = LIMITS.dryRunUser;
    const verdicts = await Promise.all(
      Array.from({ length: points + 15 }, (_, i) => consume(i % 2 ? second : t().db, "dryRunUser", "user:a")),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(points);
    const refused = verdicts.filter((v) => !v.allowed);
    expect(refused).toHaveLength(15);
    for (const v of refused) if (!v.allowed) expect(v.retryAfterSec).toBeGreaterThan(0);
    // Another key has its own allowance.
    expect((await consume(t().db, "dryRunUser", "user:b")).allowed).toBe(true);
    expect((await peek(t().db, "dryRunUser", "user:a")).consumed).toBeGreaterThanOrEqual(points);
    await poolOf(second)?.end(); // Prisma never connected this client, so ending it is ours to do
  });

  it("starts afresh after a reset, and sweeps nothing that is still live", async () => {
    for (let i = 0; i < 3; i++) await consume(t().db, "signInAccount", "acct:x");
    expect((await peek(t().db, "signInAccount", "acct:x")).consumed).toBe(3);
    await resetLimit(t().db, "signInAccount", "acct:x");
    expect((await peek(t().db, "signInAccount", "acct:x")).consumed).toBe(0);
    await consume(t().db, "signInAccount", "acct:y");
    await sweepExpiredLimits(t().db, new Date());
    expect((await peek(t().db, "signInAccount", "acct:y")).consumed).toBe(1);
    expect(
      await sweepExpiredLimits(t().db, new Date(Date.now() + 2 * 3_600_000 + LIMITS.signInAccount.durationSec * 1000)),
    ).toBeGreaterThan(0);
  });

  it("spent from per-process leases (as the per-token API limit is), never allows more than the limit across processes and wastes at most a slice per other process", async () => {
    const second = createDb(t().url, 4);
    // Two app processes, each with its own leases, on their own pools.
    const books = [createLeaseBook(), createLeaseBook()];
    const dbs = [t().db, second];
    const { points } = LIMITS.apiToken;
    const attempts = points + 400;
    // All at once: each process leases one slice at a time however many requests are waiting.
    const verdicts = await Promise.all(
      Array.from({ length: attempts }, (_, i) => books[i % 2].consume(dbs[i % 2], "apiToken", "token:shared")),
    ).finally(() => poolOf(second)?.end());
    const allowed = verdicts.filter((v) => v.allowed).length;
    expect(allowed).toBeLessThanOrEqual(points);
    expect(allowed).toBeGreaterThanOrEqual(points - sliceOf("apiToken"));
    // Nearly every request was answered from memory: one round trip per slice, not per request.
    expect((await peek(t().db, "apiToken", "token:shared")).consumed).toBeLessThanOrEqual(
      points + 2 * sliceOf("apiToken") + 400,
    );
    const refused = verdicts.find((v) => !v.allowed);
    expect(refused && !refused.allowed && refused.retryAfterSec).toBeGreaterThan(0);
  });
});
