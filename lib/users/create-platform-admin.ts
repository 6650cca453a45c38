// The first platform administrator of a real installation, created by whoever runs the server
// (`npm run admin:create`), since there is no one yet to sign in and do it. They get no second
// factor here: the sign-in flow makes them enrol an authenticator the first time they sign in.
import { db as defaultDb, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { agencyColumns } from "../agencies/platform-agencies";
import { AGENCY_AUDIT } from "../agencies/audit-actions";
import { hashPassword, passwordPolicyIssue } from "../auth/password";
import { recordAudit } from "../audit/record";
import { ValidationError, zodIssues } from "../errors";
import { platformAdminSchema } from "../validation/platform-admin";
import { USER_AUDIT } from "./audit-actions";

const EMAIL_TAKEN = "admin.users.emailTaken";
const SLUG_TAKEN = "platform.form.slugTaken";
const NO_SUCH_AGENCY = "platform.firstAdmin.agencyNotFound";

export type CreatedPlatformAdmin = { userId: string; agencyId: string; agencyCreated: boolean };

/**
 * `operator` names who ran the command (recorded as the audit events' actor label): there is no
 * signed-in actor, and whoever can run commands on the server already holds its database.
 */
export async function createPlatformAdmin({
  input,
  operator,
  now,
  db = defaultDb(),
}: {
  input: unknown;
  operator: string;
  now: Date;
  db?: Db;
}): Promise<CreatedPlatformAdmin> {
  const parsed = platformAdminSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  const data = parsed.data;
  const policy = passwordPolicyIssue(data.password);
  if (policy) throw new ValidationError([{ path: "password", message: policy }]);
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new ValidationError([{ path: "email", message: EMAIL_TAKEN }]);
  }
  const passwordHash = await hashPassword(data.password);
  const audit = { actorLabel: operator, at: now };

  try {
    return await db.$transaction(async (tx) => {
      let agencyId: string;
      let agencyCreated = false;
      if (!data.newAgency) {
        const agency = await tx.agency.findUnique({ where: { slug: data.agencySlug }, select: { id: true } });
        if (!agency) throw new ValidationError([{ path: "agencySlug", message: NO_SUCH_AGENCY }]);
        agencyId = agency.id;
      } else {
        const a = data.newAgency;
        if (await tx.agency.findUnique({ where: { slug: a.slug }, select: { id: true } })) {
          throw new ValidationError([{ path: "newAgency.slug", message: SLUG_TAKEN }]);
        }
        agencyId = (await tx.agency.create({ data: { ...agencyColumns(a), createdAt: now }, select: { id: true } })).id;
        agencyCreated = true;
        await recordAudit(tx, {
          ...audit,
          action: AGENCY_AUDIT.create,
          agencyId,
          targetType: "Agency",
          targetId: agencyId,
          details: { slug: a.slug, name: a.name, level: a.level, kind: a.kind, via: "admin:create" },
        });
      }
      const user = await tx.user.create({
        data: {
          agencyId,
          email: data.email,
          name: data.name,
          title: data.title ?? null,
          roles: data.roles,
          isPlatformAdmin: true,
          passwordHash,
          passwordChangedAt: now,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        ...audit,
        action: USER_AUDIT.createPlatformAdmin,
        agencyId,
        targetType: "User",
        targetId: user.id,
        details: { email: data.email, roles: data.roles, isPlatformAdmin: true, via: "admin:create" },
      });
      return { userId: user.id, agencyId, agencyCreated };
    });
  } catch (e) {
    // Another run creating the same address at the same moment: the unique index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new ValidationError([{ path: "email", message: EMAIL_TAKEN }]);
    }
    throw e;
  }
}
