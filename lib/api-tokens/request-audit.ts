// One audit event per API request, written by group commit: requests that finish within a couple
// of milliseconds of each other, or while a write is under way, are appended together in one
// transaction. Each request
// still waits until its own event is committed before it is answered, so none goes unrecorded;
// the chain's lock, the commit's disk flush and the round trip are paid once per batch instead of once per request.
import { rawRows, type Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { appendAuditEventsWith, type AuditInput } from "../audit/record";

type Waiting = { input: AuditInput; done: (error?: unknown) => void };

/** A batch never waits for more than this many events to gather; a busy server flushes back to back. */
const MAX_BATCH = 500;
/**
 * An idle writer waits this long for company before writing. On a busy server requests finish a
 * few milliseconds apart, so without it each would pay the lock, the commit and the round trip alone.
 */
const GATHER_MS = 2;

class RequestAuditWriter {
  private waiting: Waiting[] = [];
  private writing = false;
  private scheduled = false;

  constructor(private readonly db: Db) {}

  record(input: AuditInput): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing && !this.scheduled) {
        this.scheduled = true;
        setTimeout(() => {
          this.scheduled = false;
          void this.drain();
        }, GATHER_MS);
      }
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        try {
          // One statement, its own transaction: the append takes the chain's lock, inserts and commits.
          await appendAuditEventsWith(
            <T>(sql: Prisma.Sql) => rawRows<T>(this.db, sql),
            batch.map((w) => w.input),
          );
          for (const w of batch) w.done();
        } catch (error) {
          for (const w of batch) w.done(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

const writers = new WeakMap<Db, RequestAuditWriter>();

export function recordRequestAudit(db: Db, input: AuditInput): Promise<void> {
  let writer = writers.get(db);
  if (!writer) {
    writer = new RequestAuditWriter(db);
    writers.set(db, writer);
  }
  return writer.record(input);
}
