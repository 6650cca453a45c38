// Appends to the tamper-evident audit trail. Call inside the transaction that makes the change,
// so the change and its record commit or fail together.
//
// Appending takes one global lock (every event links to exactly one predecessor), held until the
// transaction commits. In a transaction opened with auditedTransaction(), events are queued and
// appended together as its last step, so that lock covers only the append and the commit — not
// the rest of the transaction's work, which may be long (checks, notices, mail).
import { runInTx, type Db, type RunSql, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { hashedBodyParts } from "./hash";

/** Serializes appends so every event links to exactly one predecessor. */
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

/** Appends now, or — inside auditedTransaction() — when the transaction's work is done (then it returns null). */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<{ seq: bigint; hash: string } | null> {
  const queue = deferred.get(tx);
  if (queue) {
    queue.push(input);
    return null;
  }
  const [last] = await appendAuditEvents(tx, [input]);
  return last;
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
      if (queue.length > 0) await appendAuditEvents(tx, queue);
      return result;
    } finally {
      deferred.delete(tx);
    }
  }, options);
}

/** Links the events, in order, to the chain's last event; holds the chain's lock until the transaction ends. */
export async function appendAuditEvents(tx: Tx, inputs: AuditInput[]): Promise<{ seq: bigint; hash: string }[]> {
  return appendAuditEventsWith(runInTx(tx), inputs);
}

/**
 * appendAuditEvents for any transaction `run` belongs to. One round trip, whatever the number of
 * events: the database function takes the chain's lock, reads its head, and hashes and inserts
 * each event (`cg_audit_append`); the application renders the hashed text around the two values
 * only known there (hashedBodyParts), so the hash is the one `eventHash` computes.
 */
export async function appendAuditEventsWith(
  run: RunSql,
  inputs: AuditInput[],
): Promise<{ seq: bigint; hash: string }[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => {
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
  // A column of values per parameter, so the statement's text (and plan) is the same for one event
  // or five hundred. Every value travels as text.
  const col = (value: (r: (typeof rows)[number]) => string | null) => rows.map(value);
  const appended = await run<{ seq: string; hash: string }>(Prisma.sql`
    SELECT "seq"::text AS "seq", "hash" FROM "cg_audit_append"(${AUDIT_LOCK_KEY}::bigint,
      ${col((r) => r.body.head)}::text[], ${col((r) => r.body.mid)}::text[], ${col((r) => r.body.tail)}::text[],
      ${col((r) => r.at.toISOString())}::timestamptz[], ${col((r) => r.actorUserId)}::uuid[], ${col((r) => r.actorLabel)}::text[],
      ${col((r) => r.agencyId)}::uuid[], ${col((r) => r.action)}::text[], ${col((r) => r.targetType)}::text[], ${col((r) => r.targetId)}::text[],
      ${col((r) => r.outcome)}::"AuditOutcome"[], ${col((r) => r.requestId)}::text[], ${col((r) => r.sourceIp)}::text[],
      ${col((r) => (r.details === null ? null : JSON.stringify(r.details)))}::jsonb[])`);
  return appended.map((r) => ({ seq: BigInt(r.seq), hash: r.hash }));
}
