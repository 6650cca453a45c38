// User administration against a real database: an agency admin manages their own agency's
// accounts and nobody else's, every change is audited, and refusals change no row.
import { beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { listAgencyAdministrators, listAgencyUsers, getAgencyUser } from "@/lib/users/list-users";
import { createAgencyAdministrator, createUser } from "@/lib/users/create-user";
import { deactivateUser, reactivateUser } from "@/lib/users/account-status";
import { changeUserRoles } from "@/lib/users/change-roles";
import { resetManagedUserMfa } from "@/lib/users/reset-mfa";
import { verifyPassword } from "@/lib/auth/password";
import { verifyAuditChain } from "@/lib/audit/verify";
import { useFreshDb } from "./helpers/db";
import { actorFor, useTestSecrets } from "./helpers/actors";

const now = new Date("2026-11-23T15:00:00Z");

describe("user administration", () => {
  const t = useFreshDb();
  const db = () => t().db;
  const user = (email: string) => db().user.findUniqueOrThrow({ where: { email } });
  const adminOf = (slug: string) => actorFor(db(), `admin@${slug}.demo`);

  beforeAll(async () => {
    useTestSecrets(t().url);
    await seed(db());
  });

  async function openSession(userId: string) {
    return db().userSession.create({
      data: { userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) },
    });
  }

  it("lists only the admin's own agency's accounts, never a platform admin", async () => {
    const cook = await listAgencyUsers({ actor: await adminOf("cook-sheriff"), db: db() });
    expect(cook.map((u) => u.email).sort()).toEqual(
      ["admin", "auditor", "chief", "liaison", "supervisor"].map((r) => `${r}@cook-sheriff.demo`),
    );
    const isp = await listAgencyUsers({ actor: await adminOf("illinois-state-police"), db: db() });
    expect(isp.map((u) => u.email)).not.toContain("platform@common-ground.demo");
    expect(isp).toHaveLength(5);
    expect(Object.keys(cook[0])).not.toContain("passwordHash");
  });

  it("refuses user administration to anyone but an agency admin, and audits the refusal", async () => {
    const chief = await actorFor(db(), "chief@cook-sheriff.demo");
    await expect(listAgencyUsers({ actor: chief, db: db() })).rejects.toBeInstanceOf(ForbiddenError);
    const input = {
      name: "Nobody Here",
      email: "nobody@cook-sheriff.demo",
      roles: ["LIAISON"],
      password: "Correct-Horse-Cook-77",
    };
    await expect(createUser({ actor: chief, input, now, db: db() })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().user.findUnique({ where: { email: "nobody@cook-sheriff.demo" } })).toBeNull();
    const denied = await db().auditEvent.findFirst({
      where: { action: "user.create", outcome: "DENIED", actorUserId: chief.userId },
    });
    expect(denied?.agencyId).toBe(chief.agencyId);
  });

  it("creates a user in the admin's agency with a hashed password, audited", async () => {
    const admin = await adminOf("cook-sheriff");
    const input = {
      name: "  Irena Dąbrowska ",
      email: "Irena.Dabrowska@Cook-Sheriff.demo",
      title: "",
      roles: ["LIAISON", "SUPERVISOR"],
      password: "Lakefront-Patrol-2026",
    };
    const { id } = await createUser({ actor: admin, input, now, db: db() });
    const row = await db().user.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      agencyId: admin.agencyId,
      name: "Irena Dąbrowska",
      email: "irena.dabrowska@cook-sheriff.demo",
      title: null,
      roles: ["LIAISON", "SUPERVISOR"],
      totpSecret: null,
      active: true,
    });
    expect(await verifyPassword(row.passwordHash, "Lakefront-Patrol-2026")).toBe(true);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.create", targetId: id } });
    expect(event).toMatchObject({
      outcome: "SUCCESS",
      actorUserId: admin.userId,
      agencyId: admin.agencyId,
      requestId: admin.requestId,
    });
    expect(JSON.stringify(event.details)).not.toContain("Lakefront");
  });

  it("lets the platform admin give an agency its administrator, and nobody else", async () => {
    const platform = await actorFor(db(), "platform@common-ground.demo");
    const kankakee = await db().agency.findUniqueOrThrow({ where: { slug: "kankakee-sheriff" } });
    const input = {
      name: "Dana Okafor",
      email: "dana.okafor@kankakee-sheriff.demo",
      roles: ["AGENCY_ADMIN"],
      password: "Kankakee-River-2026",
    };
    // An agency's own admin cannot open accounts in another agency this way.
    await expect(
      createAgencyAdministrator({ actor: await adminOf("cook-sheriff"), agencyId: kankakee.id, input, now, db: db() }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      listAgencyAdministrators({ actor: await adminOf("cook-sheriff"), agencyId: kankakee.id, db: db() }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // The account must administer the agency; other accounts are the agency's own business.
    await expect(
      createAgencyAdministrator({
        actor: platform,
        agencyId: kankakee.id,
        input: { ...input, roles: ["LIAISON"] },
        now,
        db: db(),
      }),
    ).rejects.toMatchObject({
      issues: [{ path: "roles", message: "platform.admins.mustAdminister" }],
    });
    await expect(
      createAgencyAdministrator({ actor: platform, agencyId: "not-a-uuid", input, now, db: db() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().user.findUnique({ where: { email: input.email } })).toBeNull();

    const { id } = await createAgencyAdministrator({ actor: platform, agencyId: kankakee.id, input, now, db: db() });
    const row = await db().user.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      agencyId: kankakee.id,
      roles: ["AGENCY_ADMIN"],
      totpSecret: null,
      mustChangePassword: true,
      isPlatformAdmin: false,
    });
    expect(
      (await listAgencyAdministrators({ actor: platform, agencyId: kankakee.id, db: db() })).map((a) => a.email),
    ).toContain(input.email);
    // Audited under the agency that got the account, so its own auditors see who opened it.
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.create", targetId: id } });
    expect(event).toMatchObject({ outcome: "SUCCESS", actorUserId: platform.userId, agencyId: kankakee.id });
  });

  it("explains bad input field by field and creates nothing", async () => {
    const admin = await adminOf("cook-sheriff");
    const count = await db().user.count();
    const issues = async (input: unknown) => {
      const e = await createUser({ actor: admin, input, now, db: db() }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(ValidationError);
      return Object.fromEntries((e as ValidationError).issues.toReversed().map((i) => [i.path, i.message]));
    };
    expect(await issues({ name: "X", email: "not-an-email", roles: [], password: "short" })).toMatchObject({
      name: 'errors.tooShort::{"min":2}',
      email: "errors.invalidEmail",
      roles: "admin.users.rolesRequired",
      password: expect.stringMatching(/^auth\.password\.tooShort/),
    });
    expect(
      await issues({
        name: "Duplicate Person",
        email: "chief@cook-sheriff.demo",
        roles: ["CHIEF"],
        password: "Another-Strong-Pass-1",
      }),
    ).toEqual({ email: "admin.users.emailTaken" });
    expect(
      await issues({
        name: "Weak Password",
        email: "weak@cook-sheriff.demo",
        roles: ["CHIEF"],
        password: "password1234",
      }),
    ).toEqual({ password: "auth.password.common" });
    expect(
      await issues({
        name: "Odd Role",
        email: "odd@cook-sheriff.demo",
        roles: ["SHERIFF"],
        password: "Another-Strong-Pass-1",
      }),
    ).toHaveProperty(["roles.0"]);
    expect(await db().user.count()).toBe(count);
  });

  it("keeps another agency's accounts out of reach: not found, and no row changed", async () => {
    const dupageAdmin = await adminOf("dupage-sheriff");
    const target = await user("liaison@cook-sheriff.demo");
    const session = await openSession(target.id);
    const args = { actor: dupageAdmin, now, db: db() };

    await expect(getAgencyUser({ ...args, userId: target.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deactivateUser({ ...args, input: { userId: target.id } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      changeUserRoles({ ...args, input: { userId: target.id, roles: ["AGENCY_ADMIN"] } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(resetManagedUserMfa({ ...args, input: { userId: target.id } })).rejects.toBeInstanceOf(NotFoundError);

    const after = await user("liaison@cook-sheriff.demo");
    expect(after).toEqual(target);
    expect((await db().userSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).toBeNull();
    const denials = await db().auditEvent.findMany({
      where: { targetId: target.id, outcome: "DENIED" },
      orderBy: { seq: "asc" },
    });
    expect(denials.map((d) => d.action)).toEqual(["user.deactivate", "user.roles.change", "auth.mfa.reset"]);
    expect(denials.every((d) => d.agencyId === dupageAdmin.agencyId && d.actorUserId === dupageAdmin.userId)).toBe(
      true,
    );
    expect(
      await db().auditEvent.count({
        where: { targetId: target.id, outcome: "SUCCESS", action: { not: "seed.user.create" } },
      }),
    ).toBe(0);
  });

  it("treats a malformed id as not found rather than failing", async () => {
    const admin = await adminOf("cook-sheriff");
    await expect(getAgencyUser({ actor: admin, userId: "../../etc", now, db: db() })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deactivateUser({ actor: admin, input: { userId: "1 OR 1=1" }, now, db: db() })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("keeps the platform admin's account out of the host agency admin's reach", async () => {
    const ispAdmin = await adminOf("illinois-state-police");
    const platform = await user("platform@common-ground.demo");
    await expect(
      deactivateUser({ actor: ispAdmin, input: { userId: platform.id }, now, db: db() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      resetManagedUserMfa({ actor: ispAdmin, input: { userId: platform.id }, now, db: db() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await user("platform@common-ground.demo")).toEqual(platform);
  });

  it("deactivates an account, ending its sessions at once, and reactivates it", async () => {
    const admin = await adminOf("will-sheriff");
    const target = await user("supervisor@will-sheriff.demo");
    await openSession(target.id);
    await openSession(target.id);
    expect((await getAgencyUser({ actor: admin, userId: target.id, now, db: db() })).activeSessions).toBe(2);

    expect(await deactivateUser({ actor: admin, input: { userId: target.id }, now, db: db() })).toEqual({
      revokedSessions: 2,
    });
    expect(await user(target.email)).toMatchObject({ active: false, deactivatedAt: now });
    expect(await db().userSession.count({ where: { userId: target.id, revokedAt: null } })).toBe(0);

    await reactivateUser({ actor: admin, input: { userId: target.id }, now, db: db() });
    expect(await user(target.email)).toMatchObject({ active: true, deactivatedAt: null });
    const actions = await db().auditEvent.findMany({
      where: { targetId: target.id, outcome: "SUCCESS" },
      orderBy: { seq: "asc" },
      select: { action: true, details: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["seed.user.create", "user.deactivate", "user.reactivate"]);
    expect(actions[1].details).toEqual({ revokedSessions: 2 });
  });

  it("will not let an admin lock themselves out", async () => {
    const admin = await adminOf("kane-sheriff");
    await expect(
      deactivateUser({ actor: admin, input: { userId: admin.userId }, now, db: db() }),
    ).rejects.toBeInstanceOf(ConflictError);
    const e = await changeUserRoles({
      actor: admin,
      input: { userId: admin.userId, roles: ["LIAISON"] },
      now,
      db: db(),
    }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues).toEqual([{ path: "roles", message: "admin.users.cannotDropOwnAdmin" }]);
    expect(await user("admin@kane-sheriff.demo")).toMatchObject({ active: true, roles: ["AGENCY_ADMIN"] });
  });

  it("changes roles and records what they were and became", async () => {
    const admin = await adminOf("lake-sheriff");
    const target = await user("liaison@lake-sheriff.demo");
    await changeUserRoles({
      actor: admin,
      input: { userId: target.id, roles: ["SUPERVISOR", "LIAISON"] },
      now,
      db: db(),
    });
    expect((await user(target.email)).roles).toEqual(["LIAISON", "SUPERVISOR"]);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "user.roles.change", targetId: target.id },
    });
    expect(event.details).toEqual({ from: ["LIAISON"], to: ["LIAISON", "SUPERVISOR"] });
  });

  it("resets an authenticator, so the person enrols again", async () => {
    const admin = await adminOf("mchenry-sheriff");
    const target = await user("chief@mchenry-sheriff.demo");
    await openSession(target.id);
    await resetManagedUserMfa({ actor: admin, input: { userId: target.id }, now, db: db() });
    expect(await user(target.email)).toMatchObject({ totpSecret: null, mfaEnrolledAt: null });
    expect(await db().userSession.count({ where: { userId: target.id, revokedAt: null } })).toBe(0);
    expect(
      await db().auditEvent.count({ where: { action: "auth.mfa.reset", targetId: target.id, outcome: "SUCCESS" } }),
    ).toBe(1);
  });

  it("leaves the audit chain intact after all of it", async () => {
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
