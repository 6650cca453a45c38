// Filing an operation: validate, check it against every PLANNED or ACTIVE operation nearby in
// space and time, and store it with its conflict pairs, its history and an audit event in one
// transaction. Writes that could conflict are serialized by cell locks (see cell-locks.ts).
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { auditedTransaction, recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { recordConflicts, type RecordedConflict } from "../conflicts/record-conflicts";
import { NotFoundError } from "../errors";
import { planNotices } from "../notices/plan-notices";
import { operationInputSchema } from "../validation/operation";
import { areaColumns, bboxColumns } from "./area-record";
import { writeSearchKeys } from "./candidates";
import { acquireCellLocks, lockPlanFor } from "./cell-locks";
import { runCheck, subjectKeys, type Buffers, type DetectedConflict } from "./check";
import { OPERATION_SELECT, snapshot, toOperationView, type OperationView } from "./operation-view";
import { newOperationRef } from "./ref";
import { FILING_ROLES, isChecked, OPERATION_AUDIT } from "./roles";
import { TX_OPTIONS } from "./tx";

export type FilingResult = { operation: OperationView; conflicts: RecordedConflict[] };

export async function fileOperation(args: { db: Db; actor: Actor; input: unknown; now: Date }): Promise<FilingResult> {
  const { db, actor, now } = args;
  authorize(actor, { roles: FILING_ROLES, agencyId: actor.agencyId });
  const input = operationInputSchema.parse(args.input);
  const id = randomUUID();
  const subject = { id, agencyId: actor.agencyId, area: input.area, startsAt: input.startsAt, endsAt: input.endsAt, riskFlags: input.riskFlags };

  return auditedTransaction(db, async (tx) => {
    const buffers = await agencyBuffers(tx, actor.agencyId);
    const checked = isChecked(input.status);
    const { bbox, keys } = subjectKeys(subject, buffers);
    let found: DetectedConflict[] = [];
    if (checked) {
      await acquireCellLocks(tx, lockPlanFor(keys.box));
      found = (await runCheck(tx, subject, buffers)).conflicts;
    }
    const row = await tx.operation.create({
      data: {
        id,
        ref: newOperationRef(),
        agencyId: actor.agencyId,
        type: input.type,
        title: input.title,
        status: input.status,
        ...areaColumns(input.area),
        ...bboxColumns(bbox),
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        leadAgencyName: input.leadAgencyName,
        commanderName: input.commanderName,
        commanderPhone: input.commanderPhone,
        commsPlan: input.commsPlan,
        radioChannel: input.radioChannel ?? null,
        talkgroup: input.talkgroup ?? null,
        interopChannel: input.interopChannel ?? null,
        personnelCount: input.personnelCount,
        riskFlags: input.riskFlags,
        notes: input.notes,
        createdById: actor.userId ?? actor.id,
        createdAt: now,
        updatedAt: now,
      },
      select: OPERATION_SELECT,
    });
    if (checked) await writeSearchKeys(tx, id, keys);
    const conflicts = await recordConflicts(tx, found, now);
    const operation = toOperationView(row);
    await tx.operationChange.create({
      data: { operationId: id, at: now, byUserId: actor.userId, kinds: ["CREATE"], after: snapshot(operation) as Prisma.InputJsonValue },
    });
    await recordAudit(tx, {
      action: OPERATION_AUDIT.file,
      targetType: "Operation",
      targetId: id,
      details: { ref: operation.ref, status: operation.status, conflicts: conflicts.map((c) => c.id) },
      at: now,
      ...auditContext(actor),
    });
    await planNotices(tx, { actor, operationId: id, event: "FILED", input: args.input, conflicts, now });
    return { operation, conflicts };
  }, TX_OPTIONS);
}

export async function agencyBuffers(tx: Prisma.TransactionClient | Db, agencyId: string): Promise<Buffers> {
  const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { proximityBufferM: true, timeBufferMinutes: true } });
  if (!agency) throw new NotFoundError();
  return agency;
}
