// Signing in: password, then a TOTP code (or, on first sign-in, enrolling an authenticator).
// Every step passes the address and account throttles first (lib/auth/sign-in-throttle.ts).
// Wrong passwords only ever slow the sender down; the hard lock (ten minutes) follows five wrong
// codes, which takes knowing the password. Each code check first reserves one of the five
// attempts atomically, so however many arrive at once, at most five wrong codes are evaluated.
// Unknown emails, wrong passwords and inactive accounts get the same answer; only someone who
// gave the right password is told that the account is locked.
import { db as defaultDb, type Db, type Tx } from "../db/client";
import { Prisma, type User } from "../db/generated/client";
import { recordAudit } from "../audit/record";
import { AUTH_AUDIT, type SignInFailureReason } from "./audit-actions";
import { burnPasswordCheck, verifyPassword } from "./password";
import type { RequestContext } from "./request-context";
import type { SignInError } from "./sign-in-errors";
import { createSession } from "./sessions";
import { admitSignIn, settleSignIn, type Throttled } from "./sign-in-throttle";
import { decryptTotpSecret, encryptTotpSecret, generateTotpSecret, otpauthUri, verifyTotp } from "./totp";

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 10 * 60_000;

type Locked = { status: "LOCKED"; lockedUntil: Date };
type Invalid = { status: "INVALID" };
type Enrol = { status: "ENROL"; secret: string; otpauthUri: string };

export type PasswordStepResult = { status: "CODE_REQUIRED" } | Enrol | Invalid | Locked | Throttled;
export type SignInResult =
  | { status: "SIGNED_IN"; sessionId: string; userId: string }
  | { status: "BAD_CODE" }
  | Enrol
  | Invalid
  | Locked
  | Throttled;

type Attempt = { email: string; password: string; now: Date; context: RequestContext; db?: Db };
type Candidate = User & { agency: { active: boolean } };

/** Step one: checks the password and says what the second step is (a code, or enrolment). */
export async function checkPassword(attempt: Attempt): Promise<PasswordStepResult> {
  const d = attempt.db ?? defaultDb();
  return throttled(d, attempt, async () => {
    const first = await firstFactor(d, attempt);
    if ("status" in first) return first;
    if (first.user.totpSecret) return { status: "CODE_REQUIRED" };
    return beginEnrolment(d, first.user, attempt);
  });
}

/** Step two: password and code together. On success, a new session. */
export async function completeSignIn(attempt: Attempt & { code: string }): Promise<SignInResult> {
  const d = attempt.db ?? defaultDb();
  return throttled(d, attempt, async () => {
    const first = await firstFactor(d, attempt);
    if ("status" in first) return first;
    const { user } = first;
    const stored = user.totpSecret ?? user.totpPendingSecret;
    if (!stored) return beginEnrolment(d, user, attempt);

    // One of the five attempts is ours before the code is looked at, or the account is locked.
    const reserved = await reserveCodeAttempt(d, user, attempt);
    if (reserved) return reserved;

    const enrolling = !user.totpSecret;
    const step = verifyTotp(decryptTotpSecret(stored), attempt.code, attempt.now, enrolling ? null : user.lastTotpStep);
    if (step === null) return codeFailure(d, user, attempt);

    const outcome = await d.$transaction(async (tx) => {
      // The step is claimed atomically, so two requests racing with one code cannot both win; and
      // only while the account is unlocked, so a lock taken meanwhile holds against a right code.
      const claimed = await tx.user.updateMany({
        where: {
          id: user.id,
          AND: [
            { OR: [{ lastTotpStep: null }, { lastTotpStep: { lt: step } }] },
            { OR: [{ lockedUntil: null }, { lockedUntil: { lte: attempt.now } }] },
          ],
        },
        data: {
          lastTotpStep: step,
          failedAttempts: 0,
          lockedUntil: null,
          ...(enrolling ? { totpSecret: stored, totpPendingSecret: null, mfaEnrolledAt: attempt.now } : {}),
        },
      });
      if (claimed.count === 0) {
        const { lockedUntil } = await tx.user.findUniqueOrThrow({
          where: { id: user.id },
          select: { lockedUntil: true },
        });
        return lockedUntil && lockedUntil > attempt.now ? ({ status: "LOCKED", lockedUntil } as Locked) : null;
      }
      if (enrolling) await audit(tx, user, attempt, AUTH_AUDIT.mfaEnrol, "SUCCESS", {});
      const session = await createSession(tx, { userId: user.id, now: attempt.now, context: attempt.context });
      await audit(tx, user, attempt, AUTH_AUDIT.signIn, "SUCCESS", { sessionId: session.id, enrolled: enrolling });
      return { status: "SIGNED_IN", sessionId: session.id, userId: user.id } as const;
    });
    if (outcome === null) return codeFailure(d, user, attempt); // a code used before
    if (outcome.status === "LOCKED") return refuseLocked(d, user, attempt, outcome.lockedUntil);
    return outcome;
  });
}

const FAILED = new Set(["INVALID", "BAD_CODE"]);

