// Signing in against a real database: password then code, first-time enrolment, lockout after
// five wrong codes and its expiry, and the audit trail each step leaves. Each test signs in from
// its own address, so the address throttle of one never meets another's failures.
import { beforeAll, describe, expect, it } from "vitest";
import { AUTH_AUDIT } from "@/lib/auth/audit-actions";
import { checkPassword, completeSignIn, LOCKOUT_MS } from "@/lib/auth/sign-in";
import { decryptTotpSecret } from "@/lib/auth/totp";
import { verifyAuditChain } from "@/lib/audit/verify";
import { useFreshDb } from "./helpers/db";
import {
  auditRows,
  codeFor,
  context,
  contextFrom,
  makeAgency,
  makeUser,
  PASSWORD,
  wrongCodeFor,
} from "./auth-fixtures";

describe("sign-in", () => {
  const t = useFreshDb();
  let agencyId: string;

  beforeAll(async () => {
    process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
    process.env.DATABASE_URL ??= t().url;
    agencyId = (await makeAgency(t().db, "sign-in-pd")).id;
  });

  const T0 = new Date("2026-11-23T15:00:00Z");
  const later = (ms: number) => new Date(T0.getTime() + ms);

  describe("signing in", () => {
    it("asks an enrolled user for a code, then opens a session and resets the failure count", async () => {
      const db = t().db;
      const user = await makeUser(db, agencyId);
      await db.user.update({ where: { id: user.id }, data: { failedAttempts: 3 } });

      expect(await checkPassword({ db, email: user.email, password: PASSWORD, now: T0, context })).toEqual({
        status: "CODE_REQUIRED",
      });
      const result = await completeSignIn({
        db,
        email: user.email.toUpperCase(),
        password: PASSWORD,
        code: codeFor(user.secret, T0),
        now: T0,
        context,
      });

      expect(result.status).toBe("SIGNED_IN");
      const sessionId = result.status === "SIGNED_IN" ? result.sessionId : "";
      const session = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
      expect(session).toMatchObject({
        userId: user.id,
        createdAt: T0,
        lastSeenAt: T0,
        revokedAt: null,
        sourceIp: "203.0.113.9",
        userAgent: "vitest",
      });
      expect(session.expiresAt).toEqual(later(12 * 3600_000));
      const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(after.failedAttempts).toBe(0);

      const success = (await auditRows(db, AUTH_AUDIT.signIn)).filter(
        (r) => r.actorUserId === user.id && r.outcome === "SUCCESS",
      );
      expect(success).toHaveLength(1);
      expect(success[0]).toMatchObject({
        agencyId,
        actorLabel: user.email,
        requestId: "req-auth-test",
        sourceIp: "203.0.113.9",
      });
      expect(success[0].details).toMatchObject({ sessionId });
    });

    it("refuses a wrong code and the reuse of a code already used", async () => {
      const db = t().db;
      const context = contextFrom("198.51.100.2");
      const user = await makeUser(db, agencyId);
      const wrong = await completeSignIn({
        db,
        email: user.email,
        password: PASSWORD,
        code: wrongCodeFor(user.secret, T0),
        now: T0,
        context,
      });
      expect(wrong).toEqual({ status: "BAD_CODE" });

      const code = codeFor(user.secret, T0);
      expect((await completeSignIn({ db, email: user.email, password: PASSWORD, code, now: T0, context })).status).toBe(
        "SIGNED_IN",
      );
      expect(
        await completeSignIn({ db, email: user.email, password: PASSWORD, code, now: later(5_000), context }),
      ).toEqual({ status: "BAD_CODE" });
      // The next step's code is fine.
      expect(
        (
          await completeSignIn({
            db,
            email: user.email,
            password: PASSWORD,
            code: codeFor(user.secret, later(30_000)),
            now: later(30_000),
            context,
          })
        ).status,
      ).toBe("SIGNED_IN");

      const failures = (await auditRows(db, AUTH_AUDIT.signIn)).filter(
        (r) => r.actorUserId === user.id && r.outcome === "FAILURE",
      );
      expect(failures.map((r) => (r.details as { reason: string }).reason)).toEqual(["BAD_CODE", "BAD_CODE"]);
    });

    it("gives an unknown email the same answer as a wrong password, and audits the attempted email", async () => {
      const db = t().db;
      const context = contextFrom("198.51.100.3");
      const user = await makeUser(db, agencyId);
      const unknown = await checkPassword({ db, email: "Nobody@Example.gov", password: PASSWORD, now: T0, context });
      const wrong = await checkPassword({
        db,
        email: user.email,
        password: "not the password at all",
        now: T0,
        context,
      });
      expect(unknown).toEqual({ status: "INVALID" });
      expect(wrong).toEqual(unknown);

      const rows = await auditRows(db, AUTH_AUDIT.signIn);
      const forUnknown = rows.find((r) => r.actorLabel === "nobody@example.gov");
      expect(forUnknown).toMatchObject({
        outcome: "FAILURE",
        actorUserId: null,
        agencyId: null,
        details: { reason: "UNKNOWN_USER" },
      });
      expect(rows.find((r) => r.actorUserId === user.id)).toMatchObject({
        outcome: "FAILURE",
        agencyId,
        details: { reason: "BAD_PASSWORD" },
      });
    });

    it("refuses a deactivated account with the generic answer", async () => {
      const db = t().db;
      const context = contextFrom("198.51.100.4");
      const user = await makeUser(db, agencyId);
      await db.user.update({ where: { id: user.id }, data: { active: false } });
      expect(
        await completeSignIn({
          db,
          email: user.email,
          password: PASSWORD,
          code: codeFor(user.secret, T0),
          now: T0,
          context,
        }),
      ).toEqual({ status: "INVALID" });
    });
  });

  describe("lockout", () => {
    it("locks after five wrong codes (wrong passwords never count), refuses even the right code while locked, and unlocks after ten minutes", async () => {
      const db = t().db;
      const context = contextFrom("198.51.100.5");
      const user = await makeUser(db, agencyId);
      const attempt = (password: string, at: Date, code = codeFor(user.secret, at)) =>
        completeSignIn({ db, email: user.email, password, code, now: at, context });

      for (let i = 1; i <= 4; i++)
        expect(await attempt("wrong password", later(i * 1000))).toEqual({ status: "INVALID" });
      expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
        failedAttempts: 0,
        lockedUntil: null,
      });
      for (let i = 5; i <= 8; i++)
        expect(await attempt(PASSWORD, later(i * 1000), wrongCodeFor(user.secret, later(i * 1000)))).toEqual({
          status: "BAD_CODE",
        });
      const fifth = await attempt(PASSWORD, later(9000), wrongCodeFor(user.secret, later(9000)));
      expect(fifth).toEqual({ status: "LOCKED", lockedUntil: new Date(later(9000).getTime() + LOCKOUT_MS) });

      const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(stored.lockedUntil).toEqual(new Date(later(9000).getTime() + LOCKOUT_MS));

      // The right password and code, a minute before the lock ends: still refused.
      const nearlyOver = later(9000 + LOCKOUT_MS - 60_000);
      expect(await attempt(PASSWORD, nearlyOver)).toMatchObject({ status: "LOCKED" });
      expect(
        await checkPassword({ db, email: user.email, password: PASSWORD, now: nearlyOver, context }),
      ).toMatchObject({ status: "LOCKED" });
      // A wrong password learns nothing about the lock.
      expect(
        await checkPassword({ db, email: user.email, password: "wrong password", now: nearlyOver, context }),
      ).toEqual({ status: "INVALID" });
      expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);

      const over = later(9000 + LOCKOUT_MS);
      expect((await attempt(PASSWORD, over)).status).toBe("SIGNED_IN");
      expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
        failedAttempts: 0,
        lockedUntil: null,
      });

      const signIns = (await auditRows(db, AUTH_AUDIT.signIn)).filter((r) => r.actorUserId === user.id);
      expect(signIns.map((r) => [r.outcome, (r.details as { reason?: string }).reason ?? null])).toEqual([
        ...Array(4).fill(["FAILURE", "BAD_PASSWORD"]),
        ...Array(5).fill(["FAILURE", "BAD_CODE"]),
        ["FAILURE", "LOCKED"],
        ["FAILURE", "LOCKED"],
        ["FAILURE", "BAD_PASSWORD"],
        ["SUCCESS", null],
      ]);
      const lockouts = (await auditRows(db, AUTH_AUDIT.lockout)).filter((r) => r.actorUserId === user.id);
      expect(lockouts).toHaveLength(1);
      expect(lockouts[0]).toMatchObject({ agencyId, targetId: user.id, details: { failures: 5 } });
    });

    it("counts only consecutive wrong codes: a success in between starts again", async () => {
      const db = t().db;
      const context = contextFrom("198.51.100.6");
      const user = await makeUser(db, agencyId);
      const wrongCode = (at: Date) =>
        completeSignIn({
          db,
          email: user.email,
          password: PASSWORD,
          code: wrongCodeFor(user.secret, at),
          now: at,
          context,
        });
      for (let i = 0; i < 4; i++) expect(await wrongCode(later(i * 1000))).toEqual({ status: "BAD_CODE" });
      expect(
        (
          await completeSignIn({
            db,
            email: user.email,
            password: PASSWORD,
            code: codeFor(user.secret, later(5000)),
            now: later(5000),
            context,
          })
        ).status,
      ).toBe("SIGNED_IN");
      for (let i = 0; i < 4; i++) expect(await wrongCode(later(10_000 + i * 1000))).toEqual({ status: "BAD_CODE" });
      expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
        failedAttempts: 4,
        lockedUntil: null,
      });
    });
  });

  describe("first sign-in enrolment", () => {
    it("shows one pending secret until a valid code proves it, then signs in enrolled", async () => {
      const db = t().db;
      const context = contextFrom("198.51.100.7");
      const user = await makeUser(db, agencyId, { enrolled: false });

      const first = await checkPassword({ db, email: user.email, password: PASSWORD, now: T0, context });
      const again = await checkPassword({ db, email: user.email, password: PASSWORD, now: later(1000), context });
      expect(first.status).toBe("ENROL");
      expect(again).toEqual(first);
      const secret = first.status === "ENROL" ? first.secret : "";
      expect(first.status === "ENROL" && first.otpauthUri).toContain(`secret=${secret}`);

      const pending = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(pending.totpSecret).toBeNull();
      expect(pending.totpPendingSecret).not.toContain(secret);
      expect(decryptTotpSecret(pending.totpPendingSecret!)).toBe(secret);

      expect(
        await completeSignIn({
          db,
          email: user.email,
          password: PASSWORD,
          code: wrongCodeFor(secret, T0),
          now: T0,
          context,
        }),
      ).toEqual({ status: "BAD_CODE" });
      const done = await completeSignIn({
        db,
        email: user.email,
        password: PASSWORD,
        code: codeFor(secret, later(2000)),
        now: later(2000),
        context,
      });
      expect(done.status).toBe("SIGNED_IN");

      const enrolled = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(enrolled.totpPendingSecret).toBeNull();
      expect(enrolled.mfaEnrolledAt).toEqual(later(2000));
      expect(decryptTotpSecret(enrolled.totpSecret!)).toBe(secret);
      expect(await checkPassword({ db, email: user.email, password: PASSWORD, now: later(60_000), context })).toEqual({
        status: "CODE_REQUIRED",
      });

      expect((await auditRows(db, AUTH_AUDIT.mfaEnrolStart)).filter((r) => r.actorUserId === user.id)).toHaveLength(1);
      expect((await auditRows(db, AUTH_AUDIT.mfaEnrol)).filter((r) => r.actorUserId === user.id)).toHaveLength(1);
    });
  });

  describe("the audit trail", () => {
    it("stays an intact hash chain after all of the above", async () => {
      expect(await verifyAuditChain(t().db)).toMatchObject({ ok: true });
    });
  });
});
