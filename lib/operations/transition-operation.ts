// The operation lifecycle: DRAFT → PLANNED → ACTIVE → COMPLETED, and DRAFT, PLANNED or ACTIVE →
// CANCELLED. Planning a draft runs the check for the first time; completing or cancelling takes
// the operation out of the candidate search, and cancelling closes its OPEN conflicts with
// OPERATION_CANCELLED. Every step after planning is told to the agencies already notified.
import type { Db } from "../db/client";
import type { OperationStatus } from "../db/generated/enums";
import type { Prisma } from "../db/generated/client";
import { auditedTransaction, recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { auditRefusal } from "../users/admin-scope";
import {
  closeConflicts,
  recordConflicts,
  type ClosedConflict,
  type RecordedConflict,
} from "../conflicts/record-conflicts";
import { ConflictError, NotFoundError } from "../errors";
import { planNotices, type OperationNoticeEvent } from "../notices/plan-notices";
import { isId, transitionSchema, type OperationTransition } from "../validation/operation";
import { readSearchBox, writeSearchKeys } from "./candidates";
import { acquireCellLocks, lockPlanFor } from "./cell-locks";
import { runLockedCheck, withFreshBuffers } from "./check";
import { OPERATION_SELECT, toOperationView, type OperationView } from "./operation-view";
import { FILING_ROLES, OPERATION_AUDIT } from "./roles";
import { TX_OPTIONS } from "./tx";

const RULES: Record<OperationTransition, { from: OperationStatus[]; to: OperationStatus }> = {
  PLAN: { from: ["DRAFT"], to: "PLANNED" },
  ACTIVATE: { from: ["PLANNED"], to: "ACTIVE" },
  COMPLETE: { from: ["ACTIVE"], to: "COMPLETED" },
  CANCEL: { from: ["DRAFT", "PLANNED", "ACTIVE"], to: "CANCELLED" },
};

/** What each transition tells the agencies already notified (a draft was never notified of anything). */
const NOTICE_EVENT: Record<OperationStatus, OperationNoticeEvent> = {
  DRAFT: "UPDATED",
  PLANNED: "PLANNED",
  ACTIVE: "ACTIVATED",
  COMPLETED: "COMPLETED",
  CANCELLED: "CANCELLED",
};

export type TransitionResult = { operation: OperationView; conflicts: RecordedConflict[]; closed: ClosedConflict[] };

export async function transitionOperation(args: {
  db: Db;
  actor: Actor;
  operationId: string;
  input: unknown;
  now: Date;
}): Promise<TransitionResult> {
  const { db, actor, operationId, now } = args;
  const denial = {
    db,
    actor,
    action: OPERATION_AUDIT.transition,
    targetType: "Operation",
    targetId: operationId.slice(0, 64),
    now,
  };
  return auditRefusal(denial, () => withFreshBuffers(() => transition(db, actor, operationId, args.input, now)));
}

async function transition(
  db: Db,
  actor: Actor,
  operationId: string,
  raw: unknown,
  now: Date,
): Promise<TransitionResult> {
  authorize(actor, { roles: FILING_ROLES, agencyId: actor.agencyId });
  if (!isId(operationId)) throw new NotFoundError();
  const input = transitionSchema.parse(raw);
  const rule = RULES[input.transition];

  return auditedTransaction(
    db,
    async (tx) => {
      const row = await tx.operation.findFirst({
        where: { id: operationId, agencyId: actor.agencyId },
        select: OPERATION_SELECT,
      });
      if (!row) throw new NotFoundError();
      const before = toOperationView(row);
      if (input.version !== undefined && input.version !== before.version) throw new ConflictError();
      if (!rule.from.includes(before.status)) {
        throw new ConflictError("operations.errors.badTransition", { from: before.status, to: rule.to });
      }

      let conflicts: RecordedConflict[] = [];
      let closed: ClosedConflict[] = [];
      if (rule.to === "PLANNED") {
        const check = await runLockedCheck(tx, before);
        await writeSearchKeys(tx, before.id, check.keys);
        conflicts = await recordConflicts(tx, check.conflicts, now);
      } else if (rule.to === "COMPLETED" || rule.to === "CANCELLED") {
        // Hold the operation's cells so no concurrent filing pairs with it while it leaves the search.
        const box = await readSearchBox(tx, before.id);
        if (box) await acquireCellLocks(tx, lockPlanFor(box));
        await writeSearchKeys(tx, before.id, null);
        if (rule.to === "CANCELLED") closed = await closeConflicts(tx, before.id, "OPERATION_CANCELLED", now);
      }

      const { count } = await tx.operation.updateMany({
        where: { id: before.id, agencyId: actor.agencyId, status: before.status, version: before.version },
        data: { status: rule.to, version: { increment: 1 }, updatedAt: now },
      });
      if (count !== 1) throw new ConflictError();
      const operation = { ...before, status: rule.to, version: before.version + 1, updatedAt: now };
      await tx.operationChange.create({
        data: {
          operationId: before.id,
          at: now,
          byUserId: actor.userId,
          kinds: ["STATUS"],
          before: { status: before.status },
          after: { status: rule.to, ...(input.reason ? { reason: input.reason } : {}) } as Prisma.InputJsonValue,
        },
      });
      await recordAudit(tx, {
        action: OPERATION_AUDIT.transition,
        targetType: "Operation",
        targetId: before.id,
        details: {
          ref: before.ref,
          from: before.status,
          to: rule.to,
          reason: input.reason ?? null,
          conflictsNew: conflicts.map((c) => c.id),
          conflictsClosed: closed.map((c) => c.id),
        },
        at: now,
        ...auditContext(actor),
      });
      await planNotices(tx, {
        actor,
        operationId: before.id,
        event: NOTICE_EVENT[rule.to],
        input: raw,
        conflicts,
        now,
      });
      return { operation, conflicts, closed };
    },
    TX_OPTIONS,
  );
}
