// Filing an operation: validate, check it against every PLANNED or ACTIVE operation nearby in
// space and time, and store it with its conflict pairs, its history, its notices and an audit
// event in one transaction. Writes that could conflict are serialized by cell locks (see cell-locks.ts).
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { auditedTransaction, recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { recordConflicts, type RecordedConflict } from "../conflicts/record-conflicts";
import type { NoticeOperation } from "../notices/content";
import { filingNoticeColumns } from "../notices/notice-fields";
import { planNotices } from "../notices/plan-notices";
import { operationInputSchema } from "../validation/operation";
import { areaBBox } from "../deconfliction/bbox";
import { runLockedCheck, withFreshBuffers } from "./check";
import { areaColumns } from "./area-record";
import { insertOperation } from "./insert-operation";
import type { OperationView } from "./operation-view";
import { newOperationRef } from "./ref";
import { FILING_ROLES, isChecked, OPERATION_AUDIT } from "./roles";
import { TX_OPTIONS } from "./tx";

export type FilingResult = { operation: OperationView; conflicts: RecordedConflict[] };

export async function fileOperation(args: { db: Db; actor: Actor; input: unknown; now: Date }): Promise<FilingResult> {
  const { db, actor, now } = args;
  authorize(actor, { roles: FILING_ROLES, agencyId: actor.agencyId });
  const input = operationInputSchema.parse(args.input);
  const notice = filingNoticeColumns(args.input, now);
  const id = randomUUID();
  const subject = {
    id,
    agencyId: actor.agencyId,
    area: input.area,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    riskFlags: input.riskFlags,
  };

  return withFreshBuffers(() =>
    auditedTransaction(
      db,
      async (tx) => {
        // A draft is not checked and takes no locks; a planned operation is checked under its cells' locks.
        const check = isChecked(input.status) ? await runLockedCheck(tx, subject) : null;
        const bbox = check?.bbox ?? areaBBox(input.area);
        const operation: OperationView = {
          id,
          ref: newOperationRef(),
          agencyId: actor.agencyId,
          type: input.type,
          title: input.title,
          status: input.status,
          area: input.area,
          bbox,
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
          version: 1,
          createdById: actor.userId ?? actor.id,
          createdAt: now,
          updatedAt: now,
        };
        const { agency, hostCandidates } = await insertOperation(
          tx,
          operation,
          notice,
          check?.keys ?? null,
          actor.userId,
        );
        const conflicts = await recordConflicts(tx, check?.conflicts ?? [], now);
        await recordAudit(tx, {
          action: OPERATION_AUDIT.file,
          targetType: "Operation",
          targetId: id,
          details: { ref: operation.ref, status: operation.status, conflicts: conflicts.map((c) => c.id) },
          at: now,
          ...auditContext(actor),
        });
        const filed: NoticeOperation = {
          ...operation,
          ...notice,
          ...areaColumns(input.area),
          polygon: input.area.kind === "POLYGON" ? input.area.geometry : null,
          exigent: false,
          agency,
        };
        await planNotices(tx, { actor, operationId: id, event: "FILED", filed, hostCandidates, conflicts, now });
        return { operation, conflicts };
      },
      TX_OPTIONS,
    ),
  );
}

/** An agency's buffers (kept here too for callers that import it from the filing module). */
export { agencyBuffers } from "./agency-buffers";
