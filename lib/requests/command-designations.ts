// Who decides federal requests besides the chiefs: the supervisors and liaisons of the chief's own
// agency whom a chief designated. A chief adds and removes designations (audited); the queue, the
// request page and decideRequest all ask canDecide (access.ts), which reads them.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError, ValidationError, zodIssues } from "../errors";
import { msg } from "../i18n/issue";
import { auditRefusal } from "../users/admin-scope";
import { designationSchema } from "../validation/request";
import { DESIGNABLE_ROLES, REQUEST_AUDIT } from "./roles";

export type CommandPerson = {
  id: string;
  name: string;
  title: string | null;
  roles: string[];
  designatedAt: Date | null;
  designatedByName: string | null;
};

/** The agency's chiefs (who always decide), and every supervisor and liaison with whether a chief designated them. */
export async function listCommand(args: {
  db: Db;
  actor: Actor;
}): Promise<{ chiefs: CommandPerson[]; people: CommandPerson[] }> {
  const { db, actor } = args;
  authorize(actor, { roles: ["CHIEF"], agencyId: actor.agencyId });
  const [users, designations] = await Promise.all([
    db.user.findMany({
      where: {
        agencyId: actor.agencyId,
        active: true,
        isPlatformAdmin: false,
        roles: { hasSome: ["CHIEF", ...DESIGNABLE_ROLES] },
      },
      select: { id: true, name: true, title: true, roles: true },
      orderBy: { name: "asc" },
    }),
    db.requestCommandDesignation.findMany({
      where: { agencyId: actor.agencyId },
      select: { userId: true, createdAt: true, designatedById: true },
    }),
  ]);
  const byUser = new Map(designations.map((d) => [d.userId, d]));
  const designators = await db.user.findMany({
    where: {
      id: { in: designations.flatMap((d) => (d.designatedById ? [d.designatedById] : [])) },
      agencyId: actor.agencyId,
    },
    select: { id: true, name: true },
  });
  const nameOf = new Map(designators.map((u) => [u.id, u.name]));
  const person = (u: (typeof users)[number]): CommandPerson => {
    const d = byUser.get(u.id);
    return {
      ...u,
      designatedAt: d?.createdAt ?? null,
      designatedByName: d?.designatedById ? (nameOf.get(d.designatedById) ?? null) : null,
    };
  };
  return {
    chiefs: users.filter((u) => u.roles.includes("CHIEF")).map(person),
    people: users.filter((u) => !u.roles.includes("CHIEF")).map(person),
  };
}

/** A chief designates a supervisor or liaison of the same agency to decide requests, or removes the designation. */
export async function designateCommand(args: { db: Db; actor: Actor; input: unknown; now: Date }) {
  const { db, actor, now } = args;
  const parsed = designationSchema.safeParse(args.input);
  const action = parsed.success && !parsed.data.designate ? REQUEST_AUDIT.revoke : REQUEST_AUDIT.designate;
  const targetId = parsed.success ? parsed.data.userId : null;
  return auditRefusal({ db, actor, action, targetType: "User", targetId, now }, async () => {
    authorize(actor, { roles: ["CHIEF"], agencyId: actor.agencyId });
    if (actor.kind !== "USER") throw new NotFoundError();
    if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
    const { userId, designate } = parsed.data;
    return db.$transaction(async (tx) => {
      // Another agency's person is not found; nor is anyone not a supervisor or liaison here.
      const user = await tx.user.findFirst({
        where: { id: userId, agencyId: actor.agencyId, isPlatformAdmin: false },
        select: { id: true, active: true, roles: true },
      });
      if (!user) throw new NotFoundError();
      if (
        designate &&
        (!user.active || user.roles.includes("CHIEF") || !user.roles.some((r) => DESIGNABLE_ROLES.includes(r)))
      ) {
        throw new ValidationError([{ path: "userId", message: msg("requestPolicy.errors.notDesignable") }]);
      }
      const changed = designate
        ? (
            await tx.requestCommandDesignation.createMany({
              data: [
                { id: randomUUID(), agencyId: actor.agencyId, userId, designatedById: actor.userId, createdAt: now },
              ],
              skipDuplicates: true,
            })
          ).count
        : (await tx.requestCommandDesignation.deleteMany({ where: { userId, agencyId: actor.agencyId } })).count;
      if (changed > 0)
        await recordAudit(tx, { action, targetType: "User", targetId: userId, at: now, ...auditContext(actor) });
      return { userId, designated: designate, changed: changed > 0 };
    });
  });
}
