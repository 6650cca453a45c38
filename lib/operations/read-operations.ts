// Reading an agency's own operations. Another agency's operation is never returned here; what a
// counterpart may learn about it is the conflict view's business (lib/conflicts/).
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError } from "../errors";
import type { Prisma } from "../db/generated/client";
import { partyWhere } from "../conflicts/roles";
import { containsPattern, dayRange, timeKeyset, timeOrder, toPage, type Page } from "../lists/keyset";
import { isId, listOperationsSchema, type ListOperationsInput } from "../validation/operation";
import { OPERATION_SELECT, toOperationView, type OperationView } from "./operation-view";
import { READING_ROLES } from "./roles";

export type OperationChangeView = {
  id: string;
  at: Date;
  byUserId: string | null;
  kinds: string[];
  before: unknown;
  after: unknown;
};
export type OwnOperation = OperationView & { changes: OperationChangeView[]; openConflicts: number };

export async function getOwnOperation(args: { db: Db; actor: Actor; operationId: string }): Promise<OwnOperation> {
  const { db, actor, operationId } = args;
  authorize(actor, { roles: READING_ROLES, agencyId: actor.agencyId });
  if (!isId(operationId)) throw new NotFoundError();
  const row = await db.operation.findFirst({
    where: { id: operationId, agencyId: actor.agencyId },
    select: {
      ...OPERATION_SELECT,
      changes: {
        orderBy: { at: "asc" },
        select: { id: true, at: true, byUserId: true, kinds: true, before: true, after: true },
      },
    },
  });
  if (!row) throw new NotFoundError();
  const openConflicts = await db.conflict.count({
    where: { status: "OPEN", OR: [{ opAId: row.id }, { opBId: row.id }] },
  });
  return { ...toOperationView(row), changes: row.changes, openConflicts };
}

export type OperationPage = Page<OperationView & { openConflicts: number }> & { total: number };

function operationWhere(
  actor: Actor,
  f: ListOperationsInput,
  withOpenConflicts: string[] | null,
): Prisma.OperationWhereInput {
  const and: Prisma.OperationWhereInput[] = [{ agencyId: actor.agencyId }];
  if (f.status) and.push({ status: f.status });
  if (f.type) and.push({ type: f.type });
  if (withOpenConflicts) and.push({ id: { in: withOpenConflicts } });
  const { start, end } = dayRange(actor.agencyTimeZone, f.from, f.to);
  if (start) and.push({ endsAt: { gte: start } });
  if (end) and.push({ startsAt: { lt: end } });
  if (f.q) {
    const like = containsPattern(f.q);
    and.push({
      OR: [{ title: { contains: like, mode: "insensitive" } }, { ref: { contains: like, mode: "insensitive" } }],
    });
  }
  return { AND: and };
}

/** The agency's operations, latest start first; filtered, searched and paged on (startsAt, id). */
export async function listOwnOperations(args: { db: Db; actor: Actor; input?: unknown }): Promise<OperationPage> {
  const { db, actor } = args;
  authorize(actor, { roles: READING_ROLES, agencyId: actor.agencyId });
  const f = listOperationsSchema.parse(args.input ?? {});
  // "Needs my action": the agency's side of every open conflict (few, and indexed by agency).
  const open = f.action
    ? (
        await db.conflict.findMany({
          where: { status: "OPEN", ...partyWhere(actor.agencyId) },
          select: { opAId: true, opBId: true },
        })
      ).flatMap((c) => [c.opAId, c.opBId])
    : null;
  const where = operationWhere(actor, f, open);
  const d = { after: f.after, before: f.before };
  const [total, rows] = await Promise.all([
    db.operation.count({ where }),
    db.operation.findMany({
      where: { AND: [where, timeKeyset("startsAt", d)] },
      orderBy: timeOrder("startsAt", d),
      take: f.pageSize + 1,
      select: OPERATION_SELECT,
    }),
  ]);
  const page = toPage(
    rows,
    f.pageSize,
    d,
    (r) => [r.startsAt, r.id],
    (kept) => kept,
  );
  const ids = page.items.map((r) => r.id);
  const counts = ids.length
    ? await db.conflict.findMany({
        where: { status: "OPEN", OR: [{ opAId: { in: ids } }, { opBId: { in: ids } }] },
        select: { opAId: true, opBId: true },
      })
    : [];
  const openCount = new Map<string, number>();
  for (const c of counts) for (const id of [c.opAId, c.opBId]) openCount.set(id, (openCount.get(id) ?? 0) + 1);
  return {
    ...page,
    items: page.items.map((r) => ({ ...toOperationView(r), openConflicts: openCount.get(r.id) ?? 0 })),
    total,
  };
}
