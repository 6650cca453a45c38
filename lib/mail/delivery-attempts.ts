// The per-channel delivery record of anything the product sends (a notice, a reply, an
// escalation): one row per attempt, keyed by what it was about.
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../db/client";
import type { DeliveryChannel, DeliveryOutcome } from "../db/generated/enums";

export type DeliveryAttemptInput = {
  subjectType: string;
  subjectId: string;
  agencyId?: string | null;
  channel: DeliveryChannel;
  target: string;
  attempt: number;
  at: Date;
  outcome: DeliveryOutcome;
  error?: string | null;
  mailMessageId?: string | null;
};

export async function recordDeliveryAttempt(tx: Tx, input: DeliveryAttemptInput): Promise<void> {
  await tx.deliveryAttempt.create({ data: { id: randomUUID(), ...input, error: input.error?.slice(0, 2000) ?? null } });
}

/** The same record as one statement for a node-postgres client (email delivery's held transaction). */
export function deliveryAttemptInsert(input: DeliveryAttemptInput): { text: string; values: unknown[] } {
  return {
    text: `INSERT INTO "DeliveryAttempt" (id, "subjectType", "subjectId", "agencyId", channel, target, attempt, at, outcome, error, "mailMessageId")
           VALUES ($1::uuid, $2, $3, $4::uuid, $5::"DeliveryChannel", $6, $7, $8, $9::"DeliveryOutcome", $10, $11::uuid)`,
    values: [
      randomUUID(),
      input.subjectType,
      input.subjectId,
      input.agencyId ?? null,
      input.channel,
      input.target,
      input.attempt,
      input.at,
      input.outcome,
      input.error?.slice(0, 2000) ?? null,
      input.mailMessageId ?? null,
    ],
  };
}

/** Attempts for one subject, optionally only those addressed to the given agencies. The caller checks the actor may see the subject. */
export async function listDeliveryAttempts(
  db: Db,
  where: { subjectType: string; subjectId: string; agencyIds?: string[] },
) {
  return db.deliveryAttempt.findMany({
    where: {
      subjectType: where.subjectType,
      subjectId: where.subjectId,
      ...(where.agencyIds ? { agencyId: { in: where.agencyIds } } : {}),
    },
    orderBy: { at: "asc" },
  });
}
