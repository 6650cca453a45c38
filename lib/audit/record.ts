// Appends to the tamper-evident audit trail. Call inside the transaction that makes the change,
// so the change and its record commit or fail together.
import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { eventHash, GENESIS_HASH } from "./hash";

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

export async function recordAudit(tx: Tx, input: AuditInput): Promise<{ seq: bigint; hash: string }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  // The sequence number is part of the hash, so take it before inserting.
  const [{ seq }] = await tx.$queryRaw<{ seq: bigint }[]>`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'seq')) AS seq`;
  const fields = {
    seq,
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
    prevHash,
  };
  const hash = eventHash(fields);
  await tx.auditEvent.create({
    data: { ...fields, details: (fields.details ?? undefined) as Prisma.InputJsonValue | undefined, hash },
  });
  return { seq, hash };
}