/** Runs a sign-in step behind the throttles; only a failed step keeps its points spent. */
async function throttled<T extends { status: string }>(
  d: Db,
  attempt: Attempt,
  step: () => Promise<T>,
): Promise<T | Throttled> {
  const email = normaliseEmail(attempt.email);
  const admission = await admitSignIn(d, email, attempt.context.sourceIp);
  if (!admission.admitted) {
    if (admission.tipped) {
      // Once per window that goes over, not per refused request: a flood must not flood the log.
      await d.$transaction((tx) =>
        recordAudit(tx, {
          action: AUTH_AUDIT.signInThrottled,
          outcome: "DENIED",
          actorLabel: email.slice(0, 200),
          requestId: attempt.context.requestId,
          sourceIp: attempt.context.sourceIp,
          details: { limit: admission.tipped, retryAfterSec: admission.refusal.retryAfterSec },
          at: attempt.now,
        }),
      );
    }
    return admission.refusal;
  }
  let failed = true;
  try {
    const result = await step();
    failed = FAILED.has(result.status);
    return result;
  } finally {
    if (!failed) await settleSignIn(d, admission.charges);
  }
}

/** Whole minutes left on a lock, rounded up, for the message the user sees. */
export function lockMinutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

/** What the sign-in form is told about a refused step. */
export function signInRefusal(
  result: Exclude<SignInResult, { status: "SIGNED_IN" }> | Exclude<PasswordStepResult, { status: "CODE_REQUIRED" }>,
  now: Date,
): SignInError {
  switch (result.status) {
    case "LOCKED":
      return { code: "LOCKED", minutes: lockMinutesLeft(result.lockedUntil, now) };
    case "THROTTLED":
      return { code: "THROTTLED", retryAfterSec: result.retryAfterSec };
    default:
      return { code: result.status };
  }
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
  // A wrong password counts against the sender (the throttles), never towards the account's lock.
  if (!(await verifyPassword(user.passwordHash, attempt.password))) {
    await d.$transaction((tx) => audit(tx, user, attempt, AUTH_AUDIT.signIn, "FAILURE", { reason: "BAD_PASSWORD" }));
    return { status: "INVALID" };
  }
  if (!user.active || !user.agency.active) {
    await d.$transaction((tx) => audit(tx, user, attempt, AUTH_AUDIT.signIn, "FAILURE", { reason: "INACTIVE" }));
    return { status: "INVALID" };
  }
  const lockedUntil = user.lockedUntil;
  if (lockedUntil && lockedUntil > attempt.now) return refuseLocked(d, user, attempt, lockedUntil);
  return { user };
}

async function refuseLocked(d: Db, user: User, attempt: Attempt, lockedUntil: Date): Promise<Locked> {
  await d.$transaction((tx) =>
    audit(tx, user, attempt, AUTH_AUDIT.signIn, "FAILURE", {
      reason: "LOCKED",
      lockedUntil: lockedUntil.toISOString(),
    }),
  );
  return { status: "LOCKED", lockedUntil };
}

/**
 * Takes one of the account's five code attempts, in one statement: only while it is unlocked and
 * fewer than five attempts are failed or still being checked. With none left, the account locks
 * (five in a row went unanswered by a right code) and the attempt is refused; null means go on.
 */
async function reserveCodeAttempt(d: Db, user: User, attempt: Attempt): Promise<Locked | null> {
  const now = attempt.now;
  const taken = await d.$queryRaw<{ failedAttempts: number }[]>(Prisma.sql`
    UPDATE "User" SET "failedAttempts" = "failedAttempts" + 1
    WHERE id = ${user.id}::uuid AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}) AND "failedAttempts" < ${LOCKOUT_THRESHOLD}
    RETURNING "failedAttempts"`);
  if (taken.length > 0) return null;
  const lockedUntil = (await lockIfSpent(d, user, attempt)) ?? (await currentLock(d, user.id, now));
  return refuseLocked(d, user, attempt, lockedUntil ?? new Date(now.getTime() + LOCKOUT_MS));
}

/** A wrong (or already used) code: its reserved attempt stays spent; the fifth locks the account. */
async function codeFailure(d: Db, user: User, attempt: Attempt): Promise<{ status: "BAD_CODE" } | Locked> {
  const { failedAttempts } = await d.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { failedAttempts: true },
  });
  await d.$transaction((tx) =>
    audit(tx, user, attempt, AUTH_AUDIT.signIn, "FAILURE", { reason: "BAD_CODE", consecutiveFailures: failedAttempts }),
  );
  const lockedUntil = await lockIfSpent(d, user, attempt);
  return lockedUntil ? { status: "LOCKED", lockedUntil } : { status: "BAD_CODE" };
}

/** Locks the account when all five attempts are spent and it is not locked yet; the lock's end, or null. */
async function lockIfSpent(d: Db, user: User, attempt: Attempt): Promise<Date | null> {
  const now = attempt.now;
  const lockedUntil = new Date(now.getTime() + LOCKOUT_MS);
  return d.$transaction(async (tx) => {
    // The counter starts again from zero for when the lock runs out.
    const locked = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
      UPDATE "User" SET "lockedUntil" = ${lockedUntil}, "failedAttempts" = 0
      WHERE id = ${user.id}::uuid AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}) AND "failedAttempts" >= ${LOCKOUT_THRESHOLD}
      RETURNING id`);
    if (locked.length === 0) return null;
    await audit(tx, user, attempt, AUTH_AUDIT.lockout, "SUCCESS", {
      lockedUntil: lockedUntil.toISOString(),
      failures: LOCKOUT_THRESHOLD,
    });
    return lockedUntil;
  });
}

async function currentLock(d: Db, userId: string, now: Date): Promise<Date | null> {
  const { lockedUntil } = await d.user.findUniqueOrThrow({ where: { id: userId }, select: { lockedUntil: true } });
  return lockedUntil && lockedUntil > now ? lockedUntil : null;
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

function audit(
  tx: Tx,
  user: User,
  attempt: Attempt,
  action: string,
  outcome: "SUCCESS" | "FAILURE",
  details: Record<string, unknown>,
) {
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
