// A reply in a notice thread, from either agency: a question, a quick reply ("call me",
// "request a deconfliction call", "we will provide traffic support", "we decline support") or
// free text. The other agency sees it live and is emailed.
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError } from "../errors";
import { auditRefusal } from "../users/admin-scope";
import { replySchema } from "../validation/notice";
import { isId } from "../validation/operation";
import { partyWhere } from "./access";
import { NOTICE_ACTING_ROLES, NOTICE_AUDIT } from "./roles";
import { addThreadEntry } from "./thread";

export async function replyToNotice(args: {
  db: Db;
  actor: Actor;
  noticeId: string;
  input: unknown;
  now: Date;
}): Promise<{ messageId: string }> {
  const { db, actor, noticeId, now } = args;
  const denial = { db, actor, action: NOTICE_AUDIT.reply, targetType: "Notice", targetId: noticeId.slice(0, 64), now };
  return auditRefusal(denial, async () => {
    authorize(actor, { roles: NOTICE_ACTING_ROLES, agencyId: actor.agencyId });
    if (!isId(noticeId)) throw new NotFoundError();
    const input = replySchema.parse(args.input);
    return db.$transaction(async (tx) => {
      const notice = await tx.notice.findFirst({
        where: { id: noticeId, ...partyWhere(actor) },
        select: {
          id: true,
          threadId: true,
          senderAgencyId: true,
          recipientAgencyId: true,
          sentByUserId: true,
          content: true,
        },
      });
      if (!notice) throw new NotFoundError();
      const messageId = await addThreadEntry(tx, {
        actor,
        notice,
        kind: input.kind,
        body: input.body,
        now,
        live: "reply",
        notifyOtherSide: true,
      });
      await recordAudit(tx, {
        action: NOTICE_AUDIT.reply,
        targetType: "Notice",
        targetId: notice.id,
        details: { kind: input.kind, messageId },
        at: now,
        ...auditContext(actor),
      });
      return { messageId };
    });
  });
}
