// The one rule for reading a notice: only its sender agency and its recipient agency may, and
// the rule lives in the where clause. Anything else — including a malformed id — is not found.
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError } from "../errors";
import { isId } from "../validation/operation";
import { NOTICE_READING_ROLES } from "./roles";

export function partyWhere(actor: Actor): Prisma.NoticeWhereInput {
  return { OR: [{ senderAgencyId: actor.agencyId }, { recipientAgencyId: actor.agencyId }] };
}

export async function findNoticeForActor<S extends Prisma.NoticeSelect>(
  q: Db | Tx,
  actor: Actor,
  noticeId: string,
  select: S,
) {
  authorize(actor, { roles: NOTICE_READING_ROLES, agencyId: actor.agencyId });
  if (!isId(noticeId)) throw new NotFoundError();
  const row = await q.notice.findFirst({ where: { id: noticeId, ...partyWhere(actor) }, select });
  if (!row) throw new NotFoundError();
  return row;
}

export function sideOf(actor: Actor, n: { senderAgencyId: string; recipientAgencyId: string }): "SENDER" | "RECIPIENT" {
  return n.recipientAgencyId === actor.agencyId ? "RECIPIENT" : "SENDER";
}
