// The receiving agency corrects or completes a request it holds (a due time, the issuing court,
// its own booking number, whether counsel was notified). Each edit is audited with the fields
// changed, never their values, so the local reference stays out of the trail.
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError, ValidationError, zodIssues } from "../errors";
import { auditRefusal } from "../users/admin-scope";
import { isId } from "../validation/operation";
import { editRequestSchema } from "../validation/request";
import { computeDueAt } from "./due";
import { REQUEST_AUDIT, REQUEST_LOGGING_ROLES } from "./roles";

export async function editRequest(args: { db: Db; actor: Actor; requestId: string; input: unknown; now: Date }) {
  const { db, actor, requestId, now } = args;
  return auditRefusal({ db, actor, action: REQUEST_AUDIT.edit, targetType: "FederalRequest", targetId: requestId.slice(0, 64), now }, async () => {
    authorize(actor, { roles: REQUEST_LOGGING_ROLES, agencyId: actor.agencyId });
    if (!isId(requestId)) throw new NotFoundError();
    const parsed = editRequestSchema.safeParse(args.input);
    if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
    const v = parsed.data;
    return db.$transaction(async (tx) => {
      const req = await tx.federalRequest.findFirst({ where: { id: requestId, agencyId: actor.agencyId } });
      if (!req) throw new NotFoundError();
      const data: Record<string, unknown> = {};
      if (v.basisCourt !== undefined) data.basisCourt = v.basisCourt;
      if (v.offenceCategory !== undefined) data.offenceCategory = v.offenceCategory;
      if (v.dueAt !== undefined) data.dueAt = computeDueAt({ kind: req.kind, receivedAt: req.receivedAt, dueAt: v.dueAt });
      if (v.localReference !== undefined) data.localReference = v.localReference === "" ? null : v.localReference;
      if (v.counselNotified !== undefined) {
        data.counselNotified = v.counselNotified;
        data.counselNotifiedAt = v.counselNotified ? (v.counselNotifiedAt ?? now) : null;
      }
      const fields = Object.keys(data);
      if (fields.length === 0) return { changed: [] as string[] };
      await tx.federalRequest.updateMany({ where: { id: req.id, agencyId: actor.agencyId }, data: { ...data, updatedAt: now } });
      await recordAudit(tx, { action: REQUEST_AUDIT.edit, targetType: "FederalRequest", targetId: req.id, at: now, details: { ref: req.ref, fields }, ...auditContext(actor) });
      return { changed: fields };
    });
  });
}
