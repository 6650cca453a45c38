// The durable steps of an after-action account still owed (see after-action.ts): reminders to the
// filer's agency's liaisons and supervisors before the deadline, then escalation to its supervisors
// at the deadline and to its chief after. Each runs on the controllable clock, does nothing once
// the account is written, and is recorded (an escalation step both the page and the audit show).
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client";
import type { EscalationLevel, Role } from "../db/generated/enums";
import { recordAudit } from "../audit/record";
import { isLocale, type Locale } from "../i18n/locales";
import { PermanentJobError, type JobHandler } from "../jobs/runner";
import { queueMail } from "../mail/queue-mail";
import { publicBaseUrl } from "../notices/contacts";
import { publishLiveEvent } from "../realtime/publish";
import { AFTER_ACTION_AUDIT, AFTER_ACTION_STEPS, AFTER_ACTION_SUBJECT, type AfterActionPayload } from "./after-action";

type StepRule = { roles: Role[]; escalation: { step: number; level: EscalationLevel } | null };

const RULES: Record<AfterActionPayload["step"], StepRule> = {
  REMIND_24H: { roles: ["LIAISON", "SUPERVISOR"], escalation: null },
  REMIND_4H: { roles: ["LIAISON", "SUPERVISOR"], escalation: null },
  SUPERVISOR: { roles: ["SUPERVISOR"], escalation: { step: 1, level: "SUPERVISOR" } },
  CHIEF: { roles: ["CHIEF"], escalation: { step: 2, level: "CHIEF" } },
};

export function afterActionJobHandler(): JobHandler {
  return async ({ db, job, now }) => {
    const p = job.payload as AfterActionPayload;
    const rule = RULES[p.step];
    if (!rule || !AFTER_ACTION_STEPS.some((s) => s.step === p.step))
      throw new PermanentJobError(`No after-action step ${String(p.step)}`);
    await db.$transaction(async (tx) => {
      if (
        await tx.afterActionAccount.findUnique({ where: { operationId: p.operationId }, select: { operationId: true } })
      )
        return;
      const op = await tx.operation.findFirst({
        where: { id: p.operationId, agencyId: p.agencyId },
        select: {
          id: true,
          ref: true,
          title: true,
          afterActionDueAt: true,
          agency: { select: { timeZone: true, languages: true } },
        },
      });
      if (!op?.afterActionDueAt) return;
      const people = await tx.user.findMany({
        where: { agencyId: p.agencyId, active: true, roles: { hasSome: rule.roles } },
        select: { id: true, name: true, email: true, phone: true, locale: true },
        orderBy: { name: "asc" },
      });
      if (rule.escalation && !(await recordStep(tx, p, rule.escalation, people, now))) return;
      const languages = op.agency.languages.filter(isLocale) as Locale[];
      const template = rule.escalation ? "afterActionOverdue" : "afterActionReminder";
      const link = new URL(`/operations/${op.id}`, publicBaseUrl()).toString();
      for (const u of people) {
        await queueMail(tx, {
          to: { address: u.email, name: u.name, userId: u.id, agencyId: p.agencyId },
          template,
          params: { ref: op.ref, title: op.title, due: op.afterActionDueAt, link },
          locales: isLocale(u.locale) ? [u.locale, ...languages] : languages,
          timeZone: op.agency.timeZone,
          about: { type: AFTER_ACTION_SUBJECT, id: op.id },
          now,
        });
      }
      await recordAudit(tx, {
        action: rule.escalation ? AFTER_ACTION_AUDIT.escalation : AFTER_ACTION_AUDIT.reminder,
        targetType: "Operation",
        targetId: op.id,
        agencyId: p.agencyId,
        actorLabel: "system:after-action",
        details: { ref: op.ref, step: p.step, dueAt: op.afterActionDueAt.toISOString(), emailed: people.length },
        at: now,
      });
      await publishLiveEvent(tx, { type: "escalation", agencyIds: [p.agencyId], id: op.id });
    });
  };
}

/** Records the escalation step once; false when an earlier run of this job already did. */
async function recordStep(
  tx: Tx,
  p: AfterActionPayload,
  e: { step: number; level: EscalationLevel },
  people: { name: string; email: string; phone: string | null }[],
  now: Date,
): Promise<boolean> {
  const joined = (values: (string | null)[]) => values.filter(Boolean).join(", ") || null;
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "EscalationStep" (id, "subjectType", "subjectId", "recipientAgencyId", "originAgencyId", round, step, level, "contactName", "contactEmail", "contactPhone", "firedAt")
    VALUES (${randomUUID()}::uuid, ${AFTER_ACTION_SUBJECT}, ${p.operationId}, ${p.agencyId}::uuid, NULL, 1, ${e.step}, ${e.level}::"EscalationLevel",
            ${joined(people.map((u) => u.name))}, ${joined(people.map((u) => u.email))}, ${joined(people.map((u) => u.phone))}, ${now})
    ON CONFLICT DO NOTHING RETURNING id`;
  return inserted.length > 0;
}
