// Resetting a colleague's authenticator (a lost phone), within the agency admin's own scope:
// lib/auth does the reset, its audit and the session revocation; this adds the admin-only rules.
import { db as defaultDb, type Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { resetUserMfa } from "../auth/reset-mfa";
import { AUTH_AUDIT } from "../auth/audit-actions";
import { NotFoundError } from "../errors";
import { auditRefusal, authorizeAgencyAdmin, managedUser } from "./admin-scope";
import { targetId } from "./account-status";

export async function resetManagedUserMfa({
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
  // Only the refusals caught here are recorded by this wrapper; resetUserMfa records its own.
  const target = await auditRefusal(
    { db, actor, action: AUTH_AUDIT.mfaReset, targetType: "User", targetId: userId, now },
    async () => {
      authorizeAgencyAdmin(actor);
      const found = await db.user.findFirst({ where: managedUser(actor, userId), select: { id: true } });
      if (!found) throw new NotFoundError();
      return actor;
    },
  );
  await resetUserMfa({ actor: target, userId, now, db });
}
