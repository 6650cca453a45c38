// What the account page shows a user about their own account and sessions.
import { db as defaultDb, type Db } from "../db/client";
import { NotFoundError, UnauthorizedError } from "../errors";
import type { Actor } from "./actor";
import { IDLE_TIMEOUT_MS } from "./sessions";

export type AccountSummary = {
  name: string;
  email: string;
  title: string | null;
  roles: Actor["roles"];
  locale: string;
  mfaEnrolledAt: Date | null;
  passwordChangedAt: Date;
  activeSessions: number;
  currentSession: { createdAt: Date; expiresAt: Date } | null;
};

export async function getAccountSummary({
  actor,
  now,
  db,
}: {
  actor: Actor;
  now: Date;
  db?: Db;
}): Promise<AccountSummary> {
  if (actor.kind !== "USER" || !actor.userId) throw new UnauthorizedError();
  const d = db ?? defaultDb();
  const user = await d.user.findFirst({
    where: { id: actor.userId, agencyId: actor.agencyId },
    select: {
      name: true,
      email: true,
      title: true,
      roles: true,
      locale: true,
      mfaEnrolledAt: true,
      passwordChangedAt: true,
    },
  });
  if (!user) throw new NotFoundError();
  const [activeSessions, currentSession] = await Promise.all([
    d.userSession.count({
      where: {
        userId: actor.userId,
        revokedAt: null,
        expiresAt: { gt: now },
        lastSeenAt: { gt: new Date(now.getTime() - IDLE_TIMEOUT_MS) },
      },
    }),
    actor.sessionId
      ? d.userSession.findFirst({
          where: { id: actor.sessionId, userId: actor.userId },
          select: { createdAt: true, expiresAt: true },
        })
      : Promise.resolve(null),
  ]);
  return { ...user, activeSessions, currentSession };
}
