// Every queue the app's workers serve, wired to its handler. A new kind of background work
// registers its handler here.
import { anchorAuditChain, AUDIT_ANCHOR_QUEUE } from "../audit/anchor";
import type { Db } from "../db/client";
import { env } from "../env";
import { mailJobHandler } from "../mail/deliver";
import { MAIL_QUEUE } from "../mail/queue-mail";
import { smtpTransport } from "../mail/transport";
import { AFTER_ACTION_QUEUE } from "../operations/after-action";
import { afterActionJobHandler } from "../operations/after-action-jobs";
import { ESCALATION_QUEUE, escalationJobHandler } from "./escalation";
import { escalationSubjects } from "./escalation-subjects";
import { enqueue } from "./queue";
import type { JobHandlers } from "./runner";
import { WEBHOOK_QUEUE } from "../webhooks/emit";
import { webhookJobHandler } from "../webhooks/deliver";

export function appJobHandlers(): JobHandlers {
  const smtpUrl = env().SMTP_URL;
  return {
    // As many open mail connections as jobs that may send at once.
    [MAIL_QUEUE]: mailJobHandler(smtpUrl ? smtpTransport(smtpUrl, { maxConnections: env().JOB_CONCURRENCY }) : null),
    [ESCALATION_QUEUE]: escalationJobHandler(escalationSubjects),
    [WEBHOOK_QUEUE]: webhookJobHandler(),
    [AUDIT_ANCHOR_QUEUE]: async ({ db, now }) => {
      await anchorAuditChain(db, { now });
    },
    [AFTER_ACTION_QUEUE]: afterActionJobHandler(),
  };
}

/**
 * Queues the day's audit anchor (once per UTC day, whichever instance gets there first: the job's
 * key is the date); checked hourly.
 */
export async function queueDailyAnchor(db: Db, now: Date): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await db.$transaction((tx) =>
    enqueue(tx, { queue: AUDIT_ANCHOR_QUEUE, payload: { day }, now, dedupeKey: `audit-anchor:${day}` }),
  );
}

export function appPeriodicWork() {
  return [{ name: "audit-anchor", everyMs: 60 * 60_000, run: queueDailyAnchor }];
}
