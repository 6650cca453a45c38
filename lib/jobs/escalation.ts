// Escalation timers for anything a recipient agency must acknowledge (a notice, a conflict).
// Left unacknowledged for the agency's window, it climbs its subject's ladder: for a notice the
// backup contact, then the chief(s), then the 24/7 contact; for a conflict the supervisors (who
// act on it), then the chief(s), then the 24/7 contact. Each step is a durable job (so timers survive restarts and
// run on the controllable clock), is recorded, audited and announced to both agencies, and
// acknowledging cancels the steps still pending.
import { randomUUID } from "node:crypto";
import { escalationEmailActions } from "../action-links/offers";
import type { Db, Tx } from "../db/client";
import type { Actor } from "../auth/actor";
import type { EscalationLevel } from "../db/generated/enums";
import { recordAudit } from "../audit/record";
import { env } from "../env";
import { isLocale, type Locale } from "../i18n/locales";
import { queueMail } from "../mail/queue-mail";
import { publishLiveEvent } from "../realtime/publish";
import { cancelPendingJobs, enqueue } from "./queue";
import { PermanentJobError, type JobHandler } from "./runner";

export const ESCALATION_QUEUE = "escalation.step";
/** The default ladder; a subject may climb its own, of the same length. */
export const ESCALATION_LEVELS: EscalationLevel[] = ["BACKUP", "CHIEF", "CONTACT_24X7"];
export const DEFAULT_WINDOW_MINUTES = 30;
export const MIN_STEP_MINUTES = 5;

/** What escalation needs to know about one kind of subject; registered per subject type. */
export type EscalationSubject = {
  /** Whom each step reaches, in order (ESCALATION_LEVELS unless given). */
  levels?: EscalationLevel[];
  /** True once the recipient agency acknowledged it (or it no longer needs acknowledging). */
  isAcknowledged(tx: Tx, subjectId: string, recipientAgencyId: string): Promise<boolean>;
  /** Need-to-know facts for the contact's email; null if the subject is gone. */
  describe(
    tx: Tx,
    subjectId: string,
    recipientAgencyId: string,
  ): Promise<{ title: string; fromAgency: string; startsAt: Date; path: string } | null>;
};

export type EscalationSubjects = Record<string, EscalationSubject>;

type StepPayload = {
  subjectType: string;
  subjectId: string;
  recipientAgencyId: string;
  originAgencyId: string | null;
  /** Absent in jobs queued before rounds existed: round 1. */
  round?: number;
  step: number;
  stepMinutes: number;
};

/** Minutes between steps: the agency's window, shortened so every step fires before the start. */
export function escalationStepMinutes(o: { windowMinutes: number; now: Date; startsAt?: Date | null }): number {
  if (!o.startsAt) return o.windowMinutes;
  const minutesToStart = (o.startsAt.getTime() - o.now.getTime()) / 60_000;
  const fit = Math.floor(minutesToStart / ESCALATION_LEVELS.length);
  return Math.max(MIN_STEP_MINUTES, Math.min(o.windowMinutes, fit));
}

const keyPrefix = (p: { subjectType: string; subjectId: string; recipientAgencyId: string }) =>
  `esc:${p.subjectType}:${p.subjectId}:${p.recipientAgencyId}:`;
/** Each step of each round is queued once; stopping cancels every round (same prefix). */
const stepKey = (
  p: { subjectType: string; subjectId: string; recipientAgencyId: string; round?: number },
  step: number,
) => ((p.round ?? 1) > 1 ? `${keyPrefix(p)}${p.round}.${step}` : `${keyPrefix(p)}${step}`);

