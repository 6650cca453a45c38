// The escalation clock of things an agency must acknowledge: when the next step fires (the
// pending durable job) and which step last fired. Read for many subjects at once.
import type { Db } from "../db/client";
import type { EscalationLevel } from "../db/generated/enums";
import { ESCALATION_LEVELS } from "../jobs/escalation";

export type EscalationClock = {
  /** When the next step fires; null once every step has fired (or none is scheduled). */
  nextAt: Date | null;
  nextLevel: EscalationLevel | null;
  /** The last step that fired, if any. */
  lastLevel: EscalationLevel | null;
  lastAt: Date | null;
};

const prefix = (subjectType: string, subjectId: string, agencyId: string) =>
  `esc:${subjectType}:${subjectId}:${agencyId}:`;

export async function escalationClocks(
  db: Db,
  o: { subjectType: string; subjectIds: string[]; agencyId: string },
): Promise<Map<string, EscalationClock>> {
  const clocks = new Map<string, EscalationClock>();
  if (o.subjectIds.length === 0) return clocks;
  const [jobs, fired] = await Promise.all([
    db.job.findMany({
      where: {
        status: "PENDING",
        OR: o.subjectIds.map((id) => ({ dedupeKey: { startsWith: prefix(o.subjectType, id, o.agencyId) } })),
      },
      orderBy: { runAt: "asc" },
      select: { dedupeKey: true, runAt: true, payload: true },
    }),
    db.escalationStep.findMany({
      where: { subjectType: o.subjectType, subjectId: { in: o.subjectIds }, recipientAgencyId: o.agencyId },
      orderBy: [{ firedAt: "desc" }, { step: "desc" }],
      select: { subjectId: true, level: true, firedAt: true },
    }),
  ]);
  for (const id of o.subjectIds) clocks.set(id, { nextAt: null, nextLevel: null, lastLevel: null, lastAt: null });
  for (const j of jobs) {
    const id = o.subjectIds.find((s) => j.dedupeKey?.startsWith(prefix(o.subjectType, s, o.agencyId)));
    const clock = id ? clocks.get(id) : undefined;
    if (!clock || clock.nextAt) continue;
    const step = (j.payload as { step?: number } | null)?.step ?? 1;
    clock.nextAt = j.runAt;
    clock.nextLevel = ESCALATION_LEVELS[step - 1] ?? null;
  }
  for (const f of fired) {
    const clock = clocks.get(f.subjectId);
    if (clock && !clock.lastAt) Object.assign(clock, { lastLevel: f.level, lastAt: f.firedAt });
  }
  return clocks;
}
