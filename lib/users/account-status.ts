// Deactivating an account shuts it out at once: the flag blocks sign-in and every open session
// is revoked in the same transaction. Reactivating lets the person sign in again, unlocked.
import { db as defaultDb, type Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { auditContext } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { revokeAllSessions } from "../auth/sessions";
import { ConflictError, NotFoundError, ValidationError, zodIssues } from "../errors";
import { userIdSchema } from "../validation/user";
import { auditRefusal, authorizeAgencyAdmin, managedUser } from "./admin-scope";
import { USER_AUDIT } from "./audit-actions";

type Change = { actor: Actor | null; input: unknown; now: Date; db?: Db };

export async function deactivateUser({
  actor,
  input,
  now,
  db = defaultDb(),
}: Change): Promise<{ revokedSessions: number }> {
  const userId = targetId(input);
  return auditRefusal(
    { db, actor, action: USER_AUDIT.deactivate, targetType: "User", targetId: userId, now },
    async () => {
      authorizeAgencyAdmin(actor);
      const where = managedUser(actor, userId);
      if (userId === actor.userId) throw new ConflictError("admin.users.cannotDeactivateSelf");
      return db.$transaction(async (tx) => {
        const updated = await tx.user.updateMany({
          where: { ...where, active: true },
          data: { active: false, deactivatedAt: now },
        });
        if (updated.count === 0) {
          if (!(await tx.user.findFirst({ where, select: { id: true } }))) throw new NotFoundError();
          return { revokedSessions: 0 }; // already inactive: nothing to do, nothing to record
        }
        const revokedSessions = await revokeAllSessions(tx, userId, now);
        await recordAudit(tx, {
          action: USER_AUDIT.deactivate,
          targetType: "User",
          targetId: userId,
          details: { revokedSessions },
          at: now,
          ...auditContext(actor),
        });
        return { revokedSessions };
      });
    },
  );
}

export async function reactivateUser({ actor, input, now, db = defaultDb() }: Change): Promise<void> {
  const userId = targetId(input);
  await auditRefusal(
    { db, actor, action: USER_AUDIT.reactivate, targetType: "User", targetId: userId, now },
    async () => {
      authorizeAgencyAdmin(actor);
      const where = managedUser(actor, userId);
      await db.$transaction(async (tx) => {
        const updated = await tx.user.updateMany({
          where: { ...where, active: false },
          data: { active: true, deactivatedAt: null, failedAttempts: 0, lockedUntil: null },
        });
        if (updated.count === 0) {
          if (!(await tx.user.findFirst({ where, select: { id: true } }))) throw new NotFoundError();
          return;
        }
        await recordAudit(tx, {
          action: USER_AUDIT.reactivate,
          targetType: "User",
          targetId: userId,
          at: now,
          ...auditContext(actor),
        });
      });
    },
  );
}

/** The target's id, validated before anything is looked up or recorded. */
export function targetId(input: unknown): string {
  const parsed = userIdSchema.safeParse(input);
  if (!parsed.success) {
    // A malformed id cannot name anyone's account.
    if (parsed.error.issues.some((i) => i.path[0] === "userId")) throw new NotFoundError();
    throw new ValidationError(zodIssues(parsed.error));
  }
  return parsed.data.userId;
}
