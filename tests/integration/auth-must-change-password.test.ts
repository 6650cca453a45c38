// A password an admin chose must be replaced at first sign-in before anything else is reachable,
// and the person is told by email (in their language) when their password changes or their
// authenticator is reset.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { changePassword } from "@/lib/auth/change-password";
import { gateSession, passwordChangeActor } from "@/lib/auth/password-change-gate";
import { resetUserMfa } from "@/lib/auth/reset-mfa";
import { resolveSession } from "@/lib/auth/sessions";
import { completeSignIn } from "@/lib/auth/sign-in";
import { createUser } from "@/lib/users/create-user";
import { verifyAuditChain } from "@/lib/audit/verify";
import { useFreshDb } from "./helpers/db";
import { codeFor, contextFrom, makeAgency, makeUser, PASSWORD } from "./auth-fixtures";

describe("passwords set by an admin", () => {
  const t = useFreshDb();
  let agencyId: string;
  let admin: Actor;

  const T0 = new Date("2026-11-23T15:00:00Z");
  const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
  const context = contextFrom("192.0.2.200");

  beforeAll(async () => {
    process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
    process.env.DATABASE_URL ??= t().url;
    agencyId = (await makeAgency(t().db, "must-change-pd")).id;
    const adminUser = await makeUser(t().db, agencyId, { roles: ["AGENCY_ADMIN"] });
    admin = {
      kind: "USER",
      id: adminUser.id,
      userId: adminUser.id,
      name: adminUser.name,
      email: adminUser.email,
      agencyId,
      agencyName: "Agency must-change-pd",
      agencyTimeZone: "America/Chicago",
      roles: ["AGENCY_ADMIN"],
      isPlatformAdmin: false,
      locale: "en",
      sessionId: null,
      requestId: "req-admin",
      sourceIp: "192.0.2.201",
    };
  });

  /** Signs in with password and code (enrolling first when needed); the session's state as getActor() sees it. */
  async function signInAs(email: string, password: string, secret: string, at: Date) {
    const result = await completeSignIn({ db: t().db, email, password, code: codeFor(secret, at), now: at, context });
    if (result.status !== "SIGNED_IN") throw new Error(`not signed in: ${result.status}`);
    return resolveSession({ db: t().db, sessionId: result.sessionId, now: at, context, activity: true });
  }

  const mailTo = (address: string) =>
    t().db.mailMessage.findMany({ where: { toAddress: address }, orderBy: { createdAt: "asc" } });

  it("withholds the actor from everything but the password change until the admin's password is replaced", async () => {
    const db = t().db;
    const email = "new.liaison@must-change.example.gov";
    const { id } = await createUser({
      actor: admin,
      input: { name: "New Liaison", email, roles: ["LIAISON"], password: "Admin-Chosen-Start-2026" },
      now: T0,
      db,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ mustChangePassword: true });

    // First sign-in: enrol an authenticator (as the sign-in form does), then the session opens…
    const enrol = await completeSignIn({
      db,
      email,
      password: "Admin-Chosen-Start-2026",
      code: "000000",
      now: minutes(1),
      context,
    });
    expect(enrol.status).toBe("ENROL");
    const secret = enrol.status === "ENROL" ? enrol.secret : "";
    const resolved = await signInAs(email, "Admin-Chosen-Start-2026", secret, minutes(1));
    // …but no page, action or handler gets an actor from it: only the change-password step does.
    expect(gateSession(resolved)).toEqual({ actor: null, reason: "passwordChangeRequired" });
    const pending = passwordChangeActor(resolved);
    expect(pending).toMatchObject({ userId: id, mustChangePassword: true });

    await changePassword({
      db,
      actor: pending!,
      input: {
        currentPassword: "Admin-Chosen-Start-2026",
        newPassword: "my own lantern harbour",
        confirmPassword: "my own lantern harbour",
      },
      now: minutes(2),
    });
    const changed = await db.user.findUniqueOrThrow({ where: { id } });
    expect(changed).toMatchObject({ mustChangePassword: false, passwordChangedAt: minutes(2) });
    // The session that changed it ends too; the new password opens a normal one.
    expect(
      (await resolveSession({ db, sessionId: resolved.actor!.sessionId!, now: minutes(3), context, activity: true }))
        .actor,
    ).toBeNull();
    const next = await signInAs(email, "my own lantern harbour", secret, minutes(3));
    expect(gateSession(next).actor).toMatchObject({ userId: id, mustChangePassword: false });
    expect(passwordChangeActor(next)).toBeNull();

    const mail = await mailTo(email);
    expect(mail.map((m) => [m.template, m.toUserId, m.subject])).toEqual([
      ["passwordChanged", id, "Your Common Ground password was changed"],
    ]);
    expect(mail[0].text).toContain("If you did not, contact your agency administrator");
    // The time is in the agency's zone, named.
    expect(mail[0].text).toMatch(/CST|Central/);
  });

  it("after an authenticator reset: enrol again, choose a new password, and an email saying so, in the user's language", async () => {
    const db = t().db;
    const user = await makeUser(db, agencyId);
    await db.user.update({ where: { id: user.id }, data: { locale: "es" } });

    await resetUserMfa({ db, actor: admin, userId: user.id, now: minutes(10) });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      totpSecret: null,
      mustChangePassword: true,
    });

    const mail = await mailTo(user.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ template: "mfaReset", toUserId: user.id, agencyId, locales: ["es"] });
    expect(mail[0].subject).toBe("Se restableció la verificación en dos pasos de su cuenta de Common Ground");

    const enrol = await completeSignIn({
      db,
      email: user.email,
      password: PASSWORD,
      code: "000000",
      now: minutes(11),
      context,
    });
    const secret = enrol.status === "ENROL" ? enrol.secret : "";
    const resolved = await signInAs(user.email, PASSWORD, secret, minutes(11));
    expect(gateSession(resolved)).toEqual({ actor: null, reason: "passwordChangeRequired" });
  });

  it("a password change the user makes themselves also sends the notice, and only when it succeeds", async () => {
    const db = t().db;
    const user = await makeUser(db, agencyId);
    const resolved = await signInAs(user.email, PASSWORD, user.secret, minutes(20));
    const actor = gateSession(resolved).actor!;
    await expect(
      changePassword({
        db,
        actor,
        input: {
          currentPassword: "wrong wrong wrong",
          newPassword: "granite owl meadow",
          confirmPassword: "granite owl meadow",
        },
        now: minutes(21),
      }),
    ).rejects.toThrow();
    expect(await mailTo(user.email)).toHaveLength(0);
    await changePassword({
      db,
      actor,
      input: { currentPassword: PASSWORD, newPassword: "granite owl meadow", confirmPassword: "granite owl meadow" },
      now: minutes(21),
    });
    expect((await mailTo(user.email)).map((m) => m.template)).toEqual(["passwordChanged"]);
    // Delivery is a queued job, committed with the change.
    expect(await db.job.count({ where: { queue: "mail.send" } })).toBeGreaterThanOrEqual(3);
  });

  it("leaves the audit chain intact", async () => {
    expect(await verifyAuditChain(t().db)).toMatchObject({ ok: true });
  });
});
