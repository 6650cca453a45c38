// Who is acting: a signed-in user or an agency API token. Every domain function takes one.
import type { Role } from "../db/generated/enums";
import type { Locale } from "../i18n/locales";

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
