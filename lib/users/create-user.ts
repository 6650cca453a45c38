// Opening an account: an agency admin in their own agency, or a platform admin giving an agency its
// administrators (a new agency has no one to open accounts for it). The new user enrols an
// authenticator at first sign-in and must then replace the password the admin chose; the admin
// never sees or sets the second factor.
import { db as defaultDb, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { auditContext } from "../auth/actor";
import { hashPassword, passwordPolicyIssue } from "../auth/password";
import { recordAudit } from "../audit/record";
import { authorize } from "../auth/authorize";
import { NotFoundError, ValidationError, zodIssues } from "../errors";
import { createUserSchema } from "../validation/user";
import { auditRefusal, authorizeAgencyAdmin } from "./admin-scope";
import { USER_AUDIT } from "./audit-actions";

const EMAIL_TAKEN = "admin.users.emailTaken";
const MUST_ADMINISTER = "platform.admins.mustAdminister";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Args = { actor: Actor | null; input: unknown; now: Date; db?: Db };

/** An agency admin opens an account in their own agency. */
export async function createUser({ actor, input, now, db = defaultDb() }: Args): Promise<{ id: string }> {
  return auditRefusal({ db, actor, action: USER_AUDIT.create, targetType: "User", now }, async () => {
    authorizeAgencyAdmin(actor);
    return openAccount({ actor, agencyId: actor.agencyId, input, now, db });
  });
}

/**
 * A platform admin opens an administrator's account in any active agency: the account must hold
 * the agency admin role (other accounts are the agency's own business).
 */
export async function createAgencyAdministrator({
  actor,
  agencyId,
  input,
  now,
  db = defaultDb(),
}: Args & { agencyId: string }): Promise<{ id: string }> {
  return auditRefusal({ db, actor, action: USER_AUDIT.create, targetType: "User", now }, async () => {
    authorize(actor, { platformAdmin: true });
    if (
      !UUID.test(agencyId) ||
      !(await db.agency.findFirst({ where: { id: agencyId, active: true }, select: { id: true } }))
    )
      throw new NotFoundError();
    return openAccount({ actor, agencyId, input, now, db, requireRole: "AGENCY_ADMIN" });
  });
}

async function openAccount({
  actor,
  agencyId,
  input,
  now,
  db,
  requireRole,
}: {
  actor: Actor;
  agencyId: string;
  input: unknown;
  now: Date;
  db: Db;
  requireRole?: "AGENCY_ADMIN";
}): Promise<{ id: string }> {
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  const data = parsed.data;
  if (requireRole && !data.roles.includes(requireRole))
    throw new ValidationError([{ path: "roles", message: MUST_ADMINISTER }]);
  const policy = passwordPolicyIssue(data.password);
  if (policy) throw new ValidationError([{ path: "password", message: policy }]);
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new ValidationError([{ path: "email", message: EMAIL_TAKEN }]);
  }
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          agencyId,
          name: data.name,
          email: data.email,
          title: data.title ?? null,
          roles: data.roles,
          passwordHash,
          passwordChangedAt: now,
          mustChangePassword: true,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        action: USER_AUDIT.create,
        targetType: "User",
        targetId: user.id,
        details: { email: data.email, roles: data.roles },
        at: now,
        ...auditContext(actor),
        // Under the agency the account belongs to, so its own auditors see who opened it.
        agencyId,
      });
      return user;
    });
  } catch (e) {
    // Two admins creating the same address at once: the unique index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new ValidationError([{ path: "email", message: EMAIL_TAKEN }]);
    }
    throw e;
  }
}
