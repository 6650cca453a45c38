// Changing what a colleague may do. The change applies to their next request: the session only
// names the user, and roles are read afresh each time.
import { db as defaultDb, type Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { auditContext } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { NotFoundError, ValidationError, zodIssues } from "../errors";
import { changeRolesSchema } from "../validation/user";
import { auditRefusal, authorizeAgencyAdmin, managedUser } from "./admin-scope";
import { USER_AUDIT } from "./audit-actions";
import { targetId } from "./account-status";

export async function changeUserRoles({
  actor,
  input,
  now,
  db = defaultDb(),
}: {
  actor: Actor | null;
  input: unknown;
  now: Date;
  db?: Db;
}): Promise<void> {
  const userId = targetId(input);
  await auditRefusal(
    { db, actor, action: USER_AUDIT.changeRoles, targetType: "User", targetId: userId, now },
    async () => {
      authorizeAgencyAdmin(actor);
      const where = managedUser(actor, userId);
      const parsed = changeRolesSchema.safeParse(input);
      if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
      const { roles } = parsed.data;
      // An admin who removed their own admin role would lock the agency out of its own administration.
      if (userId === actor.userId && !roles.includes("AGENCY_ADMIN")) {
        throw new ValidationError([{ path: "roles", message: "admin.users.cannotDropOwnAdmin" }]);
      }
      await db.$transaction(async (tx) => {
        const before = await tx.user.findFirst({ where, select: { roles: true } });
        if (!before) throw new NotFoundError();
        if (sameRoles(before.roles, roles)) return;
        await tx.user.updateMany({ where, data: { roles } });
        await recordAudit(tx, {
          action: USER_AUDIT.changeRoles,
          targetType: "User",
          targetId: userId,
          details: { from: before.roles, to: roles },
          at: now,
          ...auditContext(actor),
        });
      });
    },
  );
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}
