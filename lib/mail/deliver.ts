// Delivers one queued email, as the handler of its durable job.
//
// The guarantee, exactly: a message is marked SENDING (committed) before the SMTP transaction.
// Its SENT record (status, delivery attempt, live event) is written before the message goes out,
// in a transaction held open across the SMTP transaction and committed in the same turn of the
// event loop as the server's "250" is read: no round trip, no wait for a pooled connection, lies
// between the server taking responsibility and the commit being on its way. A rejected or failed
// send rolls it back. A job that runs again — a retry, or a restart after a crash — does nothing
// for a SENT message. A message left SENDING was interrupted: it is sent again with the same
// Message-ID, and the interruption is recorded. A duplicate is therefore possible only if the
// process dies after the server wrote its "250" and before this process read it (SMTP cannot
// close that window, RFC 1047); that duplicate carries the same Message-ID, which receiving
// systems use to drop it. A process killed a moment after the acceptance sends nothing twice
// (tests/integration/mail-delivery.test.ts).
import { poolOf, type Db } from "../db/client";
import type { MailMessage } from "../db/generated/client";
import { PermanentJobError, type JobContext, type JobHandler } from "../jobs/runner";
import { log } from "../log";
import { LIVE_CHANNEL, liveEventPayload, publishLiveEvent } from "../realtime/publish";
import { deliveryAttemptInsert, recordDeliveryAttempt, type DeliveryAttemptInput } from "./delivery-attempts";
import { isPermanentSmtpError, type MailTransport, type OutgoingMail } from "./transport";

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

  const outgoing: OutgoingMail = {
    from: msg.fromAddress,
    to: { address: msg.toAddress, name: msg.toName },
    subject: msg.subject,
    text: msg.text,
    messageId: msg.messageId,
    date: msg.createdAt,
  };
  let response: string;
  try {
    response = await sendRecordingSent(db, o.transport, outgoing, msg, { ...attempt, outcome: "SENT" }, now);
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
  // After the commit: the server's reply is kept for the delivery log, and nothing depends on it.
  await db.mailMessage
    .update({ where: { id: msg.id }, data: { smtpResponse: response.slice(0, 500) } })
    .catch((err) => log.warn({ err, mailMessageId: msg.id }, "could not keep the SMTP server's reply"));
  log.info({ module: "mail", mailMessageId: msg.id, attempt: msg.attempts }, "email accepted by the SMTP server");
}

/**
 * Sends the message with its SENT record written, uncommitted, beforehand, and commits it the
 * moment the server accepts; rolls it back when the send fails (the error is rethrown). Without a
 * pool of its own (a transaction client), the record is written after the send, as one transaction.
 */
async function sendRecordingSent(
  db: Db,
  transport: MailTransport,
  mail: OutgoingMail,
  msg: MailMessage,
  sent: DeliveryAttemptInput,
  now: Date,
): Promise<string> {
  const pool = poolOf(db);
  if (!pool) {
    const { response } = await transport.send(mail);
    await db.$transaction(async (tx) => {
      await tx.mailMessage.update({ where: { id: msg.id }, data: { status: "SENT", sentAt: now, lastError: null } });
      await recordDeliveryAttempt(tx, sent);
      if (msg.agencyId) await publishLiveEvent(tx, { type: "mail", agencyIds: [msg.agencyId], id: msg.id });
    });
    return response;
  }
  const client = await pool.connect();
  let broken: Error | undefined;
  const rollBack = () => client.query("ROLLBACK").catch((e: Error) => (broken = e));
  try {
    try {
      await client.query("BEGIN");
      await client.query(
        `UPDATE "MailMessage" SET status = 'SENT', "sentAt" = $2, "lastError" = NULL WHERE id = $1::uuid AND status = 'SENDING'`,
        [msg.id, now],
      );
      await client.query(deliveryAttemptInsert(sent));
      if (msg.agencyId)
        await client.query("SELECT pg_notify($1, $2)", [
          LIVE_CHANNEL,
          liveEventPayload({ type: "mail", agencyIds: [msg.agencyId], id: msg.id }),
        ]);
    } catch (error) {
      await rollBack();
      throw error;
    }
    let response: string;
    try {
      ({ response } = await transport.send(mail));
    } catch (error) {
      await rollBack();
      throw error;
    }
    // The server has the message: the commit leaves in this same turn of the event loop (the
    // connection is idle, so the driver writes it at once).
    await client.query("COMMIT");
    return response;
  } finally {
    // A connection that could not roll back is closed rather than handed to the next caller.
    client.release(broken);
  }
}

export function mailJobHandler(transport: MailTransport | null): JobHandler {
  return async ({ db, job, now, isFinalAttempt }: JobContext) => {
    const id = (job.payload as { mailMessageId?: unknown } | null)?.mailMessageId;
    if (typeof id !== "string") throw new PermanentJobError("mail job without mailMessageId");
    await deliverMail({ db, mailMessageId: id, now, transport, isFinalAttempt });
  };
}
