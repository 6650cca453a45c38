// An agency admin resetting a user's authenticator (a lost phone): the user enrols again at
// their next sign-in and chooses a new password, every session they have open ends now, and
// they are told by email.
import { z } from "zod";
import { db as defaultDb, type Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { NotFoundError } from "../errors";
import { auditContext, type Actor } from "./actor";
import { AUTH_AUDIT } from "./audit-actions";
import { authorize } from "./authorize";
import { queueSecurityNotice } from "./security-mail";
import { revokeAllSessions } from "./sessions";

export async function resetUserMfa({
  actor,
  userId,
  now,
  db,
}: {
  actor: Actor;
  userId: string;
  now: Date;
  db?: Db;
}): Promise<void> {
  authorize(actor, { roles: ["AGENCY_ADMIN"] });
  const d = db ?? defaultDb();
  const done =
    z.uuid().safeParse(userId).success &&
    (await d.$transaction(async (tx) => {
      // Scoped by agency in the where clause: another agency's user is simply not found.
      const { count } = await tx.user.updateMany({
        where: { id: userId, agencyId: actor.agencyId },
        data: {
          totpSecret: null,
          totpPendingSecret: null,
          mfaEnrolledAt: null,
          lastTotpStep: null,
          mustChangePassword: true,
        },
      });
      if (count === 0) return false;
      const revoked = await revokeAllSessions(tx, userId, now);
      await recordAudit(tx, {
        ...auditContext(actor),
        action: AUTH_AUDIT.mfaReset,
        targetType: "User",
        targetId: userId,
        details: { revokedSessions: revoked },
        at: now,
      });
      await queueSecurityNotice(tx, { userId, notice: "mfaReset", now });
      return true;
    }));
  if (!done) {
    await d.$transaction((tx) =>
      recordAudit(tx, {
        ...auditContext(actor),
        action: AUTH_AUDIT.mfaReset,
        outcome: "DENIED",
        targetType: "User",
        targetId: userId.slice(0, 64),
        details: { reason: "NOT_FOUND" },
        at: now,
      }),
    );
    throw new NotFoundError();
  }
}
