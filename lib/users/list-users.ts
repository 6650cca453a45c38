// Reading an agency's accounts, for its agency admin. No password hashes or MFA secrets leave here.
import { db as defaultDb, type Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError } from "../errors";
import { authorizeAgencyAdmin, managedUser } from "./admin-scope";

const MANAGED_FIELDS = {
  id: true,
  name: true,
  email: true,
  title: true,
  roles: true,
  active: true,
  deactivatedAt: true,
  mfaEnrolledAt: true,
  lockedUntil: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;

export type ManagedUser = Prisma.UserGetPayload<{ select: typeof MANAGED_FIELDS }>;
export type ManagedUserDetail = ManagedUser & { activeSessions: number };

export async function listAgencyUsers({
  actor,
  db = defaultDb(),
}: {
  actor: Actor | null;
  db?: Db;
}): Promise<ManagedUser[]> {
  authorizeAgencyAdmin(actor);
  return db.user.findMany({
    where: { agencyId: actor.agencyId, isPlatformAdmin: false },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: MANAGED_FIELDS,
  });
}

export async function getAgencyUser({
  actor,
  userId,
  now,
  db = defaultDb(),
}: {
  actor: Actor | null;
  userId: string;
  now: Date;
  db?: Db;
}): Promise<ManagedUserDetail> {
  authorizeAgencyAdmin(actor);
  const user = await db.user.findFirst({ where: managedUser(actor, userId), select: MANAGED_FIELDS });
  if (!user) throw new NotFoundError();
  const activeSessions = await db.userSession.count({
    where: { userId: user.id, revokedAt: null, expiresAt: { gt: now } },
  });
  return { ...user, activeSessions };
}

/** An agency's administrators, for the platform admin who gives a new agency its first ones. */
export async function listAgencyAdministrators({
  actor,
  agencyId,
  db = defaultDb(),
}: {
  actor: Actor | null;
  agencyId: string;
  db?: Db;
}) {
  authorize(actor, { platformAdmin: true });
  return db.user.findMany({
    where: { agencyId, isPlatformAdmin: false, roles: { has: "AGENCY_ADMIN" } },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, active: true, mfaEnrolledAt: true },
  });
}
