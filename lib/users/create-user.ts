// An agency admin opens an account in their own agency. The new user enrols an authenticator at
// first sign-in and must then replace the password the admin chose; the admin never sees or sets
// the second factor.
import { db as defaultDb, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { auditContext } from "../auth/actor";
import { hashPassword, passwordPolicyIssue } from "../auth/password";
import { recordAudit } from "../audit/record";
import { ValidationError, zodIssues } from "../errors";
import { createUserSchema } from "../validation/user";
import { auditRefusal, authorizeAgencyAdmin } from "./admin-scope";
import { USER_AUDIT } from "./audit-actions";

const EMAIL_TAKEN = "admin.users.emailTaken";

export async function createUser({ actor, input, now, db = defaultDb() }: { actor: Actor | null; input: unknown; now: Date; db?: Db }): Promise<{ id: string }> {
  return auditRefusal({ db, actor, action: USER_AUDIT.create, targetType: "User", now }, async () => {
    authorizeAgencyAdmin(actor);
    const parsed = createUserSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
    const data = parsed.data;
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
            agencyId: actor.agencyId,
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
  });
}
