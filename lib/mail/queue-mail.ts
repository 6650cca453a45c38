// Queues one email to one recipient inside the caller's transaction: the message is rendered
// and stored (with its Message-ID fixed) and its delivery job enqueued, all committing together.
import { randomUUID } from "node:crypto";
import { issueActionLinks, type ActionLinkRequest } from "../action-links/issue-links";
import type { Tx } from "../db/client";
import { env } from "../env";
import type { Locale } from "../i18n/locales";
import { enqueue } from "../jobs/queue";
import { renderMail, type MailParams, type MailTemplate } from "./render";

export const MAIL_QUEUE = "mail.send";
/** About a day of retries with the queue's backoff (capped at an hour between attempts). */
export const MAIL_MAX_ATTEMPTS = 30;

export type MailRecipient = { address: string; name?: string | null; userId?: string | null; agencyId?: string | null };

export type QueueMailInput = {
  to: MailRecipient;
  template: MailTemplate;
  params: MailParams;
  locales: Locale[];
  /** The recipient agency's zone, for every time in the message. */
  timeZone: string;
  /** What the message is about, for its delivery record (e.g. { type: "NOTICE", id }). */
  about?: { type: string; id: string };
  now: Date;
  from?: string;
  /**
   * One-time links the recipient may act through without signing in (lib/action-links). Issued
   * only when the email is addressed to a person with an account (`to.userId`).
   */
  actions?: ActionLinkRequest[];
};

function domainOf(from: string): string {
  const m = /@([A-Za-z0-9.-]+)/.exec(from);
  return m ? m[1] : "common-ground.local";
}

export async function queueMail(tx: Tx, input: QueueMailInput): Promise<{ mailMessageId: string; messageId: string }> {
  const from = input.from ?? env().MAIL_FROM;
  const id = randomUUID();
  const actionLinks =
    input.actions?.length && input.to.userId && input.to.agencyId
      ? await issueActionLinks(tx, {
          userId: input.to.userId,
          agencyId: input.to.agencyId,
          mailMessageId: id,
          requests: input.actions,
          now: input.now,
        })
      : [];
  const rendered = renderMail({
    template: input.template,
    params: input.params,
    locales: input.locales,
    timeZone: input.timeZone,
    recipientName: input.to.name,
    actionLinks,
  });
  const messageId = `<${id}@${domainOf(from)}>`;
  await tx.mailMessage.create({
    data: {
      id,
      messageId,
      agencyId: input.to.agencyId ?? null,
      toUserId: input.to.userId ?? null,
      toAddress: input.to.address,
      toName: input.to.name ?? null,
      fromAddress: from,
      subject: rendered.subject,
      text: rendered.text,
      template: input.template,
      locales: rendered.locales,
      subjectType: input.about?.type ?? null,
      subjectId: input.about?.id ?? null,
      createdAt: input.now,
    },
  });
  await enqueue(tx, {
    queue: MAIL_QUEUE,
    payload: { mailMessageId: id },
    dedupeKey: `mail:${id}`,
    now: input.now,
    maxAttempts: MAIL_MAX_ATTEMPTS,
  });
  return { mailMessageId: id, messageId };
}
