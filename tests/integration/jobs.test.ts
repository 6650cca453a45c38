// The durable queue against real PostgreSQL: transactional enqueue, dedupe keys, due times,
// SKIP LOCKED claims across workers, lease expiry and fencing, backoff and dead jobs, and
// prompt pick-up through LISTEN/NOTIFY.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { cancelPendingJobs, enqueue } from "@/lib/jobs/queue";
import {
  backoffMs,
  claimJobs,
  completeJob,
  PermanentJobError,
  pruneFinishedJobs,
  runDueJobs,
  type JobHandlers,
} from "@/lib/jobs/runner";
import { startWorker } from "@/lib/jobs/worker";
import { createPgListener } from "@/lib/realtime/pg-listener";
import { useFreshDb } from "./helpers/db";

describe("the job queue", () => {
  const t = useFreshDb();
  const T0 = new Date("2026-11-23T14:00:00Z");
  const at = (ms: number) => new Date(T0.getTime() + ms);
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  describe("enqueue", () => {
    it("commits with the caller's transaction and vanishes with its rollback", async () => {
      const { db } = t();
      await db
        .$transaction(async (tx) => {
          await enqueue(tx, { queue: "test.rollback", payload: { n: 1 }, now: T0 });
          throw new Error("the change failed");
        })
        .catch(() => {});
      expect(await db.job.count({ where: { queue: "test.rollback" } })).toBe(0);
      await db.$transaction((tx) => enqueue(tx, { queue: "test.rollback", payload: { n: 2 }, now: T0 }));
      expect(await db.job.count({ where: { queue: "test.rollback" } })).toBe(1);
    });

    it("ignores a second job with the same dedupe key", async () => {
      const { db } = t();
      const first = await enqueue(db, { queue: "test.dedupe", payload: {}, now: T0, dedupeKey: "once" });
      const second = await enqueue(db, { queue: "test.dedupe", payload: {}, now: T0, dedupeKey: "once" });
      expect(first).toEqual(expect.any(String));
      expect(second).toBeNull();
      expect(await db.job.count({ where: { dedupeKey: "once" } })).toBe(1);
    });
  });

  describe("running jobs", () => {
    it("runs a job only once its time has come", async () => {
      const { db } = t();
      const seen: string[] = [];
      const handlers: JobHandlers = { "test.timer": async ({ job }) => void seen.push(job.id) };
      const id = await enqueue(db, { queue: "test.timer", payload: {}, now: T0, runAt: at(30 * 60_000) });
      expect((await runDueJobs({ db, now: at(29 * 60_000), handlers, queues: ["test.timer"] })).claimed).toBe(0);
      expect((await runDueJobs({ db, now: at(30 * 60_000), handlers, queues: ["test.timer"] })).DONE).toBe(1);
      expect(seen).toEqual([id]);
      expect((await db.job.findUniqueOrThrow({ where: { id: id! } })).status).toBe("DONE");
    });

    it("hands each job to exactly one of several concurrent workers", async () => {
      const { db, url } = t();
      const other = createDb(url, 4);
      cleanups.push(() => other.$disconnect());
      for (let i = 0; i < 20; i++) await enqueue(db, { queue: "test.race", payload: { i }, now: T0 });
      const [a, b, c] = await Promise.all([
        claimJobs(db, { workerId: "a", now: T0, limit: 8, queues: ["test.race"] }),
        claimJobs(other, { workerId: "b", now: T0, limit: 8, queues: ["test.race"] }),
        claimJobs(other, { workerId: "c", now: T0, limit: 8, queues: ["test.race"] }),
      ]);
      const ids = [...a, ...b, ...c].map((j) => j.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    });

    it("gives a dead worker's job to another once the lease expires, and fences the dead one out", async () => {
      const { db } = t();
      await enqueue(db, { queue: "test.lease", payload: {}, now: T0 });
      const [job] = await claimJobs(db, {
        workerId: "dead",
        now: T0,
        limit: 1,
        leaseMs: 60_000,
        queues: ["test.lease"],
      });
      expect(await claimJobs(db, { workerId: "alive", now: at(59_000), limit: 1, queues: ["test.lease"] })).toEqual([]);
      const [again] = await claimJobs(db, { workerId: "alive", now: at(61_000), limit: 1, queues: ["test.lease"] });
      expect(again.id).toBe(job.id);
      expect(again.attempts).toBe(2);
      expect(await completeJob(db, job, "dead", at(62_000))).toBe(false);
      expect(await completeJob(db, again, "alive", at(62_000))).toBe(true);
    });

    it("backs off exponentially with jitter, then gives up after maxAttempts", async () => {
      const { db } = t();
      const handlers: JobHandlers = { "test.flaky": async () => Promise.reject(new Error("still down")) };
      const id = (await enqueue(db, { queue: "test.flaky", payload: {}, now: T0, maxAttempts: 4 }))!;
      let now = T0;
      const delays: number[] = [];
      for (let i = 0; i < 3; i++) {
        expect((await runDueJobs({ db, now, handlers, queues: ["test.flaky"] })).RETRY).toBe(1);
        const job = await db.job.findUniqueOrThrow({ where: { id } });
        delays.push(job.runAt.getTime() - now.getTime());
        now = job.runAt;
      }
      expect(delays[1]).toBeGreaterThan(delays[0] * 0.9);
      expect(delays[2]).toBeGreaterThan(delays[1] * 0.9);
      expect((await runDueJobs({ db, now, handlers, queues: ["test.flaky"] })).FAILED).toBe(1);
      const dead = await db.job.findUniqueOrThrow({ where: { id } });
      expect([dead.status, dead.attempts, dead.lastError]).toEqual(["FAILED", 4, "still down"]);
    });

    it("keeps backoff within its bounds", () => {
      expect(backoffMs(1, () => 0)).toBe(7_500);
      expect(backoffMs(1, () => 1)).toBe(15_000);
      expect(backoffMs(3, () => 0.5)).toBe(45_000);
      expect(backoffMs(50, () => 1)).toBe(3_600_000);
    });

    it("prunes finished jobs after 30 days and keeps failed ones", async () => {
      const { db } = t();
      const handlers: JobHandlers = {
        "test.prune": async () => {},
        "test.prune-fail": async () => Promise.reject(new PermanentJobError("no")),
      };
      await enqueue(db, { queue: "test.prune", payload: {}, now: T0 });
      await enqueue(db, { queue: "test.prune-fail", payload: {}, now: T0 });
      await runDueJobs({ db, now: T0, handlers, queues: ["test.prune", "test.prune-fail"] });
      expect(await pruneFinishedJobs(db, at(29 * 86_400_000))).toBe(0);
      expect(await pruneFinishedJobs(db, at(31 * 86_400_000))).toBeGreaterThanOrEqual(1);
      expect(await db.job.count({ where: { queue: "test.prune" } })).toBe(0);
      expect(await db.job.count({ where: { queue: "test.prune-fail", status: "FAILED" } })).toBe(1);
    });

    it("cancels pending jobs by key prefix", async () => {
      const { db } = t();
      await enqueue(db, { queue: "test.cancel", payload: {}, now: T0, runAt: at(60_000), dedupeKey: "esc:X:1:a:1" });
      await enqueue(db, { queue: "test.cancel", payload: {}, now: T0, runAt: at(60_000), dedupeKey: "esc:X:1:b:1" });
      expect(await cancelPendingJobs(db, { dedupeKeyPrefix: "esc:X:1:a:", now: T0 })).toBe(1);
      const handlers: JobHandlers = { "test.cancel": async () => {} };
      expect((await runDueJobs({ db, now: at(120_000), handlers, queues: ["test.cancel"] })).DONE).toBe(1);
    });
  });

  describe("the polling worker", () => {
    it("wakes on NOTIFY and runs a new job well before its next poll", async () => {
      const { db, url } = t();
      const listener = createPgListener(url);
      cleanups.push(() => listener.close());
      await listener.ready();
      const ran: number[] = [];
      const worker = startWorker({
        db,
        handlers: { "test.wake": async () => void ran.push(Date.now()) },
        listener,
        pollMs: 60_000,
        clock: async () => new Date(),
      });
      cleanups.push(() => worker.stop(1_000));
      await sleep(200); // the worker's first claim finds nothing
      const enqueuedAt = Date.now();
      await db.$transaction((tx) => enqueue(tx, { queue: "test.wake", payload: {}, now: new Date() }));
      while (ran.length === 0 && Date.now() - enqueuedAt < 5_000) await sleep(10);
      // The next poll is a minute away: only the notification can have woken it this soon.
      expect(ran).toHaveLength(1);
    });

    it("sweeps rate-limit windows that ended long ago, and leaves live ones", async () => {
      const { db } = t();
      const hourAgo = BigInt(Date.now() - 2 * 3_600_000);
      const live = BigInt(Date.now() + 60_000);
      await db.$executeRaw`INSERT INTO "RateLimit" ("key", "points", "expire") VALUES ('test:ended', 5, ${hourAgo}), ('test:live', 5, ${live})`;
      const worker = startWorker({ db, handlers: {}, pollMs: 60_000, clock: async () => new Date() });
      cleanups.push(() => worker.stop(1_000));
      const started = Date.now();
      const keys = async () =>
        (await db.rateLimit.findMany({ where: { key: { startsWith: "test:" } }, select: { key: true } })).map(
          (r) => r.key,
        );
      while ((await keys()).includes("test:ended") && Date.now() - started < 5_000) await sleep(20);
      expect(await keys()).toEqual(["test:live"]);
    });
  });
});
