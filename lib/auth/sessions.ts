// Server-side sessions. The browser's token names a UserSession row and nothing else; whether
// that session still counts (idle lock, 12-hour limit, sign-out, deactivation, password change)
// is decided here, against the database, on every request.
import { db as defaultDb, type Db, type Tx } from "../db/client";
import { recordAudit } from "../audit/record";
import { userActor, type Actor } from "./actor";
import { AUTH_AUDIT } from "./audit-actions";
import type { RequestContext } from "./request-context";

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** lastSeenAt is written at most this often, not on every request. */
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionVerdict = "ACTIVE" | "IDLE" | "EXPIRED" | "REVOKED" | "INACTIVE" | "PASSWORD_CHANGED";
/** What the sign-in page tells someone whose session ended. */
export type EndReason = "idle" | "expired" | "signedOut";

type SessionFacts = { createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null };
type UserFacts = { active: boolean; passwordChangedAt: Date; agencyActive: boolean };

export function sessionVerdict(session: SessionFacts, user: UserFacts, now: Date): SessionVerdict {
  if (session.revokedAt) return "REVOKED";
  if (!user.active || !user.agencyActive) return "INACTIVE";
  if (user.passwordChangedAt > session.createdAt) return "PASSWORD_CHANGED";
  if (now >= session.expiresAt) return "EXPIRED";
  if (now.getTime() - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return "IDLE";
  return "ACTIVE";
}

/** The reason shown at /login; a session revoked earlier is explained by when it was revoked. */
export function endReason(verdict: Exclude<SessionVerdict, "ACTIVE">, session: SessionFacts): EndReason {
  if (verdict === "IDLE") return "idle";
  if (verdict === "EXPIRED") return "expired";
  if (verdict === "REVOKED" && session.revokedAt) {
    if (session.revokedAt.getTime() - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return "idle";
    if (session.revokedAt >= session.expiresAt) return "expired";
  }
  return "signedOut";
}

export async function createSession(
  tx: Tx,
  { userId, now, context }: { userId: string; now: Date; context: RequestContext },
) {
  return tx.userSession.create({
    data: {
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
      sourceIp: context.sourceIp,
      userAgent: context.userAgent,
    },
    select: { id: true },
  });
}

export type ResolvedSession = { actor: Actor; reason: null } | { actor: null; reason: EndReason | null };

/**
 * Turns a session id from the browser's token into an Actor, or says why it no longer counts.
 * An idle or expired session is revoked (and the idle lock audited) the first time it is seen.
 * `activity` says whether the request is the person doing something (lib/auth/activity.ts):
 * only then does it push the idle lock back. Live streams and background refreshes do not.
 */
export async function resolveSession({
  sessionId,
  now,
  context,
  activity,
  db,
}: {
  sessionId: string;
  now: Date;
  context: RequestContext;
  activity: boolean;
  db?: Db;
}): Promise<ResolvedSession> {
  const d = db ?? defaultDb();
  const session = await d.userSession.findUnique({
    where: { id: sessionId },
    include: { user: { include: { agency: { select: { id: true, name: true, timeZone: true, active: true } } } } },
  });
  if (!session) return { actor: null, reason: null };
  const { user } = session;
  const verdict = sessionVerdict(
    session,
    { active: user.active, passwordChangedAt: user.passwordChangedAt, agencyActive: user.agency.active },
    now,
  );
  if (verdict !== "ACTIVE") {
    if (verdict === "IDLE" || verdict === "EXPIRED") await endSession(d, session, verdict, now, context);
    return { actor: null, reason: endReason(verdict, session) };
  }
  if (activity && now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await d.userSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  const actor = userActor(user, {
    sessionId: session.id,
    requestId: context.requestId,
    sourceIp: context.sourceIp,
    mustChangePassword: user.mustChangePassword,
  });

  return { actor, reason: null };
}

type EndingSession = {
  id: string;
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  user: { email: string; agencyId: string };
};

async function endSession(
  d: Db,
  session: EndingSession,
  verdict: "IDLE" | "EXPIRED",
  now: Date,
  context: RequestContext,
) {
  await d.$transaction(async (tx) => {
    // Only the request that actually revokes it records the event.
    const revoked = await tx.userSession.updateMany({
      where: { id: session.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (revoked.count === 0) return;
    await recordAudit(tx, {
      action: verdict === "IDLE" ? AUTH_AUDIT.idleLock : AUTH_AUDIT.sessionExpired,
      actorUserId: session.userId,
      actorLabel: session.user.email,
      agencyId: session.user.agencyId,
      targetType: "UserSession",
      targetId: session.id,
      requestId: context.requestId,
      sourceIp: context.sourceIp,
      details: { lastSeenAt: session.lastSeenAt.toISOString(), expiresAt: session.expiresAt.toISOString() },
      at: now,
    });
  });
}

/** Ends one session (the one signing out). Returns false if it had already ended. */
export async function signOutSession({
  sessionId,
  now,
  context,
  db,
}: {
  sessionId: string;
  now: Date;
  context: RequestContext;
  db?: Db;
}): Promise<boolean> {
  const d = db ?? defaultDb();
  return d.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({
      where: { id: sessionId },
      include: { user: { select: { email: true, agencyId: true } } },
    });
    if (!session) return false;
    const revoked = await tx.userSession.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: now },
    });
    if (revoked.count === 0) return false;
    await recordAudit(tx, {
      action: AUTH_AUDIT.signOut,
      actorUserId: session.userId,
      actorLabel: session.user.email,
      agencyId: session.user.agencyId,
      targetType: "UserSession",
      targetId: session.id,
      requestId: context.requestId,
      sourceIp: context.sourceIp,
      at: now,
    });
    return true;
  });
}

/** Revokes every open session of a user, inside the caller's transaction. Returns how many. */
export async function revokeAllSessions(tx: Tx, userId: string, now: Date): Promise<number> {
  const { count } = await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
