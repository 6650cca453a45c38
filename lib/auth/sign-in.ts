// Signing in: password, then a TOTP code (or, on first sign-in, enrolling an authenticator).
// Five consecutive failures lock the account for ten minutes. Unknown emails and wrong
// passwords get the same answer; a locked account is told that it is locked.
import { db as defaultDb, type Db, type Tx } from "../db/client";
import type { User } from "../db/generated/client";
import { recordAudit } from "../audit/record";
import { AUTH_AUDIT, type SignInFailureReason } from "./audit-actions";
import { burnPasswordCheck, verifyPassword } from "./password";
import type { RequestContext } from "./request-context";
import { createSession } from "./sessions";
import { decryptTotpSecret, encryptTotpSecret, generateTotpSecret, otpauthUri, verifyTotp } from "./totp";

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 10 * 60_000;

type Locked = { status: "LOCKED"; lockedUntil: Date };
type Invalid = { status: "INVALID" };
type Enrol = { status: "ENROL"; secret: string; otpauthUri: string };

export type PasswordStepResult = { status: "CODE_REQUIRED" } | Enrol | Invalid | Locked;
export type SignInResult = { status: "SIGNED_IN"; sessionId: string; userId: string } | { status: "BAD_CODE" } | Enrol | Invalid | Locked;

type Attempt = { email: string; password: string; now: Date; context: RequestContext; db?: Db };
type Candidate = User & { agency: { active: boolean } };

/** Step one: checks the password and says what the second step is (a code, or enrolment). */
export async function checkPassword(attempt: Attempt): Promise<PasswordStepResult> {
  const d = attempt.db ?? defaultDb();
  const first = await firstFactor(d, attempt);
  if ("status" in first) return first;
  if (first.user.totpSecret) return { status: "CODE_REQUIRED" };
  return beginEnrolment(d, first.user, attempt);
}

/** Step two: password and code together. On success, a new session. */
export async function completeSignIn(attempt: Attempt & { code: string }): Promise<SignInResult> {
  const d = attempt.db ?? defaultDb();
  const first = await firstFactor(d, attempt);
  if ("status" in first) return first;
  const { user } = first;
  const stored = user.totpSecret ?? user.totpPendingSecret;
  if (!stored) return beginEnrolment(d, user, attempt);

  const enrolling = !user.totpSecret;
  const step = verifyTotp(decryptTotpSecret(stored), attempt.code, attempt.now, enrolling ? null : user.lastTotpStep);
  if (step === null) return failure(d, user, "BAD_CODE", attempt, { status: "BAD_CODE" });

  const sessionId = await d.$transaction(async (tx) => {
    // The step is claimed atomically, so two requests racing with one code cannot both win.
    const claimed = await tx.user.updateMany({
      where: { id: user.id, OR: [{ lastTotpStep: null }, { lastTotpStep: { lt: step } }] },
      data: {
        lastTotpStep: step,
        failedAttempts: 0,
        lockedUntil: null,
        ...(enrolling ? { totpSecret: stored, totpPendingSecret: null, mfaEnrolledAt: attempt.now } : {}),
      },
    });
    if (claimed.count === 0) return null;
    if (enrolling) await audit(tx, user, attempt, AUTH_AUDIT.mfaEnrol, "SUCCESS", {});
    const session = await createSession(tx, { userId: user.id, now: attempt.now, context: attempt.context });
    await audit(tx, user, attempt, AUTH_AUDIT.signIn, "SUCCESS", { sessionId: session.id, enrolled: enrolling });
    return session.id;
  });
  if (!sessionId) return failure(d, user, "BAD_CODE", attempt, { status: "BAD_CODE" });
  return { status: "SIGNED_IN", sessionId, userId: user.id };
}

