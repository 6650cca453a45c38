// A host agency's read-only view of a conflict between two other agencies' operations it was
// notified of: that the two collide, and nothing its notices did not already tell it — each
// notice's reference, sender, title (as the notice gave it) and window, and when those windows
// meet. Not the conflict's facts, status, outcome or either side's contacts. For any agency that
// did not receive both notices, the conflict does not exist.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError } from "../errors";
import { noticeContent } from "../notices/content";
import { isId } from "../validation/operation";
import { CONFLICT_READING_ROLES } from "./roles";

export type HostNotice = { id: string; ref: string; senderName: string; title: string; startsAt: Date; endsAt: Date };
export type HostConflictView = {
  id: string;
  notices: [HostNotice, HostNotice];
  window: { start: Date; end: Date } | null;
};
export type HostCollision = { conflictId: string; other: HostNotice };

/** The agency's current notices about these operations, at most one per operation (the newest). */
async function currentNoticesFor(db: Db, agencyId: string, operationIds: string[]): Promise<Map<string, HostNotice>> {
  const rows = await db.notice.findMany({
    where: {
      recipientAgencyId: agencyId,
      operationId: { in: operationIds },
      supersededAt: null,
      kind: { notIn: ["CANCELLATION", "ASSISTANCE_REQUEST"] },
    },
    orderBy: { sentAt: "asc" },
    select: { id: true, ref: true, operationId: true, startsAt: true, endsAt: true, content: true },
  });
  const byOp = new Map<string, HostNotice>();
  for (const r of rows) {
    const c = noticeContent(r.content);
    byOp.set(r.operationId, {
      id: r.id,
      ref: r.ref,
      senderName: c.sender.name,
      title: c.operation?.title ?? c.operationRef,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
    });
  }
  return byOp;
}

export async function getHostConflictView(args: {
  db: Db;
  actor: Actor;
  conflictId: string;
}): Promise<HostConflictView> {
  const { db, actor, conflictId } = args;
  authorize(actor, { roles: CONFLICT_READING_ROLES, agencyId: actor.agencyId });
  if (!isId(conflictId)) throw new NotFoundError();
  const c = await db.conflict.findFirst({
    where: {
      id: conflictId,
      status: { not: "CLOSED" },
      agencyAId: { not: actor.agencyId },
      agencyBId: { not: actor.agencyId },
    },
    select: { id: true, opAId: true, opBId: true },
  });
  if (!c) throw new NotFoundError();
  const notices = await currentNoticesFor(db, actor.agencyId, [c.opAId, c.opBId]);
  const a = notices.get(c.opAId);
  const b = notices.get(c.opBId);
  if (!a || !b) throw new NotFoundError();
  const start = new Date(Math.max(a.startsAt.getTime(), b.startsAt.getTime()));
  const end = new Date(Math.min(a.endsAt.getTime(), b.endsAt.getTime()));
  return { id: c.id, notices: [a, b], window: start < end ? { start, end } : null };
}

/** For a notice the agency received: the other notified operations it collides with (the agency not being a party). */
export async function hostCollisionsFor(db: Db, actor: Actor, operationId: string): Promise<HostCollision[]> {
  const conflicts = await db.conflict.findMany({
    where: {
      status: { not: "CLOSED" },
      agencyAId: { not: actor.agencyId },
      agencyBId: { not: actor.agencyId },
      OR: [{ opAId: operationId }, { opBId: operationId }],
    },
    select: { id: true, opAId: true, opBId: true },
  });
  if (conflicts.length === 0) return [];
  const others = conflicts.map((c) => (c.opAId === operationId ? c.opBId : c.opAId));
  const notices = await currentNoticesFor(db, actor.agencyId, [operationId, ...others]);
  if (!notices.has(operationId)) return [];
  return conflicts.flatMap((c, i) => {
    const other = notices.get(others[i]);
    return other ? [{ conflictId: c.id, other }] : [];
  });
}
