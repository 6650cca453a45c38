// Writing to a notice thread, and telling the other agency: a live event for both, and an email
// to the other side — to the person who sent the notice when the recipient answers, to the
// recipient agency's contacts when the sender does.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client";
import type { Actor } from "../auth/actor";
import { queueMail } from "../mail/queue-mail";
import { publishLiveEvent, type LiveEventType } from "../realtime/publish";
import { REPLY_KINDS, type ThreadEntryKind } from "../validation/notice";
import { agencyMailing, noticeLink, personMailing } from "./contacts";
import { noticeContent } from "./content";
import { NOTICE_SUBJECT } from "./roles";

export type ThreadNoticeRow = {
  id: string;
  threadId: string;
  senderAgencyId: string;
  recipientAgencyId: string;
  sentByUserId: string | null;
  content: unknown;
};

export async function addThreadEntry(
  tx: Tx,
  o: {
    actor: Actor;
    notice: ThreadNoticeRow;
    kind: ThreadEntryKind;
    body: string;
    now: Date;
    live: LiveEventType;
    notifyOtherSide: boolean;
  },
): Promise<string> {
  const { actor, notice, now } = o;
  const id = randomUUID();
  await tx.noticeMessage.create({
    data: {
      id,
      threadId: notice.threadId,
      noticeId: notice.id,
      authorAgencyId: actor.agencyId,
      authorUserId: actor.userId,
      authorName: actor.name,
      kind: o.kind,
      body: o.body,
      createdAt: now,
    },
  });
  if ((REPLY_KINDS as readonly string[]).includes(o.kind)) {
    // A reply from the recipient waits for the sending agency; the sender's own reply answers it.
    await tx.notice.updateMany({
      where: { threadId: notice.threadId, supersededAt: null },
      data: { replyUnread: actor.agencyId === notice.recipientAgencyId },
    });
  }
  await publishLiveEvent(
    tx,
    { type: o.live, agencyIds: [notice.senderAgencyId, notice.recipientAgencyId], id: notice.id },
    { event: o.kind === "ACKNOWLEDGED" ? "notice.acknowledged" : "notice.replied", now },
  );
  if (o.notifyOtherSide) await emailOtherSide(tx, { actor, notice, now });
  return id;
}

async function emailOtherSide(tx: Tx, o: { actor: Actor; notice: ThreadNoticeRow; now: Date }): Promise<void> {
  const { actor, notice } = o;
  const fromRecipient = actor.agencyId === notice.recipientAgencyId;
  const mailing = fromRecipient
    ? ((await personMailing(tx, notice.sentByUserId)) ?? (await agencyMailing(tx, notice.senderAgencyId)))
    : await agencyMailing(tx, notice.recipientAgencyId);
  const c = noticeContent(notice.content);
  const params = {
    fromAgency: actor.agencyName,
    title: c.operation?.title ?? c.operationRef,
    link: noticeLink(notice.id),
  };
  for (const contact of mailing.contacts) {
    await queueMail(tx, {
      to: contact.to,
      template: "reply",
      params,
      locales: contact.locales,
      timeZone: mailing.timeZone,
      about: { type: NOTICE_SUBJECT, id: notice.id },
      now: o.now,
    });
  }
}
