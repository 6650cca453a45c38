// Who may administer users, and which users they may touch: an agency admin, signed in as a
// person, over their own agency's accounts. Platform admins' accounts are outside every agency
// admin's reach. Refusals are audited too.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { auditContext } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { recordAudit } from "../audit/record";
import { ForbiddenError, NotFoundError } from "../errors";

export function authorizeAgencyAdmin(actor: Actor | null | undefined): asserts actor is Actor {
  authorize(actor, { roles: ["AGENCY_ADMIN"] });
  if (actor.kind !== "USER") throw new ForbiddenError();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The where clause every read and write of a managed user goes through. A malformed id finds nothing. */
export function managedUser(actor: Actor, userId: string): Prisma.UserWhereInput {
  if (!UUID.test(userId)) throw new NotFoundError();
  return { id: userId, agencyId: actor.agencyId, isPlatformAdmin: false };
}

type Denial = {
  db: Db;
  actor: Actor | null | undefined;
  action: string;
  targetType: string;
  targetId?: string | null;
  now: Date;
};

/**
 * Runs an administrative step; if it is refused (no permission, or a target outside the actor's
 * agency), records the attempt as DENIED before passing the refusal on.
 */
export async function auditRefusal<T>(denial: Denial, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if ((e instanceof ForbiddenError || e instanceof NotFoundError) && denial.actor) {
      const actor = denial.actor;
      await denial.db.$transaction((tx) =>
        recordAudit(tx, {
          action: denial.action,
          targetType: denial.targetType,
          targetId: denial.targetId ?? null,
          outcome: "DENIED",
          details: { reason: e instanceof ForbiddenError ? "FORBIDDEN" : "NOT_FOUND" },
          at: denial.now,
          ...auditContext(actor),
        }),
      );
    }
    throw e;
  }
}
