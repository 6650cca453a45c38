// Declarative, fail-closed authorization. An unknown role grants nothing.
import { ForbiddenError } from "../errors";
import type { Role } from "../db/generated/enums";
import type { Actor } from "./actor";

const KNOWN_ROLES: ReadonlySet<string> = new Set(["LIAISON", "SUPERVISOR", "CHIEF", "AGENCY_ADMIN", "AUDITOR"]);

export type Requirement = {
  /** Any one of these roles suffices. Omit to allow any known role. */
  roles?: Role[];
  /** The actor must belong to this agency. */
  agencyId?: string;
  platformAdmin?: boolean;
};

export function can(actor: Actor | null | undefined, req: Requirement): boolean {
  if (!actor) return false;
  if (req.platformAdmin) return actor.isPlatformAdmin;
  if (req.agencyId !== undefined && actor.agencyId !== req.agencyId) return false;
  const held = actor.roles.filter((r) => KNOWN_ROLES.has(r));
  if (held.length === 0) return false;
  if (!req.roles) return true;
  return req.roles.some((r) => held.includes(r));
}

export function authorize(actor: Actor | null | undefined, req: Requirement): asserts actor is Actor {
  if (!can(actor, req)) throw new ForbiddenError();
}
