// Delivers one queued email, as the handler of its durable job.
//
// The guarantee, exactly: a message is marked SENDING (committed) before the SMTP transaction
// and SENT (committed, with the server's reply) as soon as the server accepts it. A job that runs
// again — a retry, or a restart after a crash — does nothing for a SENT message. A message left
// SENDING was interrupted: it is sent again with the same Message-ID, and the interruption is
// recorded. So delivery is at least once; a duplicate is possible only if the process dies in the
// few milliseconds between the server's "250 OK" and the SENT commit, and that duplicate carries
// the same Message-ID, which receiving systems use to drop it.
import type { Db } from "../db/client";
import type { MailMessage } from "../db/generated/client";
import { PermanentJobError, type JobContext, type JobHandler } from "../jobs/runner";
import { log } from "../log";
import { publishLiveEvent } from "../realtime/publish";
import { recordDeliveryAttempt } from "./delivery-attempts";
import { isPermanentSmtpError, type MailTransport } from "./transport";

const RETRYABLE = ["QUEUED", "SENDING", "RETRYING"] as const;

function subjectOf(m: MailMessage) {
  return {
    subjectType: m.subjectType ?? "MAIL",
    subjectId: m.subjectId ?? m.id,
    agencyId: m.agencyId,
    target: m.toAddress,
    mailMessageId: m.id,
  };
}

/** Marks the message SENDING; null when there is nothing (left) to do. */
async function begin(db: Db, id: string, now: Date): Promise<MailMessage | null> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<MailMessage[]>`SELECT * FROM "MailMessage" WHERE id = ${id}::uuid FOR UPDATE`;
    if (!row || !(RETRYABLE as readonly string[]).includes(row.status)) return null;
    if (row.status === "SENDING") {
      // A previous attempt died mid-send: the server may or may not have the message.
      await recordDeliveryAttempt(tx, {
        ...subjectOf(row),
        channel: "EMAIL",
        attempt: row.attempts,
        at: row.lastAttemptAt ?? now,
        outcome: "INTERRUPTED",
        error: "The sending process stopped before the outcome was recorded",
      });
    }
    return tx.mailMessage.update({
      where: { id },
      data: { status: "SENDING", attempts: { increment: 1 }, lastAttemptAt: now },
    });
  });
}

export async function deliverMail(o: {
  db: Db;
  mailMessageId: string;
  now: Date;
  transport: MailTransport | null;
  isFinalAttempt?: boolean;
}): Promise<void> {
  const { db, now } = o;
  const msg = await begin(db, o.mailMessageId, now);
  if (!msg) return;
  const attempt = { ...subjectOf(msg), channel: "EMAIL" as const, attempt: msg.attempts, at: now };

  if (!o.transport) {
    await db.$transaction(async (tx) => {
      await tx.mailMessage.update({ where: { id: msg.id }, data: { status: "STORED" } });
      await recordDeliveryAttempt(tx, { ...attempt, outcome: "STORED" });
      if (msg.agencyId) await publishLiveEvent(tx, { type: "mail", agencyIds: [msg.agencyId], id: msg.id });
    });
    return;
  }

  let response: string;
  try {
    ({ response } = await o.transport.send({
      from: msg.fromAddress,
      to: { address: msg.toAddress, name: msg.toName },
      subject: msg.subject,
      text: msg.text,
      messageId: msg.messageId,
      date: msg.createdAt,
    }));
  } catch (error) {
    const permanent = isPermanentSmtpError(error);
    const final = permanent || !!o.isFinalAttempt;
    const message = error instanceof Error ? error.message : String(error);
    await db.$transaction(async (tx) => {
      await tx.mailMessage.update({
        where: { id: msg.id },
        data: { status: final ? "FAILED" : "RETRYING", lastError: message.slice(0, 2000) },
      });
      await recordDeliveryAttempt(tx, { ...attempt, outcome: "FAILED", error: message });
    });
    if (permanent) throw new PermanentJobError(message);
    throw error;
  }

  // Recorded straight away: this commit is what keeps the duplicate window small.
  await db.$transaction(async (tx) => {
    await tx.mailMessage.update({
      where: { id: msg.id },
      data: { status: "SENT", sentAt: now, smtpResponse: response.slice(0, 500), lastError: null },
    });
    await recordDeliveryAttempt(tx, { ...attempt, outcome: "SENT" });
    if (msg.agencyId) await publishLiveEvent(tx, { type: "mail", agencyIds: [msg.agencyId], id: msg.id });
  });
  log.info({ module: "mail", mailMessageId: msg.id, attempt: msg.attempts }, "email accepted by the SMTP server");
}

export function mailJobHandler(transport: MailTransport | null): JobHandler {
  return async ({ db, job, now, isFinalAttempt }: JobContext) => {
    const id = (job.payload as { mailMessageId?: unknown } | null)?.mailMessageId;
    if (typeof id !== "string") throw new PermanentJobError("mail job without mailMessageId");
    await deliverMail({ db, mailMessageId: id, now, transport, isFinalAttempt });
  };
}
