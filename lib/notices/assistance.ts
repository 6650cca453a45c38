// Assistance requests (traffic control, perimeter, interpreter…): the operation's agency asks an
// agency it has already notified; that agency's chief or supervisor accepts or declines, with a
// reason. Both steps land in the thread both agencies share.
import type { Db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { ConflictError, NotFoundError } from "../errors";
import { stopEscalation } from "../jobs/escalation";
import { isChecked } from "../operations/roles";
import { auditRefusal } from "../users/admin-scope";
import { assistanceDecisionSchema, assistanceRequestSchema } from "../validation/notice";
import { isId } from "../validation/operation";
import { buildNoticeContent, contentWindow, NOTICE_OPERATION_SELECT, noticeContent } from "./content";
import { NOTICE_ACTING_ROLES, NOTICE_AUDIT, NOTICE_SUBJECT } from "./roles";
import { sendNotice, type SentNotice } from "./send-notice";
import { addThreadEntry } from "./thread";

export const ASSISTANCE_DECIDING_ROLES: Role[] = ["CHIEF", "SUPERVISOR"];

export async function requestAssistance(args: {
  db: Db;
  actor: Actor;
  operationId: string;
  input: unknown;
  now: Date;
}): Promise<SentNotice> {
  const { db, actor, operationId, now } = args;
  const denial = {
    db,
    actor,
    action: NOTICE_AUDIT.requestAssistance,
    targetType: "Operation",
    targetId: operationId.slice(0, 64),
    now,
  };
  return auditRefusal(denial, async () => {
    authorize(actor, { roles: NOTICE_ACTING_ROLES, agencyId: actor.agencyId });
    if (!isId(operationId)) throw new NotFoundError();
    const input = assistanceRequestSchema.parse(args.input);
    return db.$transaction(async (tx) => {
      const op = await tx.operation.findFirst({
        where: { id: operationId, agencyId: actor.agencyId },
        select: NOTICE_OPERATION_SELECT,
      });
      if (!op) throw new NotFoundError();
      if (!isChecked(op.status)) throw new ConflictError("notices.errors.operationNotActive");
      // Only an agency already told about the operation, and only with what it was told.
      const told = await tx.notice.findFirst({
        where: {
          operationId: op.id,
          recipientAgencyId: input.recipientAgencyId,
          supersededAt: null,
          kind: { not: "ASSISTANCE_REQUEST" },
        },
        select: { content: true, reasons: true, kind: true },
      });
      if (!told || told.kind === "CANCELLATION") throw new ConflictError("notices.errors.notNotified");
      const toldContent = noticeContent(told.content);
      const content = buildNoticeContent(op, {
        scope: toldContent.scope,
        window: contentWindow(toldContent),
        assistance: { kinds: input.kinds, note: input.note ?? null },
      });
      return sendNotice(tx, {
        actor,
        now,
        operation: op,
        recipientAgencyId: input.recipientAgencyId,
        reasons: told.reasons,
        kind: "ASSISTANCE_REQUEST",
        content,
        requiresAck: true,
        escalate: true,
        assistanceKinds: input.kinds,
      });
    });
  });
}

export async function decideAssistance(args: {
  db: Db;
  actor: Actor;
  noticeId: string;
  input: unknown;
  now: Date;
}): Promise<{ decision: string }> {
  const { db, actor, noticeId, now } = args;
  const denial = {
    db,
    actor,
    action: NOTICE_AUDIT.decideAssistance,
    targetType: "Notice",
    targetId: noticeId.slice(0, 64),
    now,
  };
  return auditRefusal(denial, async () => {
    authorize(actor, { roles: ASSISTANCE_DECIDING_ROLES, agencyId: actor.agencyId });
    if (!isId(noticeId)) throw new NotFoundError();
    const input = assistanceDecisionSchema.parse(args.input);
    return db.$transaction(async (tx) => {
      const notice = await tx.notice.findFirst({
        where: { id: noticeId, recipientAgencyId: actor.agencyId, kind: "ASSISTANCE_REQUEST" },
        select: {
          id: true,
          threadId: true,
          senderAgencyId: true,
          recipientAgencyId: true,
          sentByUserId: true,
          content: true,
          assistanceDecision: true,
          acknowledgedAt: true,
        },
      });
      if (!notice) throw new NotFoundError();
      if (notice.assistanceDecision) throw new ConflictError("notices.errors.alreadyDecided");
      const by = actor.userId ?? actor.id;
      const { count } = await tx.notice.updateMany({
        where: { id: notice.id, recipientAgencyId: actor.agencyId, assistanceDecision: null },
        data: {
          assistanceDecision: input.decision,
          assistanceReason: input.reason ?? null,
          assistanceDecidedAt: now,
          assistanceDecidedById: by,
          // Deciding is answering: it acknowledges the request too.
          ...(notice.acknowledgedAt
            ? {}
            : { acknowledgedAt: now, acknowledgedById: by, acknowledgedByName: actor.name }),
        },
      });
      if (count !== 1) throw new ConflictError();
      await tx.notice.updateMany({ where: { id: notice.id, readAt: null }, data: { readAt: now, readById: by } });
      await stopEscalation(tx, {
        subjectType: NOTICE_SUBJECT,
        subjectId: notice.id,
        recipientAgencyId: actor.agencyId,
        now,
      });
      const kind = input.decision === "ACCEPTED" ? "ASSISTANCE_ACCEPTED" : "ASSISTANCE_DECLINED";
      await addThreadEntry(tx, {
        actor,
        notice,
        kind,
        body: input.reason ?? "",
        now,
        live: "reply",
        notifyOtherSide: true,
      });
      await recordAudit(tx, {
        action: NOTICE_AUDIT.decideAssistance,
        targetType: "Notice",
        targetId: notice.id,
        details: { decision: input.decision },
        at: now,
        ...auditContext(actor),
      });
      return { decision: input.decision };
    });
  });
}

/** From a notice the actor's agency sent: ask that notice's recipient. */
export async function requestAssistanceFromNotice(args: {
  db: Db;
  actor: Actor;
  noticeId: string;
  input: unknown;
  now: Date;
}): Promise<SentNotice> {
  const { db, actor, noticeId, now } = args;
  authorize(actor, { roles: NOTICE_ACTING_ROLES, agencyId: actor.agencyId });
  if (!isId(noticeId)) throw new NotFoundError();
  const notice = await db.notice.findFirst({
    where: { id: noticeId, senderAgencyId: actor.agencyId },
    select: { operationId: true, recipientAgencyId: true },
  });
  if (!notice) throw new NotFoundError();
  const raw = args.input && typeof args.input === "object" ? (args.input as Record<string, unknown>) : {};
  return requestAssistance({
    db,
    actor,
    operationId: notice.operationId,
    input: { ...raw, recipientAgencyId: notice.recipientAgencyId },
    now,
  });
}
