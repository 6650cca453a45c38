// What an emailed link will do, read without acting (for the confirmation page a GET shows, and
// again just before a POST acts): the link, the person it is addressed to, and the same
// need-to-know summary of its subject the email carried — or why it can no longer be used.
import type { Db } from "../db/client";
import type { ActionLinkAction, Role } from "../db/generated/enums";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n/locales";
import { areaSummary, pointSummary } from "../notices/area-text";
import { noticeContent } from "../notices/content";
import { hashLinkToken, isAuthenticToken } from "./token";

export const LINK_REFUSALS = [
  "INVALID",
  "USED",
  "EXPIRED",
  "ACCOUNT_INACTIVE",
  "GONE",
  "SUPERSEDED",
  "ALREADY_ACKNOWLEDGED",
  "CLOSED",
  "NOT_ALLOWED",
  "RATE_LIMITED",
  "ERROR",
] as const;
export type LinkRefusal = (typeof LINK_REFUSALS)[number];

export type LinkSummary =
  | {
      type: "NOTICE";
      noticeKind: string;
      fromAgency: string;
      title: string;
      startsAt: Date;
      endsAt: Date;
      area: string;
    }
  | {
      type: "CONFLICT";
      otherAgency: string;
      ownTitle: string;
      startsAt: Date | null;
      endsAt: Date | null;
      area: string;
    };

export type LinkPerson = {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  agencyId: string;
  agencyName: string;
  timeZone: string;
  roles: Role[];
  isPlatformAdmin: boolean;
};

export type LinkRow = {
  id: string;
  action: ActionLinkAction;
  subjectType: string;
  subjectId: string;
  userId: string;
  agencyId: string;
  expiresAt: Date;
  usedAt: Date | null;
};

export type LinkState = {
  link: LinkRow | null;
  person: LinkPerson | null;
  summary: LinkSummary | null;
  /** Where the full subject is read, after signing in. */
  fullPath: string | null;
  /** Who acknowledged it already, when that is why the link cannot act. */
  acknowledged: { name: string | null; at: Date } | null;
  refusal: LinkRefusal | null;
};

export const refusedState = (refusal: LinkRefusal): LinkState => ({
  link: null,
  person: null,
  summary: null,
  fullPath: null,
  acknowledged: null,
  refusal,
});

export async function findLink(db: Db, token: unknown): Promise<LinkRow | null> {
  if (!isAuthenticToken(token)) return null;
  return db.actionLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      action: true,
      subjectType: true,
      subjectId: true,
      userId: true,
      agencyId: true,
      expiresAt: true,
      usedAt: true,
    },
  });
}

export async function inspectLink(db: Db, token: unknown, now: Date): Promise<LinkState> {
  const link = await findLink(db, token);
  if (!link) return refusedState("INVALID");
  const user = await db.user.findUnique({
    where: { id: link.userId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      active: true,
      roles: true,
      isPlatformAdmin: true,
      agencyId: true,
      agency: { select: { name: true, timeZone: true, active: true } },
    },
  });
  const person: LinkPerson | null = user
    ? {
        id: user.id,
        name: user.name,
        email: user.email,
        locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE,
        agencyId: user.agencyId,
        agencyName: user.agency.name,
        timeZone: user.agency.timeZone,
        roles: user.roles,
        isPlatformAdmin: user.isPlatformAdmin,
      }
    : null;
  // Signing in leads straight to the subject, whatever the link's own state.
  const base = {
    link,
    person,
    summary: null,
    fullPath: `/${link.subjectType === "CONFLICT" ? "conflicts" : "notices"}/${link.subjectId}`,
    acknowledged: null,
  };
  if (link.usedAt) return { ...base, refusal: "USED" };
  if (link.expiresAt <= now) return { ...base, refusal: "EXPIRED" };
  if (!user || !user.active || !user.agency.active || user.agencyId !== link.agencyId)
    return { ...base, refusal: "ACCOUNT_INACTIVE" };
  const subject = link.subjectType === "CONFLICT" ? await conflictSubject(db, link) : await noticeSubject(db, link);
  // The subject was read after the link: if the link was used in between, that is the answer.
  if (subject.refusal && (await db.actionLink.count({ where: { id: link.id, usedAt: { not: null } } })))
    return { ...base, ...subject, refusal: "USED" };
  return { ...base, ...subject };
}

