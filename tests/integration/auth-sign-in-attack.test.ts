// Sign-in under attack, against a real database: a burst of wrong codes from someone who knows
// the password, a stranger guessing passwords, and an enumeration probe that compares the answers
// for a registered and an unregistered address once the throttles take over.
import { beforeAll, describe, expect, it } from "vitest";
import { AUTH_AUDIT } from "@/lib/auth/audit-actions";
import { checkPassword, completeSignIn, LOCKOUT_MS } from "@/lib/auth/sign-in";
import { createDb, poolOf } from "@/lib/db/client";
import { LIMITS } from "@/lib/rate-limit/limits";
import { useFreshDb } from "./helpers/db";
import { auditRows, codeFor, contextFrom, makeAgency, makeUser, PASSWORD, wrongCodeFor } from "./auth-fixtures";

describe("sign-in under attack", () => {
  const t = useFreshDb();
  let agencyId: string;

  beforeAll(async () => {
    process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
    process.env.DATABASE_URL ??= t().url;
    agencyId = (await makeAgency(t().db, "attack-pd")).id;
  });

  const T0 = new Date("2026-11-23T15:00:00Z");
  let nextAddress = 0;
  /** A caller from an address no other attempt in this file used. */
  const fresh = () => contextFrom(`192.0.2.${++nextAddress}`);

  it("evaluates at most five of 40 concurrent wrong codes, and then refuses even the right code", async () => {
    const db = t().db;
    // Two pools, as two app processes would have.
    const second = createDb(t().url, 10);
    try {
      const user = await makeUser(db, agencyId);
      const wrong = wrongCodeFor(user.secret, T0);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          completeSignIn({
            db: i % 2 ? second : db,
            email: user.email,
            password: PASSWORD,
            code: wrong,
            now: T0,
            context: fresh(),
          }),
        ),
      );
      expect(results.filter((r) => r.status === "SIGNED_IN")).toHaveLength(0);
      expect(results.some((r) => r.status === "LOCKED")).toBe(true);

      const codeChecks = (await auditRows(db, AUTH_AUDIT.signIn)).filter(
        (r) => r.actorUserId === user.id && (r.details as { reason?: string }).reason === "BAD_CODE",
      );
      expect(codeChecks.length).toBeGreaterThan(0);
      expect(codeChecks.length).toBeLessThanOrEqual(5);
      expect((await auditRows(db, AUTH_AUDIT.lockout)).filter((r) => r.actorUserId === user.id)).toHaveLength(1);

      const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(locked.lockedUntil!.getTime()).toBe(T0.getTime() + LOCKOUT_MS);

      // The owner's right code, a moment later: refused, the lock stands, no session.
      const right = await completeSignIn({
        db,
        email: user.email,
        password: PASSWORD,
        code: codeFor(user.secret, T0, 1),
        now: new Date(T0.getTime() + 30_000),
        context: fresh(),
      });
      expect(right).toMatchObject({ status: "LOCKED" });
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toEqual(locked.lockedUntil);
      expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    } finally {
      await second.$disconnect();
      await poolOf(second)
        ?.end()
        .catch(() => {});
    }
  });

  it("a right code racing a burst of wrong ones never signs in once the account has locked", async () => {
    const db = t().db;
    const user = await makeUser(db, agencyId);
    const wrong = wrongCodeFor(user.secret, T0);
    const right = codeFor(user.secret, T0);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        completeSignIn({
          db,
          email: user.email,
          password: PASSWORD,
          code: i === 10 ? right : wrong,
          now: T0,
          context: fresh(),
        }),
      ),
    );
    const signedIn = results.filter((r) => r.status === "SIGNED_IN");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    // Either the right code won before the lock (and nothing locked after it), or it lost and no
    // session exists: never a session on a locked account, never a lock cleared by a right code.
    if (signedIn.length > 0) {
      expect(signedIn).toHaveLength(1);
      const lockouts = (await auditRows(db, AUTH_AUDIT.lockout)).filter((r) => r.actorUserId === user.id);
      const success = (await auditRows(db, AUTH_AUDIT.signIn)).find(
        (r) => r.actorUserId === user.id && r.outcome === "SUCCESS",
      );
      expect(lockouts.every((l) => l.seq > success!.seq)).toBe(true);
    } else {
      expect(stored.lockedUntil).not.toBeNull();
      expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    }
    const codeChecks = (await auditRows(db, AUTH_AUDIT.signIn)).filter(
      (r) => r.actorUserId === user.id && (r.details as { reason?: string }).reason === "BAD_CODE",
    );
    expect(codeChecks.length).toBeLessThanOrEqual(signedIn.length > 0 ? 9 : 5);
  });

  it("a stranger guessing passwords from one address is slowed down, but cannot lock the owner out", async () => {
    const db = t().db;
    const user = await makeUser(db, agencyId);
    const stranger = fresh();
    const answers: string[] = [];
    for (let i = 0; i < 25; i++) {
      answers.push(
        (
          await checkPassword({
            db,
            email: user.email,
            password: `guess number ${i}`,
            now: new Date(T0.getTime() + i * 1000),
            context: stranger,
          })
        ).status,
      );
    }
    // Wrong until the address's burst allowance is spent, then told to wait; never "locked".
    expect(answers.slice(0, LIMITS.signInAddressBurst.points)).toEqual(
      Array(LIMITS.signInAddressBurst.points).fill("INVALID"),
    );
    expect(answers.slice(LIMITS.signInAddressBurst.points)).toEqual(
      Array(25 - LIMITS.signInAddressBurst.points).fill("THROTTLED"),
    );
    // Throttled guesses are not even checked: the password the stranger now tries does not matter.
    expect(
      (await checkPassword({ db, email: user.email, password: PASSWORD, now: T0, context: stranger })).status,
    ).toBe("THROTTLED");

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect((await auditRows(db, AUTH_AUDIT.lockout)).filter((r) => r.actorUserId === user.id)).toHaveLength(0);

    // The owner, from their own address, signs in with password and code.
    const owner = fresh();
    const at = new Date(T0.getTime() + 60_000);
    expect(await checkPassword({ db, email: user.email, password: PASSWORD, now: at, context: owner })).toEqual({
      status: "CODE_REQUIRED",
    });
    expect(
      (
        await completeSignIn({
          db,
          email: user.email,
          password: PASSWORD,
          code: codeFor(user.secret, at),
          now: at,
          context: owner,
        })
      ).status,
    ).toBe("SIGNED_IN");

    // The address going over its limit is recorded once, not once per refused guess.
    const throttled = (await auditRows(db, AUTH_AUDIT.signInThrottled)).filter((r) => r.sourceIp === stranger.sourceIp);
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({
      outcome: "DENIED",
      actorLabel: user.email,
      details: { limit: "signInAddressBurst" },
    });
  });

  it("answers a registered and an unregistered address alike once guesses from many addresses throttle them", async () => {
    const db = t().db;
    const user = await makeUser(db, agencyId);
    const nobody = "not-registered@example.gov";
    const { points } = LIMITS.signInAccount;
    const probe = async (email: string) => {
      const answers: string[] = [];
      // Spread over many addresses, as a botnet would, so only the per-account throttle applies.
      for (let i = 0; i < points + 2; i++)
        answers.push((await checkPassword({ db, email, password: `guess ${i}`, now: T0, context: fresh() })).status);
      return answers;
    };
    const known = await probe(user.email);
    const unknown = await probe(nobody);
    expect(known).toEqual(unknown);
    expect(known.slice(0, points)).toEqual(Array(points).fill("INVALID"));
    expect(known.slice(points)).toEqual(["THROTTLED", "THROTTLED"]);

    const knownAnswer = await checkPassword({
      db,
      email: user.email.toUpperCase(),
      password: PASSWORD,
      now: T0,
      context: fresh(),
    });
    const unknownAnswer = await checkPassword({ db, email: nobody, password: PASSWORD, now: T0, context: fresh() });
    expect(Object.keys(knownAnswer)).toEqual(Object.keys(unknownAnswer));
    expect(knownAnswer.status).toBe("THROTTLED");
    expect(unknownAnswer.status).toBe("THROTTLED");
    const wait = (r: typeof knownAnswer) => (r.status === "THROTTLED" ? r.retryAfterSec : -1);
    expect(Math.abs(wait(knownAnswer) - wait(unknownAnswer))).toBeLessThanOrEqual(60);
    expect(wait(knownAnswer)).toBeGreaterThan(LIMITS.signInAccount.durationSec - 120);

    // Throttled, not locked: the account itself is untouched.
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      failedAttempts: 0,
      lockedUntil: null,
    });
  });

  it("does not count successful sign-ins from a busy address (many people behind one gateway)", async () => {
    const db = t().db;
    const gateway = fresh();
    for (let i = 0; i < LIMITS.signInAddressBurst.points + 5; i++) {
      const user = await makeUser(db, agencyId);
      const at = new Date(T0.getTime() + i * 60_000);
      expect(await checkPassword({ db, email: user.email, password: PASSWORD, now: at, context: gateway })).toEqual({
        status: "CODE_REQUIRED",
      });
      expect(
        (
          await completeSignIn({
            db,
            email: user.email,
            password: PASSWORD,
            code: codeFor(user.secret, at),
            now: at,
            context: gateway,
          })
        ).status,
      ).toBe("SIGNED_IN");
    }
  });
});
