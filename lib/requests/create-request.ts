// A request enters the log in one of two ways: the receiving agency logs it by hand (a fax, a
// call, an NCIC hit), or a member federal office submits it through the portal. Either way the
// row, its escalation timer, a live event for both sides and the audit event commit together.
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../db/client";
import type { FederalRequestKind, LegalBasisDocument, OffenceCategory, RequestChannel } from "../db/generated/enums";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError, ValidationError, zodIssues } from "../errors";
import { scheduleEscalation } from "../jobs/escalation";
import { publishLiveEvent } from "../realtime/publish";
import { auditRefusal } from "../users/admin-scope";
import { logRequestSchema, submitRequestSchema } from "../validation/request";
import { msg } from "../i18n/issue";
import { computeDueAt } from "./due";
import { newRequestRef } from "./ref";
import { REQUEST_AUDIT, REQUEST_LOGGING_ROLES, REQUEST_SUBJECT, REQUEST_SUBMITTING_ROLES } from "./roles";

/** Escalation starts this many acknowledgment windows before the due time. */
const ESCALATION_LEAD_WINDOWS = 4;

type NewRow = {
  agencyId: string;
  requesterAgencyId: string | null;
  requesterName: string | null;
  kind: FederalRequestKind;
  channel: RequestChannel;
  receivedAt: Date;
  dueAt?: Date;
  basisDocument: LegalBasisDocument;
  basisSignedByJudge: boolean;
  basisCourt?: string;
  offenceCategory: OffenceCategory;
  localReference?: string;
};

async function insert(tx: Tx, actor: Actor, row: NewRow, action: string, now: Date) {
  const id = randomUUID();
  const ref = newRequestRef();
  const dueAt = computeDueAt({ kind: row.kind, receivedAt: row.receivedAt, dueAt: row.dueAt });
  await tx.federalRequest.create({
    data: {
      id,
      ref,
      agencyId: row.agencyId,
      requesterAgencyId: row.requesterAgencyId,
      requesterName: row.requesterName,
      kind: row.kind,
      channel: row.channel,
      receivedAt: row.receivedAt,
      dueAt,
      basisDocument: row.basisDocument,
      basisSignedByJudge: row.basisSignedByJudge,
      basisCourt: row.basisCourt ?? null,
      offenceCategory: row.offenceCategory,
      localReference: row.localReference ?? null,
      createdById: actor.userId,
      createdByLabel: actor.kind === "API_TOKEN" ? `${actor.agencyName} (API)` : actor.name,
      createdAt: now,
      updatedAt: now,
    },
  });
  if (dueAt && dueAt > now) {
    const agency = await tx.agency.findUniqueOrThrow({
      where: { id: row.agencyId },
      select: { ackWindowMinutes: true },
    });
    const from = new Date(
      Math.max(now.getTime(), dueAt.getTime() - ESCALATION_LEAD_WINDOWS * agency.ackWindowMinutes * 60_000),
    );
    await scheduleEscalation(tx, {
      subjectType: REQUEST_SUBJECT,
      subjectId: id,
      recipientAgencyId: row.agencyId,
      originAgencyId: row.requesterAgencyId,
      startsAt: dueAt,
      now: from,
    });
  }
  await publishLiveEvent(
    tx,
    { type: "request", agencyIds: [row.agencyId, ...(row.requesterAgencyId ? [row.requesterAgencyId] : [])], id },
    { event: "request.received", agencyIds: [row.agencyId], now },
  );
  // The audit trail names kinds and categories only; never the local reference.
  await recordAudit(tx, {
    action,
    targetType: "FederalRequest",
    targetId: id,
    at: now,
    details: {
      ref,
      kind: row.kind,
      channel: row.channel,
      toAgencyId: row.agencyId,
      requesterAgencyId: row.requesterAgencyId,
    },
    ...auditContext(actor),
  });
  return { id, ref, dueAt };
}

export async function logRequest(args: { db: Db; actor: Actor; input: unknown; now: Date }) {
  const { db, actor, now } = args;
  return auditRefusal({ db, actor, action: REQUEST_AUDIT.log, targetType: "FederalRequest", now }, async () => {
    authorize(actor, { roles: REQUEST_LOGGING_ROLES, agencyId: actor.agencyId });
    const parsed = logRequestSchema.safeParse(args.input);
    if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
    const v = parsed.data;
    return db.$transaction(async (tx) => {
      let requesterName = v.requesterName ?? null;
      if (v.requesterAgencyId) {
        const requester = await tx.agency.findFirst({
          where: { id: v.requesterAgencyId, active: true },
          select: { id: true },
        });
        if (!requester || requester.id === actor.agencyId)
          throw new ValidationError([{ path: "requesterAgencyId", message: msg("requests.errors.unknownAgency") }]);
        requesterName = null;
      }
      return insert(
        tx,
        actor,
        { ...v, agencyId: actor.agencyId, requesterAgencyId: v.requesterAgencyId ?? null, requesterName },
        REQUEST_AUDIT.log,
        now,
      );
    });
  });
}

/** A member federal office sends a request to a member local, state or tribal agency. */
export async function submitRequest(args: { db: Db; actor: Actor; input: unknown; now: Date }) {
  const { db, actor, now } = args;
  return auditRefusal({ db, actor, action: REQUEST_AUDIT.submit, targetType: "FederalRequest", now }, async () => {
    authorize(actor, { roles: REQUEST_SUBMITTING_ROLES, agencyId: actor.agencyId });
    const parsed = submitRequestSchema.safeParse(args.input);
    if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
    const v = parsed.data;
    return db.$transaction(async (tx) => {
      const own = await tx.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { level: true } });
      if (own.level !== "FEDERAL") throw new NotFoundError();
      const target = await tx.agency.findFirst({
        where: { id: v.agencyId, active: true, level: { not: "FEDERAL" } },
        select: { id: true },
      });
      if (!target) throw new ValidationError([{ path: "agencyId", message: msg("requests.errors.unknownAgency") }]);
      const { agencyId, ...fields } = v;
      return insert(
        tx,
        actor,
        {
          ...fields,
          agencyId,
          receivedAt: now,
          channel: "PORTAL",
          requesterAgencyId: actor.agencyId,
          requesterName: null,
        },
        REQUEST_AUDIT.submit,
        now,
      );
    });
  });
}
