// The durable job queue's read side: claim due jobs under a lease with FOR UPDATE SKIP LOCKED,
// run their handlers, and finish, retry (exponential backoff with jitter) or fail them.
// Any number of workers in any number of processes may run this against one database.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { log } from "../log";
import type { JsonValue } from "./queue";

export type JobRow = {
  id: string;
  queue: string;
  payload: JsonValue;
  dedupeKey: string | null;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
};

export type JobContext = { db: Db; job: JobRow; now: Date; workerId: string; isFinalAttempt: boolean };
export type JobHandler = (ctx: JobContext) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

/** Thrown by a handler when retrying cannot help (e.g. SMTP 5xx): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

export const DEFAULT_LEASE_MS = 60_000;
const BACKOFF_BASE_MS = 15_000;
const BACKOFF_CAP_MS = 60 * 60_000;

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/** "Equal jitter": half the exponential delay fixed, half random, so retries spread out. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

type ClaimOptions = { workerId: string; now: Date; limit: number; leaseMs?: number; queues?: string[] };

/**
 * Takes up to `limit` due jobs: pending ones whose time has come, and running ones whose lease
 * expired (their worker died). Each claim counts as an attempt.
 */
export async function claimJobs(db: Db, o: ClaimOptions): Promise<JobRow[]> {
  const lockedUntil = new Date(o.now.getTime() + (o.leaseMs ?? DEFAULT_LEASE_MS));
  const queues = o.queues ?? null;
  // A job whose worker died on its final attempt is not retried forever: it fails here.
  await db.$executeRaw`
    UPDATE "Job" SET status = 'FAILED', "finishedAt" = ${o.now}, "lockedBy" = NULL, "lockedUntil" = NULL,
      "lastError" = 'The worker stopped during the final attempt (lease expired)'
    WHERE status = 'RUNNING' AND "lockedUntil" < ${o.now} AND attempts >= "maxAttempts"`;
  return db.$queryRaw<JobRow[]>`
    WITH due AS (
      SELECT id FROM "Job"
      WHERE ((status = 'PENDING' AND "runAt" <= ${o.now}) OR (status = 'RUNNING' AND "lockedUntil" < ${o.now}))
        AND (${queues}::text[] IS NULL OR queue = ANY(${queues}::text[]))
      ORDER BY "runAt", "createdAt"
      LIMIT ${o.limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Job" j
    SET status = 'RUNNING', "lockedBy" = ${o.workerId}, "lockedUntil" = ${lockedUntil}, attempts = j.attempts + 1
    FROM due WHERE j.id = due.id
    RETURNING j.id, j.queue, j.payload, j."dedupeKey", j.attempts, j."maxAttempts", j."runAt"`;
}

/** The lease is the fence: only the worker that holds it (for this attempt) may finish the job. */
function held(job: JobRow, workerId: string) {
  return { id: job.id, lockedBy: workerId, attempts: job.attempts, status: "RUNNING" as const };
}

export async function completeJob(db: Db, job: JobRow, workerId: string, now: Date): Promise<boolean> {
  const r = await db.job.updateMany({
    where: held(job, workerId),
    data: { status: "DONE", finishedAt: now, lockedBy: null, lockedUntil: null, lastError: null },
  });
  return r.count === 1;
}

export async function failJob(
  db: Db,
  job: JobRow,
  workerId: string,
  now: Date,
  error: unknown,
): Promise<"RETRY" | "FAILED" | "LOST"> {
  const message = error instanceof Error ? error.message : String(error);
  const final = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
  const r = await db.job.updateMany({
    where: held(job, workerId),
    data: final
      ? { status: "FAILED", finishedAt: now, lockedBy: null, lockedUntil: null, lastError: message.slice(0, 2000) }
      : {
          status: "PENDING",
          runAt: new Date(now.getTime() + backoffMs(job.attempts)),
          lockedBy: null,
          lockedUntil: null,
          lastError: message.slice(0, 2000),
        },
  });
  if (r.count === 0) return "LOST";
  return final ? "FAILED" : "RETRY";
}

/** Keeps a slow job's lease alive while its worker is alive. */
export async function extendLeases(
  db: Db,
  workerId: string,
  jobIds: string[],
  now: Date,
  leaseMs = DEFAULT_LEASE_MS,
): Promise<void> {
  if (jobIds.length === 0) return;
  await db.job.updateMany({
    where: { id: { in: jobIds }, lockedBy: workerId, status: "RUNNING" },
    data: { lockedUntil: new Date(now.getTime() + leaseMs) },
  });
}

export type JobOutcome = "DONE" | "RETRY" | "FAILED" | "LOST";

export async function runJob(
  db: Db,
  handlers: JobHandlers,
  job: JobRow,
  workerId: string,
  now: Date,
): Promise<JobOutcome> {
  const jobLog = log.child({ module: "jobs", jobId: job.id, queue: job.queue, attempt: job.attempts });
  const handler = handlers[job.queue];
  try {
    if (!handler) throw new PermanentJobError(`No handler for queue ${job.queue}`);
    await handler({ db, job, now, workerId, isFinalAttempt: job.attempts >= job.maxAttempts });
  } catch (error) {
    const outcome = await failJob(db, job, workerId, now, error);
    jobLog.warn({ err: error, outcome }, "job attempt failed");
    return outcome;
  }
  if (await completeJob(db, job, workerId, now)) return "DONE";
  jobLog.warn("job finished after its lease was lost; another worker may have run it");
  return "LOST";
}

export type RunSummary = Record<JobOutcome, number> & { claimed: number };

/**
 * Runs every job due at `now`, one at a time, until none is left (or `limit` ran). Tests call
 * this with a chosen `now` to drive timers; the polling worker calls it in a loop.
 */
export async function runDueJobs(o: {
  db: Db;
  now: Date;
  handlers: JobHandlers;
  workerId?: string;
  limit?: number;
  leaseMs?: number;
  queues?: string[];
}): Promise<RunSummary> {
  const workerId = o.workerId ?? newWorkerId();
  const summary: RunSummary = { claimed: 0, DONE: 0, RETRY: 0, FAILED: 0, LOST: 0 };
  const limit = o.limit ?? 1000;
  while (summary.claimed < limit) {
    const [job] = await claimJobs(o.db, { workerId, now: o.now, limit: 1, leaseMs: o.leaseMs, queues: o.queues });
    if (!job) break;
    summary.claimed++;
    summary[await runJob(o.db, o.handlers, job, workerId, o.now)]++;
  }
  return summary;
}

/** Finished jobs are kept a while (their dedupe keys still guard against repeats), then removed. Failed ones stay for inspection. */
export async function pruneFinishedJobs(db: Db, now: Date, keepDays = 30): Promise<number> {
  const r = await db.job.deleteMany({
    where: {
      status: { in: ["DONE", "CANCELLED"] },
      finishedAt: { lt: new Date(now.getTime() - keepDays * 86_400_000) },
    },
  });
  return r.count;
}
