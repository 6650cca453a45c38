// "File a similar operation": what a new filing takes over from one of the agency's own earlier
// operations — everything but the area and the times, which are what makes it a new one. The
// exigent grounds are not copied either: they belong to one filing. Another agency's operation is
// not found, whatever its id.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError } from "../errors";
import { auditRefusal } from "../users/admin-scope";
import { isId } from "../validation/operation";
import { FILING_ROLES } from "./roles";

export const COPY_SELECT = {
  id: true,
  ref: true,
  type: true,
  title: true,
  leadAgencyName: true,
  commanderName: true,
  commanderPhone: true,
  commsPlan: true,
  radioChannel: true,
  talkgroup: true,
  interopChannel: true,
  personnelCount: true,
  riskFlags: true,
  notes: true,
  areaPrecision: true,
  impactRoadClosures: true,
  impactSchools: true,
  impactCrowding: true,
  pioName: true,
  pioPhone: true,
  pioEmail: true,
  publicStatementEn: true,
  publicStatementEs: true,
  addedNoticeAgencyIds: true,
} as const;

export async function getCopySource(args: { db: Db; actor: Actor; operationId: string; now: Date }) {
  const { db, actor, operationId, now } = args;
  const denial = {
    db,
    actor,
    action: "operation.copy",
    targetType: "Operation",
    targetId: operationId.slice(0, 64),
    now,
  };
  return auditRefusal(denial, async () => {
    authorize(actor, { roles: FILING_ROLES, agencyId: actor.agencyId });
    if (!isId(operationId)) throw new NotFoundError();
    const row = await db.operation.findFirst({
      where: { id: operationId, agencyId: actor.agencyId },
      select: COPY_SELECT,
    });
    if (!row) throw new NotFoundError();
    return row;
  });
}

export type CopySource = Awaited<ReturnType<typeof getCopySource>>;

/** The agency's most recent operations, newest first, to choose one to copy on the filing form. */
export async function listCopyCandidates(args: {
  db: Db;
  actor: Actor;
  limit?: number;
}): Promise<{ id: string; ref: string; title: string }[]> {
  authorize(args.actor, { roles: FILING_ROLES, agencyId: args.actor.agencyId });
  return args.db.operation.findMany({
    where: { agencyId: args.actor.agencyId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: args.limit ?? 25,
    select: { id: true, ref: true, title: true },
  });
}
