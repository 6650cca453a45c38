// Editing an operation: merge the edit, record what kind of change it was (MOVE, RESCHEDULE,
// EXTEND, EDIT) and, for a PLANNED or ACTIVE operation, run the check again: new conflicts
// appear, and OPEN conflicts that no longer overlap close with NO_LONGER_OVERLAPS.
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { auditedTransaction, recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { auditRefusal } from "../users/admin-scope";
import {
  closeConflicts,
  existingPairs,
  recordConflicts,
  type ClosedConflict,
  type RecordedConflict,
} from "../conflicts/record-conflicts";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { noticeFieldsChanged, planNotices } from "../notices/plan-notices";
import { isId, operationUpdateSchema, windowIssue } from "../validation/operation";
import { areaColumns, bboxColumns } from "./area-record";
import { areaBBox } from "../deconfliction/bbox";
import { readSearchBox, writeSearchKeys } from "./candidates";
import { changedFields, changeKinds, pick, type ChangeKind } from "./change-kinds";
import { runLockedCheck, withFreshBuffers, type DetectedConflict } from "./check";
import { OPERATION_SELECT, toOperationView, TRACKED_FIELDS, type OperationView } from "./operation-view";
import { FILING_ROLES, isChecked, OPERATION_AUDIT } from "./roles";
import { TX_OPTIONS } from "./tx";

export type UpdateResult = {
  operation: OperationView;
  kinds: ChangeKind[];
  conflicts: RecordedConflict[];
  closed: ClosedConflict[];
};

const EDITABLE = new Set(["DRAFT", "PLANNED", "ACTIVE"]);

export async function updateOperation(args: {
  db: Db;
  actor: Actor;
  operationId: string;
  input: unknown;
  now: Date;
}): Promise<UpdateResult> {
  const { db, actor, operationId, now } = args;
  const denial = {
    db,
    actor,
    action: OPERATION_AUDIT.update,
    targetType: "Operation",
    targetId: operationId.slice(0, 64),
    now,
  };
  return auditRefusal(denial, () => withFreshBuffers(() => update(db, actor, operationId, args.input, now)));
}

async function update(db: Db, actor: Actor, operationId: string, raw: unknown, now: Date): Promise<UpdateResult> {
  authorize(actor, { roles: FILING_ROLES, agencyId: actor.agencyId });
  if (!isId(operationId)) throw new NotFoundError();
  const patch = operationUpdateSchema.parse(raw);

  return auditedTransaction(
    db,
    async (tx) => {
      const row = await tx.operation.findFirst({
        where: { id: operationId, agencyId: actor.agencyId },
        select: OPERATION_SELECT,
      });
      if (!row) throw new NotFoundError();
      const before = toOperationView(row);
      if (!EDITABLE.has(before.status)) throw new ConflictError("operations.errors.notEditable");
      if (before.version !== patch.version) throw new ConflictError();

      const after: OperationView = { ...before };
      for (const f of TRACKED_FIELDS) {
        if (patch[f] !== undefined) (after as Record<string, unknown>)[f] = patch[f];
      }
      const bad = windowIssue(after.startsAt, after.endsAt);
      if (bad) throw new ValidationError([bad]);
      const fields = changedFields(before, after);
      if (fields.length === 0 && !(await noticeFieldsChanged(tx, before.id, raw)))
        return { operation: before, kinds: [], conflicts: [], closed: [] };
      const kinds = changeKinds(before, after);

      const subject = {
        id: before.id,
        agencyId: before.agencyId,
        area: after.area,
        startsAt: after.startsAt,
        endsAt: after.endsAt,
        riskFlags: after.riskFlags,
      };
      // Locks on both the new place and the old one: a concurrent filing must not pair with either half-way.
      const check = isChecked(before.status)
        ? await runLockedCheck(tx, subject, await oldSearchBox(tx, before.id))
        : null;
      const bbox = check?.bbox ?? areaBBox(after.area);
      const found: DetectedConflict[] = check?.conflicts ?? [];

      const { count } = await tx.operation.updateMany({
        where: { id: before.id, agencyId: actor.agencyId, version: patch.version },
        data: {
          type: after.type,
          title: after.title,
          ...areaColumns(after.area),
          ...bboxColumns(bbox),
          startsAt: after.startsAt,
          endsAt: after.endsAt,
          leadAgencyName: after.leadAgencyName,
          commanderName: after.commanderName,
          commanderPhone: after.commanderPhone,
          commsPlan: after.commsPlan,
          radioChannel: after.radioChannel ?? null,
          talkgroup: after.talkgroup ?? null,
          interopChannel: after.interopChannel ?? null,
          personnelCount: after.personnelCount,
          riskFlags: after.riskFlags,
          notes: after.notes,
          version: { increment: 1 },
          updatedAt: now,
        },
      });
      if (count !== 1) throw new ConflictError();

      let conflicts: RecordedConflict[] = [];
      let closed: ClosedConflict[] = [];
      if (check) {
        await writeSearchKeys(tx, before.id, check.keys);
        const previous = await existingPairs(tx, before.id);
        conflicts = await recordConflicts(tx, found, now, previous);
        closed = await closeConflicts(
          tx,
          before.id,
          "NO_LONGER_OVERLAPS",
          now,
          found.map((f) => f.bId),
        );
      }
      const updated = toOperationView(
        await tx.operation.findUniqueOrThrow({ where: { id: before.id }, select: OPERATION_SELECT }),
      );
      await tx.operationChange.create({
        data: {
          operationId: before.id,
          at: now,
          byUserId: actor.userId,
          kinds,
          before: pick(before, fields) as Prisma.InputJsonValue,
          after: pick(updated, fields) as Prisma.InputJsonValue,
        },
      });
      await recordAudit(tx, {
        action: OPERATION_AUDIT.update,
        targetType: "Operation",
        targetId: before.id,
        details: {
          ref: before.ref,
          kinds,
          fields,
          version: updated.version,
          conflictsNew: conflicts.filter((c) => c.change !== "UPDATED").map((c) => c.id),
          conflictsClosed: closed.map((c) => c.id),
        },
        at: now,
        ...auditContext(actor),
      });
      await planNotices(tx, { actor, operationId: before.id, event: "UPDATED", input: raw, conflicts, now });
      return { operation: updated, kinds, conflicts, closed };
    },
    TX_OPTIONS,
  );
}

async function oldSearchBox(tx: Tx, operationId: string) {
  const box = await readSearchBox(tx, operationId);
  return box ? [box] : [];
}
