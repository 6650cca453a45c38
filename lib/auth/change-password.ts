// A user changing their own password (or replacing one an admin chose, before anything else).
// Every session ends with it, so the new password is needed everywhere from then on, and the
// user is told by email.
import { db as defaultDb, type Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { NotFoundError, UnauthorizedError, ValidationError } from "../errors";
import { msg } from "../i18n/issue";
import { changePasswordSchema } from "../validation/auth";
import { auditContext, type Actor } from "./actor";
import { AUTH_AUDIT } from "./audit-actions";
import { assertPasswordPolicy, hashPassword, verifyPassword } from "./password";
import { queueSecurityNotice } from "./security-mail";
import { revokeAllSessions } from "./sessions";

export async function changePassword({
  actor,
  input,
  now,
  db,
}: {
  actor: Actor;
  input: unknown;
  now: Date;
  db?: Db;
}): Promise<void> {
  if (actor.kind !== "USER" || !actor.userId) throw new UnauthorizedError();
  const d = db ?? defaultDb();
  const { currentPassword, newPassword } = changePasswordSchema.parse(input);
  assertPasswordPolicy(newPassword, "newPassword");

  const user = await d.user.findFirst({
    where: { id: actor.userId, agencyId: actor.agencyId },
    select: { id: true, passwordHash: true, mustChangePassword: true },
  });
  if (!user) throw new NotFoundError();
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await d.$transaction((tx) =>
      recordAudit(tx, {
        ...auditContext(actor),
        action: AUTH_AUDIT.passwordChange,
        outcome: "FAILURE",
        targetType: "User",
        targetId: user.id,
        details: { reason: "BAD_PASSWORD" },
        at: now,
      }),
    );
    throw new ValidationError([{ path: "currentPassword", message: msg("auth.password.currentWrong") }]);
  }
  if (await verifyPassword(user.passwordHash, newPassword)) {
    throw new ValidationError([{ path: "newPassword", message: msg("auth.password.sameAsCurrent") }]);
  }

  const passwordHash = await hashPassword(newPassword);
  await d.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id, agencyId: actor.agencyId },
      data: { passwordHash, passwordChangedAt: now, mustChangePassword: false },
    });
    const revoked = await revokeAllSessions(tx, user.id, now);
    await recordAudit(tx, {
      ...auditContext(actor),
      action: AUTH_AUDIT.passwordChange,
      targetType: "User",
      targetId: user.id,
      details: { revokedSessions: revoked, ...(user.mustChangePassword ? { replacedAdminSetPassword: true } : {}) },
      at: now,
    });
    await queueSecurityNotice(tx, { userId: user.id, notice: "passwordChanged", now });
  });
}