/** Whole minutes left on a lock, rounded up, for the message the user sees. */
export function lockMinutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function firstFactor(d: Db, attempt: Attempt): Promise<{ user: Candidate } | Invalid | Locked> {
  const email = normaliseEmail(attempt.email);
  const user = await d.user.findUnique({ where: { email }, include: { agency: { select: { active: true } } } });
  if (!user) {
    await burnPasswordCheck(attempt.password);
    await d.$transaction((tx) =>
      recordAudit(tx, {
        action: AUTH_AUDIT.signIn,
        outcome: "FAILURE",
        actorLabel: email.slice(0, 200),
        requestId: attempt.context.requestId,
        sourceIp: attempt.context.sourceIp,
        details: { reason: "UNKNOWN_USER" satisfies SignInFailureReason },
        at: attempt.now,
      }),
    );
    return { status: "INVALID" };
  }
  const lockedUntil = user.lockedUntil;
  if (lockedUntil && lockedUntil > attempt.now) {
    await d.$transaction((tx) => audit(tx, user, attempt, AUTH_AUDIT.signIn, "FAILURE", { reason: "LOCKED", lockedUntil: lockedUntil.toISOString() }));
    return { status: "LOCKED", lockedUntil };
  }
  if (!(await verifyPassword(user.passwordHash, attempt.password))) {
    return failure(d, user, "BAD_PASSWORD", attempt, { status: "INVALID" });
  }
  if (!user.active || !user.agency.active) {
    await d.$transaction((tx) => audit(tx, user, attempt, AUTH_AUDIT.signIn, "FAILURE", { reason: "INACTIVE" }));
    return { status: "INVALID" };
  }
  return { user };
}

/** Counts a failed attempt; the fifth in a row locks the account. */
async function failure<T extends Invalid | { status: "BAD_CODE" }>(d: Db, user: User, reason: SignInFailureReason, attempt: Attempt, result: T): Promise<T | Locked> {
  return d.$transaction(async (tx) => {
    // The increment takes the row lock, so concurrent failures are counted one after another.
    const { failedAttempts } = await tx.user.update({
      where: { id: user.id },
      data: { failedAttempts: { increment: 1 } },
      select: { failedAttempts: true },
    });
    await audit(tx, user, attempt, AUTH_AUDIT.signIn, "FAILURE", { reason, consecutiveFailures: failedAttempts });
    if (failedAttempts < LOCKOUT_THRESHOLD) return result;
    const lockedUntil = new Date(attempt.now.getTime() + LOCKOUT_MS);
    // The counter starts again from zero once the lock runs out.
    await tx.user.update({ where: { id: user.id }, data: { lockedUntil, failedAttempts: 0 } });
    await audit(tx, user, attempt, AUTH_AUDIT.lockout, "SUCCESS", { lockedUntil: lockedUntil.toISOString(), failures: failedAttempts });
    return { status: "LOCKED", lockedUntil } as Locked;
  });
}

/** Starts (or resumes) enrolment: a pending secret the user must prove with one code. */
async function beginEnrolment(d: Db, user: User, attempt: Attempt): Promise<Enrol> {
  const enrol = (secret: string): Enrol => ({ status: "ENROL", secret, otpauthUri: otpauthUri(secret, user.email) });
  if (user.totpPendingSecret) return enrol(decryptTotpSecret(user.totpPendingSecret));
  const secret = generateTotpSecret();
  const pending = await d.$transaction(async (tx) => {
    const claimed = await tx.user.updateMany({
      where: { id: user.id, totpSecret: null, totpPendingSecret: null },
      data: { totpPendingSecret: encryptTotpSecret(secret) },
    });
    if (claimed.count === 0) {
      // A parallel request started enrolment first: show the secret it stored.
      const current = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpPendingSecret: true } });
      return current.totpPendingSecret ? decryptTotpSecret(current.totpPendingSecret) : secret;
    }
    await audit(tx, user, attempt, AUTH_AUDIT.mfaEnrolStart, "SUCCESS", {});
    return secret;
  });
  return enrol(pending);
}

function audit(tx: Tx, user: User, attempt: Attempt, action: string, outcome: "SUCCESS" | "FAILURE", details: Record<string, unknown>) {
  return recordAudit(tx, {
    action,
    outcome,
    actorUserId: user.id,
    actorLabel: user.email,
    agencyId: user.agencyId,
    targetType: "User",
    targetId: user.id,
    requestId: attempt.context.requestId,
    sourceIp: attempt.context.sourceIp,
    details,
    at: attempt.now,
  });
}
