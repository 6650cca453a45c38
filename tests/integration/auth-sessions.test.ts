// Sessions against a real database: idle lock, the 12-hour limit, sign-out everywhere,
// deactivation and password change, and an MFA reset confined to the admin's own agency.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AUTH_AUDIT } from "@/lib/auth/audit-actions";
import { changePassword } from "@/lib/auth/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { resetUserMfa } from "@/lib/auth/reset-mfa";
import { resolveSession, signOutSession, TOUCH_INTERVAL_MS } from "@/lib/auth/sessions";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { checkPassword, completeSignIn } from "@/lib/auth/sign-in";
import { verifyAuditChain } from "@/lib/audit/verify";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { useFreshDb } from "./helpers/db";
import { auditRows, codeFor, context, makeAgency, makeUser, PASSWORD } from "./auth-fixtures";

describe("sessions", () => {
  const t = useFreshDb();
  let agencyA: string;
  let agencyB: string;

  beforeAll(async () => {
    process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
    process.env.DATABASE_URL ??= t().url;
    agencyA = (await makeAgency(t().db, "agency-a")).id;
    agencyB = (await makeAgency(t().db, "agency-b")).id;
  });

  const T0 = new Date("2026-11-23T15:00:00Z");
  const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

  type TestUser = Awaited<ReturnType<typeof makeUser>>;

  async function signIn(user: TestUser, at: Date): Promise<string> {
    const result = await completeSignIn({
      db: t().db,
      email: user.email,
      password: PASSWORD,
      code: codeFor(user.secret, at),
      now: at,
      context,
    });
    if (result.status !== "SIGNED_IN") throw new Error(`sign-in failed: ${result.status}`);
    return result.sessionId;
  }

  async function actorFor(user: TestUser, at: Date): Promise<Actor> {
    const resolved = await resolveSession({
      db: t().db,
      sessionId: await signIn(user, at),
      now: at,
      context,
      activity: true,
    });
    if (!resolved.actor) throw new Error("no actor");
    return resolved.actor;
  }

  const resolve = (sessionId: string, now: Date, activity = true) =>
    resolveSession({ db: t().db, sessionId, now, context, activity });

  describe("a session", () => {
    it("resolves to the user's actor and records activity at most once a minute", async () => {
      const db = t().db;
      const user = await makeUser(db, agencyA, { roles: ["CHIEF"] });
      const sessionId = await signIn(user, T0);

      const now = await resolve(sessionId, new Date(T0.getTime() + TOUCH_INTERVAL_MS - 1000));
      expect(now.actor).toMatchObject({
        kind: "USER",
        userId: user.id,
        agencyId: agencyA,
        agencyName: "Agency agency-a",
        agencyTimeZone: "America/Chicago",
        roles: ["CHIEF"],
        sessionId,
      });
      expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(T0);

      await resolve(sessionId, minutes(2));
      expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(minutes(2));
    });

    it("locks after 30 minutes without activity, audits the idle lock once, and stays refused", async () => {
      const db = t().db;
      const user = await makeUser(db, agencyA);
      const sessionId = await signIn(user, T0);

      expect((await resolve(sessionId, minutes(29))).actor).not.toBeNull();
      // Activity at minute 29 moved the idle deadline to minute 59.
      expect((await resolve(sessionId, minutes(58))).actor).not.toBeNull();
      expect(await resolve(sessionId, minutes(88))).toEqual({ actor: null, reason: "idle" });
      expect(await resolve(sessionId, minutes(89))).toEqual({ actor: null, reason: "idle" });
      expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).toEqual(minutes(88));

      const locks = (await auditRows(db, AUTH_AUDIT.idleLock)).filter((r) => r.targetId === sessionId);
      expect(locks).toHaveLength(1);
      expect(locks[0]).toMatchObject({ actorUserId: user.id, agencyId: agencyA, at: minutes(88) });
    });

    it("is not kept open by requests that are not the person's (live stream, background refresh)", async () => {
      const db = t().db;
      const user = await makeUser(db, agencyA);
      const sessionId = await signIn(user, T0);

      // A page left open: its stream reconnects and refreshes every few minutes.
      for (let m = 2; m < 30; m += 3)
        expect((await resolve(sessionId, minutes(m), false)).actor, `minute ${m}`).not.toBeNull();
      expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(T0);
      expect(await resolve(sessionId, minutes(30), false)).toEqual({ actor: null, reason: "idle" });
      expect((await auditRows(db, AUTH_AUDIT.idleLock)).filter((r) => r.targetId === sessionId)).toHaveLength(1);
    });

    it("ends 12 hours after sign-in however active it was", async () => {
      const db = t().db;
      const user = await makeUser(db, agencyA);
      const sessionId = await signIn(user, T0);
      for (let m = 20; m < 12 * 60; m += 20)
        expect((await resolve(sessionId, minutes(m))).actor, `minute ${m}`).not.toBeNull();
      expect(await resolve(sessionId, minutes(12 * 60))).toEqual({ actor: null, reason: "expired" });
      expect((await auditRows(db, AUTH_AUDIT.sessionExpired)).filter((r) => r.targetId === sessionId)).toHaveLength(1);
    });

    it("is refused once the user is deactivated, or after their password changed", async () => {
      const db = t().db;
      const user = await makeUser(db, agencyA);
      const first = await signIn(user, T0);
      await db.user.update({ where: { id: user.id }, data: { active: false } });
      expect(await resolve(first, minutes(1))).toEqual({ actor: null, reason: "signedOut" });
      await db.user.update({ where: { id: user.id }, data: { active: true } });

      const second = await signIn(user, minutes(2));
      expect((await resolve(second, minutes(3))).actor).not.toBeNull();
      await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: minutes(4) } });
      expect((await resolve(second, minutes(5))).actor).toBeNull();
    });

    it("signs out one browser, with an audit event", async () => {
      const db = t().db;
      const user = await makeUser(db, agencyA);
      const sessionId = await signIn(user, T0);
      expect(await signOutSession({ db, sessionId, now: minutes(1), context })).toBe(true);
      expect(await signOutSession({ db, sessionId, now: minutes(2), context })).toBe(false);
      expect(await resolve(sessionId, minutes(3))).toEqual({ actor: null, reason: "signedOut" });
      expect((await auditRows(db, AUTH_AUDIT.signOut)).filter((r) => r.targetId === sessionId)).toHaveLength(1);
    });
  });

  describe("sign out everywhere", () => {
    it("ends every session of the user and no one else's", async () => {
      const db = t().db;
      const user = await makeUser(db, agencyA);
      const colleague = await makeUser(db, agencyA);
      const laptop = await signIn(user, T0);
      const phone = await signIn(user, minutes(1));
      const theirs = await signIn(colleague, minutes(1));
      const actor = (await resolve(phone, minutes(2))).actor!;

      expect(await signOutEverywhere({ db, actor, now: minutes(3) })).toEqual({ revoked: 2 });
      expect((await resolve(laptop, minutes(4))).actor).toBeNull();
      expect((await resolve(phone, minutes(4))).actor).toBeNull();
      expect((await resolve(theirs, minutes(4))).actor).not.toBeNull();

      const rows = (await auditRows(db, AUTH_AUDIT.signOutEverywhere)).filter((r) => r.actorUserId === user.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ agencyId: agencyA, details: { revokedSessions: 2 } });
    });
  });

  describe("changing a password", () => {
    it("checks the current password and the policy, then ends every session", async () => {
      const db = t().db;
      const user = await makeUser(db, agencyA);
      const actor = await actorFor(user, T0);
      const change = (input: object) => changePassword({ db, actor, input, now: minutes(1) });

      await expect(
        change({
          currentPassword: "not it at all",
          newPassword: "granite owl meadow",
          confirmPassword: "granite owl meadow",
        }),
      ).rejects.toThrow(ValidationError);
      await expect(
        change({ currentPassword: PASSWORD, newPassword: "Password123456", confirmPassword: "Password123456" }),
      ).rejects.toThrow(ValidationError);
      await expect(
        change({ currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD }),
      ).rejects.toThrow(ValidationError);
      expect((await resolve(actor.sessionId!, minutes(1))).actor).not.toBeNull();

      await change({
        currentPassword: PASSWORD,
        newPassword: "granite owl meadow",
        confirmPassword: "granite owl meadow",
      });
      const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(await verifyPassword(stored.passwordHash, "granite owl meadow")).toBe(true);
      expect(stored.passwordChangedAt).toEqual(minutes(1));
      expect((await resolve(actor.sessionId!, minutes(2))).actor).toBeNull();
      expect(await checkPassword({ db, email: user.email, password: PASSWORD, now: minutes(3), context })).toEqual({
        status: "INVALID",
      });

      const rows = (await auditRows(db, AUTH_AUDIT.passwordChange)).filter((r) => r.actorUserId === user.id);
      expect(rows.map((r) => r.outcome)).toEqual(["FAILURE", "SUCCESS"]);
    });
  });

  describe("resetting a user's MFA", () => {
    it("is only for agency admins, only within their own agency, and ends the user's sessions", async () => {
      const db = t().db;
      const target = await makeUser(db, agencyA);
      const targetSession = await signIn(target, T0);
      const adminA = await actorFor(await makeUser(db, agencyA, { roles: ["AGENCY_ADMIN"] }), T0);
      const adminB = await actorFor(await makeUser(db, agencyB, { roles: ["AGENCY_ADMIN"] }), T0);
      const chiefA = await actorFor(await makeUser(db, agencyA, { roles: ["CHIEF"] }), T0);

      await expect(resetUserMfa({ db, actor: adminB, userId: target.id, now: minutes(1) })).rejects.toThrow(
        NotFoundError,
      );
      await expect(resetUserMfa({ db, actor: chiefA, userId: target.id, now: minutes(1) })).rejects.toThrow(
        ForbiddenError,
      );
      await expect(resetUserMfa({ db, actor: adminA, userId: "not-a-uuid", now: minutes(1) })).rejects.toThrow(
        NotFoundError,
      );
      const untouched = await db.user.findUniqueOrThrow({ where: { id: target.id } });
      expect(untouched.totpSecret).not.toBeNull();
      expect((await resolve(targetSession, minutes(1))).actor).not.toBeNull();

      await resetUserMfa({ db, actor: adminA, userId: target.id, now: minutes(2) });
      const reset = await db.user.findUniqueOrThrow({ where: { id: target.id } });
      expect(reset).toMatchObject({
        totpSecret: null,
        totpPendingSecret: null,
        mfaEnrolledAt: null,
        lastTotpStep: null,
      });
      expect((await resolve(targetSession, minutes(3))).actor).toBeNull();
      // Their next sign-in enrols a new authenticator.
      expect(
        (await checkPassword({ db, email: target.email, password: PASSWORD, now: minutes(4), context })).status,
      ).toBe("ENROL");

      const rows = (await auditRows(db, AUTH_AUDIT.mfaReset)).filter((r) => r.targetId === target.id);
      expect(rows.map((r) => [r.outcome, r.agencyId, r.actorUserId])).toEqual([
        ["DENIED", agencyB, adminB.userId],
        ["SUCCESS", agencyA, adminA.userId],
      ]);
    });
  });

  describe("the audit trail", () => {
    it("stays an intact hash chain after all of the above", async () => {
      expect(await verifyAuditChain(t().db)).toMatchObject({ ok: true });
    });
  });
});
