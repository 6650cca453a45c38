// Who is acting: a signed-in user or an agency API token. Every domain function takes one.
import type { Role } from "../db/generated/enums";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n/locales";

export type Actor = {
  kind: "USER" | "API_TOKEN";
  /** The user id, or the API token id for token actors. */
  id: string;
  userId: string | null;
  name: string;
  email: string | null;
  agencyId: string;
  agencyName: string;
  agencyTimeZone: string;
  roles: Role[];
  isPlatformAdmin: boolean;
  locale: Locale;
  sessionId: string | null;
  /** A signed-in user who must first replace an admin-set password (getActor() withholds them). */
  mustChangePassword?: boolean;
  requestId: string;
  sourceIp: string | null;
};

/** The audit fields every mutation by this actor carries. */
export function auditContext(actor: Actor) {
  return {
    actorUserId: actor.userId,
    actorLabel: actor.kind === "API_TOKEN" ? `api-token:${actor.id}` : actor.email,
    agencyId: actor.agencyId,
    requestId: actor.requestId,
    sourceIp: actor.sourceIp,
  };
}

/** What userActor reads of an account. */
export type ActorUser = {
  id: string;
  name: string;
  email: string;
  agencyId: string;
  roles: Role[];
  isPlatformAdmin: boolean;
  locale: string;
  agency: { name: string; timeZone: string };
};

/** The actor for a person's account: from a session, or for the demo seed and tests acting as someone. */
export function userActor(
  user: ActorUser,
  o: {
    sessionId: string | null;
    requestId: string;
    sourceIp: string | null;
    locale?: Locale;
    isPlatformAdmin?: boolean;
    mustChangePassword?: boolean;
  },
): Actor {
  return {
    kind: "USER",
    id: user.id,
    userId: user.id,
    name: user.name,
    email: user.email,
    agencyId: user.agencyId,
    agencyName: user.agency.name,
    agencyTimeZone: user.agency.timeZone,
    roles: user.roles,
    isPlatformAdmin: o.isPlatformAdmin ?? user.isPlatformAdmin,
    locale: o.locale ?? (isLocale(user.locale) ? user.locale : DEFAULT_LOCALE),
    sessionId: o.sessionId,
    ...(o.mustChangePassword !== undefined ? { mustChangePassword: o.mustChangePassword } : {}),
    requestId: o.requestId,
    sourceIp: o.sourceIp,
  };
}
