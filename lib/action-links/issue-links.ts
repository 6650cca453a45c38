// Issues the one-time links an email carries, inside the transaction that queues the email: only
// for an email addressed to a person with an account, each bound to that person, one action and
// one subject, and usable until the configured number of hours has passed or the operation it is
// about has ended, whichever comes first.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client";
import type { ActionLinkAction } from "../db/generated/enums";
import { env } from "../env";
import { publicBaseUrl } from "../notices/contacts";
import { generateLinkToken } from "./token";

export type LinkSubjectType = "NOTICE" | "CONFLICT";

export type ActionLinkRequest = { action: ActionLinkAction; subjectType: LinkSubjectType; subjectId: string };

export type IssuedLink = ActionLinkRequest & { url: string; expiresAt: Date };

export function actionLinkUrl(token: string): string {
  return new URL(`/act/${token}`, publicBaseUrl()).toString();
}

/** When the subject stops mattering: the notice's window end, or the end of the conflict's overlap. */
async function subjectEnd(tx: Tx, r: ActionLinkRequest): Promise<Date | null> {
  if (r.subjectType === "NOTICE")
    return (await tx.notice.findUnique({ where: { id: r.subjectId }, select: { endsAt: true } }))?.endsAt ?? null;
  const c = await tx.conflict.findUnique({
    where: { id: r.subjectId },
    select: { overlapEnd: true, opAId: true, opBId: true },
  });
  if (!c) return null;
  if (c.overlapEnd) return c.overlapEnd;
  const ops = await tx.operation.findMany({ where: { id: { in: [c.opAId, c.opBId] } }, select: { endsAt: true } });
  return ops.length ? new Date(Math.max(...ops.map((o) => o.endsAt.getTime()))) : null;
}

export async function issueActionLinks(
  tx: Tx,
  o: { userId: string; agencyId: string; mailMessageId: string | null; requests: ActionLinkRequest[]; now: Date },
): Promise<IssuedLink[]> {
  const issued: IssuedLink[] = [];
  const latest = o.now.getTime() + env().ACTION_LINK_HOURS * 3_600_000;
  for (const r of o.requests) {
    const end = await subjectEnd(tx, r);
    if (!end) continue;
    const expiresAt = new Date(Math.min(latest, end.getTime()));
    // An operation that is already over needs nothing acknowledged from a phone.
    if (expiresAt <= o.now) continue;
    const { token, hash } = generateLinkToken();
    await tx.actionLink.create({
      data: {
        id: randomUUID(),
        tokenHash: hash,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        userId: o.userId,
        agencyId: o.agencyId,
        mailMessageId: o.mailMessageId,
        createdAt: o.now,
        expiresAt,
      },
    });
    issued.push({ ...r, url: actionLinkUrl(token), expiresAt });
  }
  return issued;
}
