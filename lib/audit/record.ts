// Appends to the tamper-evident audit trail. Call inside the transaction that makes the change,
// so the change and its record commit or fail together.
//
// Every event links to exactly one predecessor, so linking takes one global lock. Inside a
// transaction, events are written to "AuditPending" and linked into the chain by a deferred
// trigger as PostgreSQL commits the transaction (migration audit_sealed_at_commit): the lock is
// held from the commit's start to its end, never while this process works between statements.
// In a transaction opened with auditedTransaction(), the events are written together, in one
// statement, as its last step.
import { runInTx, type Db, type RunSql, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { hashedBodyParts } from "./hash";

/** Serializes appends so every event links to exactly one predecessor (also in cg_audit_seal_pending). */
const AUDIT_LOCK_KEY = 7_274_001;

export type AuditOutcome = "SUCCESS" | "FAILURE" | "DENIED";

export type AuditContext = {
  actorUserId?: string | null;
  actorLabel?: string | null;
  agencyId?: string | null;
  requestId?: string | null;
  sourceIp?: string | null;
};

export type AuditInput = AuditContext & {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: AuditOutcome;
  details?: Record<string, unknown> | null;
  at: Date;
};

/** Events waiting for the end of their auditedTransaction, by transaction client. */
const deferred = new WeakMap<object, AuditInput[]>();

/** Records the event, linked into the chain when `tx` commits; inside auditedTransaction(), written with the others at its end. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const queue = deferred.get(tx);
  if (queue) {
    queue.push(input);
    return;
  }
  await writePendingAuditEvents(runInTx(tx), [input]);
}

/**
 * `db.$transaction(fn)`, with every audit event recorded inside appended in one step after `fn`
 * finishes and just before the commit.
 */
export async function auditedTransaction<T>(
  db: Db,
  fn: (tx: Tx) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  return db.$transaction(async (tx) => {
    const queue: AuditInput[] = [];
    deferred.set(tx, queue);
    try {
      const result = await fn(tx);
      deferred.delete(tx);
      if (queue.length > 0) await writePendingAuditEvents(runInTx(tx), queue);
      return result;
    } finally {
      deferred.delete(tx);
    }
  }, options);
}

/** The event's columns and its hashed text around the two values only known when it is linked. */
function auditRows(inputs: AuditInput[]) {
  return inputs.map((input) => {
    const fields = {
      at: input.at,
      actorUserId: input.actorUserId ?? null,
      actorLabel: input.actorLabel ?? null,
      agencyId: input.agencyId ?? null,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      outcome: input.outcome ?? "SUCCESS",
      requestId: input.requestId ?? null,
      sourceIp: input.sourceIp ?? null,
      details: input.details ?? null,
    };
    return { ...fields, body: hashedBodyParts(fields) };
  });
}

type AuditRow = ReturnType<typeof auditRows>[number];

/** A column of values per parameter, so a statement's text (and plan) is the same for one event or five hundred. */
function auditColumns(rows: AuditRow[]) {
  const col = (value: (r: AuditRow) => string | null) => rows.map(value);
  return Prisma.sql`${col((r) => r.body.head)}::text[], ${col((r) => r.body.mid)}::text[], ${col((r) => r.body.tail)}::text[],
      ${col((r) => r.at.toISOString())}::timestamptz[], ${col((r) => r.actorUserId)}::uuid[], ${col((r) => r.actorLabel)}::text[],
      ${col((r) => r.agencyId)}::uuid[], ${col((r) => r.action)}::text[], ${col((r) => r.targetType)}::text[], ${col((r) => r.targetId)}::text[],
      ${col((r) => r.outcome)}::"AuditOutcome"[], ${col((r) => r.requestId)}::text[], ${col((r) => r.sourceIp)}::text[],
      ${col((r) => (r.details === null ? null : JSON.stringify(r.details)))}::jsonb[]`;
}

/**
 * Writes the events, in order, to "AuditPending" in the transaction `run` belongs to; PostgreSQL
 * links them into the chain as that transaction commits (cg_audit_seal_pending).
 */
export async function writePendingAuditEvents(run: RunSql, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  // ORDINALITY keeps the given order in the pending ids, which is the order the trigger links them in.
  await run(Prisma.sql`
    INSERT INTO "AuditPending" ("bodyHead", "bodyMid", "bodyTail", "at", "actorUserId", "actorLabel", "agencyId", "action",
      "targetType", "targetId", "outcome", "requestId", "sourceIp", "details")
    SELECT h, m, t, at, au, al, ag, ac, tt, ti, oc, rq, ip, dt
    FROM unnest(${auditColumns(auditRows(inputs))}) WITH ORDINALITY AS e(h, m, t, at, au, al, ag, ac, tt, ti, oc, rq, ip, dt, n)
    ORDER BY n`);
}

/**
 * Links the events into the chain at once, in one statement that is its own transaction (the
 * request audit's group commit): the database function takes the chain's lock, reads its head,
 * and hashes and inserts each event (`cg_audit_append`); the application renders the hashed text
 * around the two values only known there (hashedBodyParts), so the hash is the one `eventHash`
 * computes. Inside a longer transaction, use writePendingAuditEvents: this holds the lock until
 * that transaction ends.
 */
export async function appendAuditEventsWith(
  run: RunSql,
  inputs: AuditInput[],
): Promise<{ seq: bigint; hash: string }[]> {
  if (inputs.length === 0) return [];
  const appended = await run<{ seq: string; hash: string }>(Prisma.sql`
    SELECT "seq"::text AS "seq", "hash" FROM "cg_audit_append"(${AUDIT_LOCK_KEY}::bigint, ${auditColumns(auditRows(inputs))})`);
  return appended.map((r) => ({ seq: BigInt(r.seq), hash: r.hash }));
}
