// The after-action account an exigent operation owes. It is due 72 hours after the operation was
// filed as exigent (the moment its late notice went out), not after its start: an operation filed
// once it was already under way would otherwise be overdue at birth, and one started days after a
// late filing would put the explanation off. Until it is written, the filer's agency is reminded
// and then escalated to (after-action-jobs.ts); once written it is shared, in each notice thread,
// with the agencies that received the full notice, and audited.
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { auditedTransaction, recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { cancelPendingJobs, enqueue } from "../jobs/queue";
import { noticeContent } from "../notices/content";
import { addThreadEntry } from "../notices/thread";
import { auditRefusal } from "../users/admin-scope";
import { afterActionSchema } from "../validation/follow-up";
import { isId } from "../validation/operation";
import { FILING_ROLES, READING_ROLES } from "./roles";

export const AFTER_ACTION_HOURS = 72;
export const AFTER_ACTION_QUEUE = "afterAction.step";
export const AFTER_ACTION_SUBJECT = "AFTER_ACTION";
export const AFTER_ACTION_AUDIT = {
  file: "operation.afterAction.file",
  reminder: "operation.afterAction.reminder",
  escalation: "operation.afterAction.escalation",
} as const;

const HOUR = 3_600_000;
/** When each step runs, relative to the deadline: two reminders before it, then supervisors, then the chief. */
export const AFTER_ACTION_STEPS = [
  { step: "REMIND_24H", offsetMs: -24 * HOUR },
  { step: "REMIND_4H", offsetMs: -4 * HOUR },
  { step: "SUPERVISOR", offsetMs: 0 },
  { step: "CHIEF", offsetMs: 12 * HOUR },
] as const;
export type AfterActionStep = (typeof AFTER_ACTION_STEPS)[number]["step"];
export type AfterActionPayload = { operationId: string; agencyId: string; step: AfterActionStep };

const jobKey = (operationId: string, step?: string) => `aa:${operationId}:${step ?? ""}`;

/** Called when an operation is filed as exigent: sets its deadline once and queues its reminders. */
export async function requireAfterAction(
  tx: Tx,
  o: { operationId: string; agencyId: string; now: Date },
): Promise<Date> {
  const row = await tx.operation.findUniqueOrThrow({
    where: { id: o.operationId },
    select: { afterActionDueAt: true },
  });
  if (row.afterActionDueAt) return row.afterActionDueAt;
  const dueAt = new Date(o.now.getTime() + AFTER_ACTION_HOURS * HOUR);
  await tx.operation.update({ where: { id: o.operationId }, data: { afterActionDueAt: dueAt } });
  for (const s of AFTER_ACTION_STEPS) {
    const runAt = new Date(Math.max(o.now.getTime(), dueAt.getTime() + s.offsetMs));
    const payload: AfterActionPayload = { operationId: o.operationId, agencyId: o.agencyId, step: s.step };
    await enqueue(tx, {
      queue: AFTER_ACTION_QUEUE,
      payload,
      runAt,
      now: o.now,
      dedupeKey: jobKey(o.operationId, s.step),
    });
  }
  return dueAt;
}

export type PhoneContact = { agencyId: string | null; name: string };
export type AfterActionAccountView = {
  whatHappened: string;
  whyNoNotice: string;
  phoneContacts: PhoneContact[];
  filedAt: Date;
  filedByName: string;
};
export type AfterActionState = {
  dueAt: Date;
  state: "DUE" | "OVERDUE" | "FILED";
  account: AfterActionAccountView | null;
  escalations: { step: number; level: string; contactName: string | null; firedAt: Date }[];
};

const ACCOUNT_SELECT = {
  whatHappened: true,
  whyNoNotice: true,
  phoneContacts: true,
  filedAt: true,
  filedByName: true,
} as const;
const toView = (r: Prisma.AfterActionAccountGetPayload<{ select: typeof ACCOUNT_SELECT }>): AfterActionAccountView => ({
  ...r,
  phoneContacts: r.phoneContacts as PhoneContact[],
});

/** The after-action state of one of the actor's agency's operations; null when none is owed. */
export async function getAfterActionState(args: {
  db: Db;
  actor: Actor;
  operationId: string;
  now: Date;
}): Promise<AfterActionState | null> {
  const { db, actor, now } = args;
  authorize(actor, { roles: READING_ROLES, agencyId: actor.agencyId });
  if (!isId(args.operationId)) throw new NotFoundError();
  const op = await db.operation.findFirst({
    where: { id: args.operationId, agencyId: actor.agencyId },
    select: { id: true, afterActionDueAt: true },
  });
  if (!op) throw new NotFoundError();
  if (!op.afterActionDueAt) return null;
  const [account, escalations] = await Promise.all([
    db.afterActionAccount.findFirst({
      where: { operationId: op.id, agencyId: actor.agencyId },
      select: ACCOUNT_SELECT,
    }),
    db.escalationStep.findMany({
      where: { subjectType: AFTER_ACTION_SUBJECT, subjectId: op.id, recipientAgencyId: actor.agencyId },
      orderBy: { step: "asc" },
      select: { step: true, level: true, contactName: true, firedAt: true },
    }),
  ]);
  const state = account ? "FILED" : now > op.afterActionDueAt ? "OVERDUE" : "DUE";
  return { dueAt: op.afterActionDueAt, state, account: account ? toView(account) : null, escalations };
}

/**
 * The account as a notice's party agency may see it: the sender, and a recipient that was sent the
 * full notice (a host or an added agency). An agency told only of a conflict is not shown it.
 */
export async function getSharedAfterAction(
  q: Db,
  o: { operationId: string; scope: "FULL" | "CONFLICT"; side: "SENDER" | "RECIPIENT" },
): Promise<AfterActionAccountView | null> {
  if (o.side === "RECIPIENT" && o.scope !== "FULL") return null;
  const row = await q.afterActionAccount.findUnique({ where: { operationId: o.operationId }, select: ACCOUNT_SELECT });
  return row ? toView(row) : null;
}

/** When the account is due, for a notice page still waiting for it (same visibility as the account). */
export async function sharedAfterActionDue(
  q: Db,
  o: { operationId: string; scope: "FULL" | "CONFLICT"; side: "SENDER" | "RECIPIENT" },
): Promise<Date | null> {
  if (o.side === "RECIPIENT" && o.scope !== "FULL") return null;
  const row = await q.operation.findUnique({ where: { id: o.operationId }, select: { afterActionDueAt: true } });
  return row?.afterActionDueAt ?? null;
}

export async function fileAfterAction(args: {
  db: Db;
  actor: Actor;
  operationId: string;
  input: unknown;
  now: Date;
}): Promise<{ sharedWith: number }> {
  const { db, actor, operationId, now } = args;
  const denial = {
    db,
    actor,
    action: AFTER_ACTION_AUDIT.file,
    targetType: "Operation",
    targetId: operationId.slice(0, 64),
    now,
  };
  return auditRefusal(denial, async () => {
    authorize(actor, { roles: FILING_ROLES, agencyId: actor.agencyId });
    if (!isId(operationId)) throw new NotFoundError();
    const input = afterActionSchema.parse(args.input);
    return auditedTransaction(db, async (tx) => {
      const op = await tx.operation.findFirst({
        where: { id: operationId, agencyId: actor.agencyId },
        select: { id: true, ref: true, afterActionDueAt: true },
      });
      if (!op) throw new NotFoundError();
      if (!op.afterActionDueAt) throw new ConflictError("followUp.errors.notExigent");
      const contacts = await resolveContacts(tx, input.phoneContacts, actor.agencyId);
      const created = await tx.afterActionAccount.createMany({
        data: [
          {
            operationId: op.id,
            agencyId: actor.agencyId,
            whatHappened: input.whatHappened,
            whyNoNotice: input.whyNoNotice,
            phoneContacts: contacts,
            filedAt: now,
            filedById: actor.userId,
            filedByName: actor.name,
          },
        ],
        skipDuplicates: true,
      });
      if (created.count === 0) throw new ConflictError("followUp.errors.alreadyFiled");
      await cancelPendingJobs(tx, { dedupeKeyPrefix: jobKey(op.id), now });
      const threads = await shareWithHosts(tx, { actor, operationId: op.id, now });
      await recordAudit(tx, {
        action: AFTER_ACTION_AUDIT.file,
        targetType: "Operation",
        targetId: op.id,
        details: {
          ref: op.ref,
          dueAt: op.afterActionDueAt.toISOString(),
          late: now > op.afterActionDueAt,
          phoneContacts: contacts.length,
          sharedWithNotices: threads,
        },
        at: now,
        ...auditContext(actor),
      });
      return { sharedWith: threads.length };
    });
  });
}

/** Directory agencies by id (their name as the directory has it); anything else as named. */
async function resolveContacts(
  tx: Tx,
  input: ({ agencyId: string } | { name: string })[],
  ownAgencyId: string,
): Promise<PhoneContact[]> {
  const ids = input.flatMap((c) => ("agencyId" in c ? [c.agencyId] : []));
  const agencies = ids.length
    ? await tx.agency.findMany({
        where: { id: { in: ids }, active: true, NOT: { id: ownAgencyId } },
        select: { id: true, name: true },
      })
    : [];
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const bad = input.flatMap((c, i) =>
    "agencyId" in c && !names.has(c.agencyId)
      ? [{ path: `phoneContacts.${i}.agencyId`, message: "errors.invalid" }]
      : [],
  );
  if (bad.length) throw new ValidationError(bad);
  return input.map((c) =>
    "agencyId" in c ? { agencyId: c.agencyId, name: names.get(c.agencyId)! } : { agencyId: null, name: c.name },
  );
}

/** A record in each thread whose recipient was sent the full notice: they see it live and are emailed. */
async function shareWithHosts(tx: Tx, o: { actor: Actor; operationId: string; now: Date }): Promise<string[]> {
  const current = await tx.notice.findMany({
    where: {
      operationId: o.operationId,
      senderAgencyId: o.actor.agencyId,
      supersededAt: null,
      kind: { not: "ASSISTANCE_REQUEST" },
    },
    select: {
      id: true,
      threadId: true,
      senderAgencyId: true,
      recipientAgencyId: true,
      sentByUserId: true,
      content: true,
    },
  });
  const shared: string[] = [];
  for (const n of current) {
    if (noticeContent(n.content).scope !== "FULL") continue;
    await addThreadEntry(tx, {
      actor: o.actor,
      notice: n,
      kind: "AFTER_ACTION",
      body: "",
      now: o.now,
      live: "reply",
      notifyOtherSide: true,
    });
    shared.push(n.id);
  }
  return shared;
}
