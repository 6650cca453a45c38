// The durable job queue's write side. Enqueue inside the caller's transaction, so the change
// and the work it implies (an email, an escalation timer) commit together or not at all.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client";

/** LISTEN/NOTIFY channel that wakes idle workers when a job becomes due now. */
export const JOBS_CHANNEL = "cg_jobs";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type EnqueueInput = {
  queue: string;
  payload: JsonValue;
  now: Date;
  /** Defaults to now. */
  runAt?: Date;
  /** A second enqueue with the same key is ignored, even after the first job finished. */
  dedupeKey?: string;
  maxAttempts?: number;
};

/** Returns the job id, or null when a job with the same dedupeKey already exists. */
export async function enqueue(tx: Tx, input: EnqueueInput): Promise<string | null> {
  const id = randomUUID();
  const runAt = input.runAt ?? input.now;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Job" (id, queue, payload, "dedupeKey", status, "runAt", attempts, "maxAttempts", "createdAt")
    VALUES (${id}::uuid, ${input.queue}, ${JSON.stringify(input.payload)}::jsonb, ${input.dedupeKey ?? null},
            'PENDING', ${runAt}, 0, ${input.maxAttempts ?? 10}, ${input.now})
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING id`;
  if (rows.length === 0) return null;
  // Delivered on commit only; an idle worker claims it at once instead of at its next poll.
  if (runAt <= input.now) await tx.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, ${input.queue})`;
  return id;
}

/** Cancels jobs that have not started, e.g. escalation timers once a notice is acknowledged. */
export async function cancelPendingJobs(tx: Tx, where: { dedupeKeyPrefix: string; now: Date }): Promise<number> {
  return tx.$executeRaw`
    UPDATE "Job" SET status = 'CANCELLED', "finishedAt" = ${where.now}
    WHERE status = 'PENDING' AND starts_with("dedupeKey", ${where.dedupeKeyPrefix})`;
}
