// The outbox view: email addressed to the actor's agency. It is the development mailbox when no
// SMTP server is configured, and a delivery log for platform admins when one is. Agency admins
// and chiefs see all of their agency's mail (including its contact addresses); everyone else
// sees only mail addressed to them.
import type { Actor } from "../auth/actor";
import { can } from "../auth/authorize";
import type { Db } from "../db/client";
import { ForbiddenError } from "../errors";

export const OUTBOX_PAGE_SIZE = 50;

export function canViewOutbox(actor: Actor, smtpConfigured: boolean): boolean {
  if (actor.kind !== "USER") return false;
  return smtpConfigured ? actor.isPlatformAdmin : can(actor, {}) || actor.isPlatformAdmin;
}

export async function listOutbox(o: { db: Db; actor: Actor; smtpConfigured: boolean; before?: Date }) {
  const { actor } = o;
  if (!canViewOutbox(actor, o.smtpConfigured)) throw new ForbiddenError();
  const wholeAgency = actor.isPlatformAdmin || can(actor, { roles: ["AGENCY_ADMIN", "CHIEF"] });
  const own = [
    ...(actor.userId ? [{ toUserId: actor.userId }] : []),
    ...(actor.email ? [{ toAddress: { equals: actor.email, mode: "insensitive" as const } }] : []),
  ];
  if (!wholeAgency && own.length === 0) return [];
  return o.db.mailMessage.findMany({
    where: {
      agencyId: actor.agencyId,
      ...(wholeAgency ? {} : { OR: own }),
      ...(o.before ? { createdAt: { lt: o.before } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: OUTBOX_PAGE_SIZE,
    select: {
      id: true,
      messageId: true,
      toAddress: true,
      toName: true,
      subject: true,
      text: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
}

export type OutboxRow = Awaited<ReturnType<typeof listOutbox>>[number];
