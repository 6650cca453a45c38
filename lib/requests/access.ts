// The one rule for reaching a request: its receiving agency sees all of it; the member federal
// office that submitted it sees it without the receiving agency's local reference. Anyone else —
// including a malformed id — gets not found. Only command decides.
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { ForbiddenError, NotFoundError } from "../errors";
import { isId } from "../validation/operation";
import { REQUEST_READING_ROLES } from "./roles";

export function partyWhere(actor: Actor): Prisma.FederalRequestWhereInput {
  return { OR: [{ agencyId: actor.agencyId }, { requesterAgencyId: actor.agencyId }] };
}

export async function findRequestForActor<S extends Prisma.FederalRequestSelect>(
  q: Db | Tx,
  actor: Actor,
  requestId: string,
  select: S,
) {
  authorize(actor, { roles: REQUEST_READING_ROLES, agencyId: actor.agencyId });
  if (!isId(requestId)) throw new NotFoundError();
  const row = await q.federalRequest.findFirst({ where: { id: requestId, ...partyWhere(actor) }, select });
  if (!row) throw new NotFoundError();
  return row;
}

/** Chiefs decide, and the people a chief designated. Never a token or another role alone. */
export async function canDecide(q: Db | Tx, actor: Actor): Promise<boolean> {
  if (actor.kind !== "USER" || !actor.userId) return false;
  if (actor.roles.includes("CHIEF")) return true;
  if (!actor.roles.some((r) => r === "SUPERVISOR" || r === "LIAISON")) return false;
  const designation = await q.requestCommandDesignation.findFirst({
    where: { userId: actor.userId, agencyId: actor.agencyId },
    select: { id: true },
  });
  return designation !== null;
}

export async function authorizeDecider(q: Db | Tx, actor: Actor): Promise<void> {
  authorize(actor, { roles: REQUEST_READING_ROLES, agencyId: actor.agencyId });
  if (!(await canDecide(q, actor))) throw new ForbiddenError("requests.errors.commandOnly");
}