export async function scheduleEscalation(
  tx: Tx,
  o: {
    subjectType: string;
    subjectId: string;
    recipientAgencyId: string;
    originAgencyId?: string | null;
    startsAt?: Date | null;
    now: Date;
    windowMinutes?: number;
    round?: number;
  },
): Promise<{ stepMinutes: number; firstAt: Date }> {
  const agency = await tx.agency.findUnique({ where: { id: o.recipientAgencyId }, select: { ackWindowMinutes: true } });
  const windowMinutes = o.windowMinutes ?? agency?.ackWindowMinutes ?? DEFAULT_WINDOW_MINUTES;
  const stepMinutes = escalationStepMinutes({ windowMinutes, now: o.now, startsAt: o.startsAt });
  const firstAt = new Date(o.now.getTime() + stepMinutes * 60_000);
  const payload: StepPayload = {
    subjectType: o.subjectType,
    subjectId: o.subjectId,
    recipientAgencyId: o.recipientAgencyId,
    originAgencyId: o.originAgencyId ?? null,
    round: o.round ?? 1,
    step: 1,
    stepMinutes,
  };
  await enqueue(tx, { queue: ESCALATION_QUEUE, payload, runAt: firstAt, now: o.now, dedupeKey: stepKey(payload, 1) });
  return { stepMinutes, firstAt };
}

/** Call when the recipient agency acknowledges: no further step fires. */
export async function stopEscalation(
  tx: Tx,
  o: { subjectType: string; subjectId: string; recipientAgencyId: string; now: Date },
): Promise<number> {
  return cancelPendingJobs(tx, { dedupeKeyPrefix: keyPrefix(o), now: o.now });
}

type Contact = {
  name: string | null;
  email: string | null;
  phone: string | null;
  userId?: string | null;
  locale?: string;
};

async function contactsFor(tx: Tx, agencyId: string, level: EscalationLevel): Promise<Contact[]> {
  const agency = await tx.agency.findUniqueOrThrow({ where: { id: agencyId } });
  if (level === "SUPERVISOR") {
    const supervisors = await tx.user.findMany({
      where: { agencyId, active: true, roles: { has: "SUPERVISOR" } },
      orderBy: { name: "asc" },
    });
    // An agency without supervisors on the portal is reached through its backup contact instead.
    if (supervisors.length === 0) return contactsFor(tx, agencyId, "BACKUP");
    return supervisors.map((s) => ({ name: s.name, email: s.email, phone: s.phone, userId: s.id, locale: s.locale }));
  }
  if (level === "BACKUP") {
    if (!agency.backupContactName && !agency.backupContactEmail && !agency.backupContactPhone) return [];
    return [{ name: agency.backupContactName, email: agency.backupContactEmail, phone: agency.backupContactPhone }];
  }
  if (level === "CHIEF") {
    const chiefs = await tx.user.findMany({
      where: { agencyId, active: true, roles: { has: "CHIEF" } },
      orderBy: { name: "asc" },
    });
    return chiefs.map((c) => ({ name: c.name, email: c.email, phone: c.phone, userId: c.id, locale: c.locale }));
  }
  return [{ name: null, email: agency.email, phone: agency.phone24x7 }];
}

const joined = (values: (string | null | undefined)[]) => values.filter(Boolean).join(", ") || null;

