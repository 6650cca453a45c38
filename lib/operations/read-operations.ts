// Reading an agency's own operations. Another agency's operation is never returned here; what a
// counterpart may learn about it is the conflict view's business (lib/conflicts/).
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError } from "../errors";
import { isId, listOperationsSchema } from "../validation/operation";
import { OPERATION_SELECT, toOperationView, type OperationView } from "./operation-view";
import { READING_ROLES } from "./roles";

export type OperationChangeView = { id: string; at: Date; byUserId: string | null; kinds: string[]; before: unknown; after: unknown };
export type OwnOperation = OperationView & { changes: OperationChangeView[]; openConflicts: number };

export async function getOwnOperation(args: { db: Db; actor: Actor; operationId: string }): Promise<OwnOperation> {
  const { db, actor, operationId } = args;
  authorize(actor, { roles: READING_ROLES, agencyId: actor.agencyId });
  if (!isId(operationId)) throw new NotFoundError();
  const row = await db.operation.findFirst({
    where: { id: operationId, agencyId: actor.agencyId },
    select: { ...OPERATION_SELECT, changes: { orderBy: { at: "asc" }, select: { id: true, at: true, byUserId: true, kinds: true, before: true, after: true } } },
  });
  if (!row) throw new NotFoundError();
  const openConflicts = await db.conflict.count({ where: { status: "OPEN", OR: [{ opAId: row.id }, { opBId: row.id }] } });
  return { ...toOperationView(row), changes: row.changes, openConflicts };
}

export type OperationPage = { items: (OperationView & { openConflicts: number })[]; total: number; page: number; pageSize: number; pages: number };

/** The agency's operations, latest start first; optionally one status only. */
export async function listOwnOperations(args: { db: Db; actor: Actor; input?: unknown }): Promise<OperationPage> {
  const { db, actor } = args;
  authorize(actor, { roles: READING_ROLES, agencyId: actor.agencyId });
  const { status, page, pageSize } = listOperationsSchema.parse(args.input ?? {});
  const where = { agencyId: actor.agencyId, ...(status ? { status } : {}) };
  const [total, rows] = await Promise.all([
    db.operation.count({ where }),
    db.operation.findMany({
      where,
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: OPERATION_SELECT,
    }),
  ]);
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db.conflict.findMany({ where: { status: "OPEN", OR: [{ opAId: { in: ids } }, { opBId: { in: ids } }] }, select: { opAId: true, opBId: true } })
    : [];
  const open = new Map<string, number>();
  for (const c of counts) for (const id of [c.opAId, c.opBId]) open.set(id, (open.get(id) ?? 0) + 1);
  return {
    items: rows.map((r) => ({ ...toOperationView(r), openConflicts: open.get(r.id) ?? 0 })),
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}
