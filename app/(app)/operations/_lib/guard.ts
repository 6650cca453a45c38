// Operations pages are for the roles that file operations; for anyone else they do not exist.
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import { FILING_ROLES } from "@/lib/operations/roles";

export function requireFiler(actor: Actor): void {
  if (!can(actor, { roles: FILING_ROLES, agencyId: actor.agencyId })) notFound();
}