export function escalationJobHandler(subjects: EscalationSubjects): JobHandler {
  return async ({ db, job, now }) => {
    const p = job.payload as StepPayload;
    const subject = subjects[p.subjectType];
    if (!subject) throw new PermanentJobError(`No escalation subject type ${p.subjectType}`);
    const ladder = subject.levels ?? ESCALATION_LEVELS;
    const level = ladder[p.step - 1];
    if (!level) throw new PermanentJobError(`No escalation step ${p.step}`);
    await db.$transaction(async (tx) => {
      if (await subject.isAcknowledged(tx, p.subjectId, p.recipientAgencyId)) return;
      const about = await subject.describe(tx, p.subjectId, p.recipientAgencyId);
      if (!about) return;
      const contacts = await contactsFor(tx, p.recipientAgencyId, level);
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "EscalationStep" (id, "subjectType", "subjectId", "recipientAgencyId", "originAgencyId", round, step, level, "contactName", "contactEmail", "contactPhone", "firedAt")
        VALUES (${randomUUID()}::uuid, ${p.subjectType}, ${p.subjectId}, ${p.recipientAgencyId}::uuid, ${p.originAgencyId}::uuid, ${p.round ?? 1}, ${p.step}, ${level}::"EscalationLevel",
                ${joined(contacts.map((c) => c.name))}, ${joined(contacts.map((c) => c.email))}, ${joined(contacts.map((c) => c.phone))}, ${now})
        ON CONFLICT DO NOTHING RETURNING id`;
      // Already recorded by an earlier run of this job: only make sure the next step exists.
      if (inserted.length > 0) await fireStep(tx, { p, level, contacts, about, now });
      const next = ladder[p.step];
      if (next) {
        await enqueue(tx, {
          queue: ESCALATION_QUEUE,
          payload: { ...p, step: p.step + 1 },
          runAt: new Date(now.getTime() + p.stepMinutes * 60_000),
          now,
          dedupeKey: stepKey(p, p.step + 1),
        });
      }
    });
  };
}

async function fireStep(
  tx: Tx,
  o: {
    p: StepPayload;
    level: EscalationLevel;
    contacts: Contact[];
    about: { title: string; fromAgency: string; startsAt: Date; path: string };
    now: Date;
  },
): Promise<void> {
  const { p, level, contacts, about, now } = o;
  const agency = await tx.agency.findUniqueOrThrow({
    where: { id: p.recipientAgencyId },
    select: { languages: true, timeZone: true },
  });
  const locales = agency.languages.filter(isLocale) as Locale[];
  const base = env().PUBLIC_BASE_URL ?? env().NEXTAUTH_URL ?? "http://localhost:3000";
  for (const c of contacts) {
    if (!c.email) continue;
    await queueMail(tx, {
      to: { address: c.email, name: c.name, userId: c.userId ?? null, agencyId: p.recipientAgencyId },
      template: "escalation",
      params: {
        title: about.title,
        fromAgency: about.fromAgency,
        start: about.startsAt,
        link: new URL(about.path, base).toString(),
        minutes: p.step * p.stepMinutes,
        level,
      },
      locales: c.locale && isLocale(c.locale) ? [c.locale, ...locales] : locales,
      timeZone: agency.timeZone,
      about: { type: p.subjectType, id: p.subjectId },
      now,
      actions: await escalationEmailActions(tx, {
        userId: c.userId,
        subjectType: p.subjectType,
        subjectId: p.subjectId,
      }),
    });
  }
  await recordAudit(tx, {
    action: "escalation.step",
    targetType: p.subjectType,
    targetId: p.subjectId,
    agencyId: p.recipientAgencyId,
    actorLabel: "system:escalation",
    details: {
      round: p.round ?? 1,
      step: p.step,
      level,
      contacts: contacts.length,
      emailed: contacts.filter((c) => c.email).length,
    },
    at: now,
  });
  await publishLiveEvent(tx, {
    type: "escalation",
    agencyIds: [p.recipientAgencyId, ...(p.originAgencyId ? [p.originAgencyId] : [])],
    id: p.subjectId,
  });
}

/**
 * The escalation history of one subject as the actor's agency may see it: both sides see the
 * steps between them (the recipient's own, and those it caused the sender to be told about).
 */
export async function listEscalationSteps(db: Db, o: { actor: Actor; subjectType: string; subjectId: string }) {
  return db.escalationStep.findMany({
    where: {
      subjectType: o.subjectType,
      subjectId: o.subjectId,
      OR: [{ recipientAgencyId: o.actor.agencyId }, { originAgencyId: o.actor.agencyId }],
    },
    orderBy: [{ firedAt: "asc" }, { step: "asc" }],
    select: {
      id: true,
      step: true,
      level: true,
      recipientAgencyId: true,
      originAgencyId: true,
      contactName: true,
      contactPhone: true,
      firedAt: true,
    },
  });
}
