// "Sign out everywhere": ends every session of the signed-in user, this one included.
import { db as defaultDb, type Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { UnauthorizedError } from "../errors";
import { auditContext, type Actor } from "./actor";
import { AUTH_AUDIT } from "./audit-actions";
import { revokeAllSessions } from "./sessions";

export async function signOutEverywhere({
  actor,
  now,
  db,
}: {
  actor: Actor;
  now: Date;
  db?: Db;
}): Promise<{ revoked: number }> {
  if (actor.kind !== "USER" || !actor.userId) throw new UnauthorizedError();
  const userId = actor.userId;
  return (db ?? defaultDb()).$transaction(async (tx) => {
    const revoked = await revokeAllSessions(tx, userId, now);
    await recordAudit(tx, {
      ...auditContext(actor),
      action: AUTH_AUDIT.signOutEverywhere,
      targetType: "User",
      targetId: userId,
      details: { revokedSessions: revoked },
      at: now,
    });
    return { revoked };
  });
}