type SubjectState = Pick<LinkState, "summary" | "fullPath" | "acknowledged" | "refusal">;

async function noticeSubject(db: Db, link: LinkRow): Promise<SubjectState> {
  const n = await db.notice.findFirst({
    where: { id: link.subjectId, recipientAgencyId: link.agencyId },
    select: {
      id: true,
      kind: true,
      content: true,
      startsAt: true,
      endsAt: true,
      supersededAt: true,
      acknowledgedAt: true,
      acknowledgedByName: true,
    },
  });
  if (!n) return { summary: null, fullPath: null, acknowledged: null, refusal: "GONE" };
  const c = noticeContent(n.content);
  const summary: LinkSummary = {
    type: "NOTICE",
    noticeKind: n.kind,
    fromAgency: c.sender.name,
    title: c.operation?.title ?? c.operationRef,
    startsAt: n.startsAt,
    endsAt: n.endsAt,
    area: n.kind === "CONFLICT" ? pointSummary(c.conflicts[0]?.where ?? null) : areaSummary(c.area),
  };
  const fullPath = `/notices/${n.id}`;
  const acknowledged = n.acknowledgedAt ? { name: n.acknowledgedByName, at: n.acknowledgedAt } : null;
  let refusal: LinkRefusal | null = null;
  if (n.supersededAt) refusal = "SUPERSEDED";
  else if (link.action === "ACKNOWLEDGE" && acknowledged) refusal = "ALREADY_ACKNOWLEDGED";
  return { summary, fullPath, acknowledged, refusal };
}

async function conflictSubject(db: Db, link: LinkRow): Promise<SubjectState> {
  const c = await db.conflict.findFirst({
    where: { id: link.subjectId, OR: [{ agencyAId: link.agencyId }, { agencyBId: link.agencyId }] },
    select: {
      id: true,
      status: true,
      agencyAId: true,
      agencyBId: true,
      opAId: true,
      opBId: true,
      overlapStart: true,
      overlapEnd: true,
      whereLon: true,
      whereLat: true,
      ackAAt: true,
      ackAById: true,
      ackBAt: true,
      ackBById: true,
    },
  });
  if (!c) return { summary: null, fullPath: null, acknowledged: null, refusal: "GONE" };
  const sideA = c.agencyAId === link.agencyId;
  // Need to know: the agency's own operation's title, and only the other agency's name.
  const [own, other] = await Promise.all([
    db.operation.findFirst({
      where: { id: sideA ? c.opAId : c.opBId, agencyId: link.agencyId },
      select: { title: true },
    }),
    db.agency.findUnique({ where: { id: sideA ? c.agencyBId : c.agencyAId }, select: { name: true } }),
  ]);
  const where = c.whereLon !== null && c.whereLat !== null ? { lon: c.whereLon, lat: c.whereLat } : null;
  const summary: LinkSummary = {
    type: "CONFLICT",
    otherAgency: other?.name ?? "—",
    ownTitle: own?.title ?? "—",
    startsAt: c.overlapStart,
    endsAt: c.overlapEnd,
    area: pointSummary(where),
  };
  const ackAt = sideA ? c.ackAAt : c.ackBAt;
  const ackBy = sideA ? c.ackAById : c.ackBById;
  const acknowledged = ackAt
    ? {
        name: ackBy
          ? ((await db.user.findUnique({ where: { id: ackBy }, select: { name: true } }))?.name ?? null)
          : null,
        at: ackAt,
      }
    : null;
  let refusal: LinkRefusal | null = null;
  if (c.status === "CLOSED") refusal = "CLOSED";
  else if (link.action === "ACKNOWLEDGE" && acknowledged) refusal = "ALREADY_ACKNOWLEDGED";
  return { summary, fullPath: `/conflicts/${c.id}`, acknowledged, refusal };
}
