// The long-running worker: claims due jobs up to its concurrency, keeps their leases alive,
// wakes on NOTIFY for prompt pick-up and polls as a fallback. Safe to run in every app instance.
import type { Db } from "../db/client";
import { currentTime } from "../clock";
import { log } from "../log";
import type { PgListener } from "../realtime/pg-listener";
import { sweepExpiredLimits } from "../rate-limit/limiter";
import { JOBS_CHANNEL } from "./queue";
import {
  claimJobs,
  DEFAULT_LEASE_MS,
  extendLeases,
  newWorkerId,
  pruneFinishedJobs,
  runJob,
  type JobHandlers,
  type JobRow,
} from "./runner";

const PRUNE_EVERY_MS = 60 * 60_000;
/** Rate-limit windows that ended are deleted this often, so the table holds only live keys. */
const SWEEP_LIMITS_EVERY_MS = 10 * 60_000;

export type WorkerOptions = {
  db: Db;
  handlers: JobHandlers;
  /** For prompt wake-up on new jobs; without it the worker only polls. */
  listener?: PgListener;
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  clock?: () => Promise<Date>;
  workerId?: string;
  /** Work to start now and then (e.g. queue the day's audit anchor), at most every `everyMs`, at the worker's clock. */
  periodic?: { name: string; everyMs: number; run: (db: Db, now: Date) => Promise<void> }[];
};

export type Worker = { id: string; stop(timeoutMs?: number): Promise<void> };

export function startWorker(o: WorkerOptions): Worker {
  const workerId = o.workerId ?? newWorkerId();
  const concurrency = o.concurrency ?? 2;
  const pollMs = o.pollMs ?? 2_000;
  const leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
  const clock = o.clock ?? (() => currentTime(o.db));
  const workerLog = log.child({ module: "worker", workerId });
  const inFlight = new Map<string, Promise<void>>();
  let stopping = false;
  let ticking = false;
  let again = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let lastPrune = 0;
  let lastSweep = 0;
  const lastPeriodic = new Map<string, number>();

  async function tick(): Promise<void> {
    if (stopping) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      do {
        again = false;
        const free = concurrency - inFlight.size;
        if (free <= 0) break;
        const now = await clock();
        if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
          lastPrune = Date.now();
          await pruneFinishedJobs(o.db, now);
        }
        if (Date.now() - lastSweep > SWEEP_LIMITS_EVERY_MS) {
          lastSweep = Date.now();
          const swept = await sweepExpiredLimits(o.db, new Date());
          if (swept > 0) workerLog.debug({ swept }, "expired rate-limit windows swept");
        }
        for (const p of o.periodic ?? []) {
          if (Date.now() - (lastPeriodic.get(p.name) ?? 0) <= p.everyMs) continue;
          lastPeriodic.set(p.name, Date.now());
          await p
            .run(o.db, now)
            .catch((err) =>
              workerLog.error({ err, periodic: p.name }, "periodic work failed; it is tried again later"),
            );
        }
        const jobs = await claimJobs(o.db, { workerId, now, limit: free, leaseMs });
        for (const job of jobs) start(job, now);
        if (jobs.length === free) again = true;
      } while (again && !stopping);
    } catch (err) {
      workerLog.error({ err }, "claiming jobs failed");
    } finally {
      ticking = false;
    }
  }

  function start(job: JobRow, now: Date) {
    const run = runJob(o.db, o.handlers, job, workerId, now)
      .catch((err) =>
        workerLog.error(
          { err, jobId: job.id },
          "recording a job's outcome failed; its lease will expire and it will run again",
        ),
      )
      .then(() => {
        inFlight.delete(job.id);
        void tick();
      });
    inFlight.set(job.id, run);
  }

  function schedulePoll() {
    pollTimer = setTimeout(() => {
      void tick().finally(() => {
        if (!stopping) schedulePoll();
      });
    }, pollMs);
    pollTimer.unref();
  }

  const heartbeat = setInterval(
    () => {
      if (inFlight.size === 0) return;
      void clock()
        .then((now) => extendLeases(o.db, workerId, [...inFlight.keys()], now, leaseMs))
        .catch((err) => workerLog.warn({ err }, "extending leases failed"));
    },
    Math.max(250, Math.floor(leaseMs / 3)),
  );
  heartbeat.unref();

  const unlisten = o.listener?.listen(JOBS_CHANNEL, () => void tick());
  const unreconnect = o.listener?.onReconnect(() => void tick());
  void tick();
  schedulePoll();
  workerLog.info({ concurrency, pollMs, leaseMs }, "job worker started");

  return {
    id: workerId,
    async stop(timeoutMs = 30_000) {
      stopping = true;
      if (pollTimer) clearTimeout(pollTimer);
      unlisten?.();
      unreconnect?.();
      // Let running jobs finish; whatever does not is retried by another worker after its lease.
      await Promise.race([Promise.all(inFlight.values()), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
      clearInterval(heartbeat);
      workerLog.info("job worker stopped");
    },
  };
}
