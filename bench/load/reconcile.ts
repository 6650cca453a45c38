// After the run: what the database holds against what the people were told and what the mail
// server received. Every filing answered 2xx must be stored, with its notices and their emails;
// every email the outbox holds must have arrived exactly once (by Message-ID).
import { setTimeout as sleep } from "node:timers/promises";
import type { MailSink } from "./mail-sink";
import type { Filing } from "./recorder";
import { query } from "./world";

export type MailTally = { byStatus: Record<string, number>; total: number };

export async function mailTally(url: string): Promise<MailTally> {
  const rows = await query<{ status: string; n: string }>(
    url,
    `SELECT status, count(*) AS n FROM "MailMessage" GROUP BY status`,
  );
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return { byStatus, total: rows.reduce((s, r) => s + Number(r.n), 0) };
}

const UNSETTLED = ["QUEUED", "SENDING", "RETRYING"];

/**
 * Waits until no email is left to send (or `timeoutMs` passes). An email whose delivery was cut
 * off by the kill is retried once its job's lease (60 s) has lapsed, so this can take a minute.
 */
export async function drainMail(url: string, timeoutMs: number, say: (s: string) => void): Promise<number> {
  const t0 = Date.now();
  let last = "";
  for (;;) {
    const tally = await mailTally(url);
    const left = UNSETTLED.reduce((s, k) => s + (tally.byStatus[k] ?? 0), 0);
    if (left === 0) return (Date.now() - t0) / 1000;
    if (Date.now() - t0 > timeoutMs) return (Date.now() - t0) / 1000;
    const text = `  waiting for ${left} email(s) to be sent (${JSON.stringify(tally.byStatus)})`;
    if (text !== last) say(text);
    last = text;
    await sleep(2_000);
  }
}

export type Reconciliation = {
  filingsAcknowledged: number;
  filingsStored: number;
  filingsWithoutNotices: number;
  /** Who filed them: a filing no other agency need hear about has none. */
  withoutNoticesBy: string[];
  notices: number;
  noticesWithoutEmail: number;
  mail: MailTally;
  sent: number;
  received: number;
  receivedOnce: number;
  missing: number;
  duplicates: number;
  duplicateIds: string[];
  unknown: number;
  interruptedDeliveries: number;
};

export async function reconcile(url: string, filings: Filing[], sink: MailSink): Promise<Reconciliation> {
  const ids = filings.map((f) => f.operationId);
  const stored = await query<{ id: string; slug: string; notices: string; without_mail: string }>(
    url,
    `SELECT o.id, (SELECT slug FROM "Agency" a WHERE a.id = o."agencyId") AS slug,
            (SELECT count(*) FROM "Notice" n WHERE n."operationId" = o.id) AS notices,
            (SELECT count(*) FROM "Notice" n WHERE n."operationId" = o.id
               AND NOT EXISTS (SELECT 1 FROM "MailMessage" m WHERE m."subjectType" = 'NOTICE' AND m."subjectId" = n.id::text)) AS without_mail
       FROM "Operation" o WHERE o.id = ANY($1::uuid[])`,
    [ids],
  );
  const sentRows = await query<{ messageId: string }>(
    url,
    `SELECT "messageId" FROM "MailMessage" WHERE status = 'SENT'`,
  );
  const interrupted = await query<{ n: string }>(
    url,
    `SELECT count(*) AS n FROM "DeliveryAttempt" WHERE channel = 'EMAIL' AND outcome = 'INTERRUPTED'`,
  );
  const sent = new Set(sentRows.map((r) => r.messageId));
  let received = 0;
  let duplicates = 0;
  let unknown = 0;
  let receivedOnce = 0;
  const duplicateIds: string[] = [];
  for (const [id, n] of sink.received) {
    received += n;
    if (n > 1) {
      duplicates += n - 1;
      duplicateIds.push(id);
    }
    if (!sent.has(id)) unknown++;
    else if (n === 1) receivedOnce++;
  }
  let missing = 0;
  for (const id of sent) if (!sink.received.has(id)) missing++;
  return {
    filingsAcknowledged: filings.length,
    filingsStored: stored.length,
    filingsWithoutNotices: stored.filter((r) => Number(r.notices) === 0).length,
    withoutNoticesBy: stored.filter((r) => Number(r.notices) === 0).map((r) => r.slug),
    notices: stored.reduce((s, r) => s + Number(r.notices), 0),
    noticesWithoutEmail: stored.reduce((s, r) => s + Number(r.without_mail), 0),
    mail: await mailTally(url),
    sent: sent.size,
    received,
    receivedOnce,
    missing,
    duplicates,
    duplicateIds,
    unknown,
    interruptedDeliveries: Number(interrupted[0]?.n ?? 0),
  };
}

/** The notices each answered filing created (operation version 1), with their recipient agency. */
export async function filingNotices(url: string, filings: Filing[]) {
  return query<{ id: string; operationId: string; recipientAgencyId: string }>(
    url,
    `SELECT id, "operationId", "recipientAgencyId" FROM "Notice" WHERE "operationId" = ANY($1::uuid[]) AND "operationVersion" = 1`,
    [filings.map((f) => f.operationId)],
  );
}
