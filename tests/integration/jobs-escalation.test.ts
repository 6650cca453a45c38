// Escalation timers on a controllable clock: unacknowledged, a conflict escalates to the
// supervisors (who act on conflicts), then the chief, then the 24/7 contact, each step recorded,
// emailed and audited; acknowledging stops the steps still to come.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import {
  ESCALATION_QUEUE,
  escalationJobHandler,
  escalationStepMinutes,
  listEscalationSteps,
  scheduleEscalation,
  stopEscalation,
} from "@/lib/jobs/escalation";
import { escalationSubjects } from "@/lib/jobs/escalation-subjects";
import { runDueJobs } from "@/lib/jobs/runner";
import { mailJobHandler } from "@/lib/mail/deliver";
import { MAIL_QUEUE } from "@/lib/mail/queue-mail";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";

describe("escalation timers", () => {
  const t = useFreshDb();
  const T0 = new Date("2026-11-23T14:00:00Z");
  const min = (m: number) => new Date(T0.getTime() + m * 60_000);
  const handlers = { [ESCALATION_QUEUE]: escalationJobHandler(escalationSubjects), [MAIL_QUEUE]: mailJobHandler(null) };

  async function agency(db: Db, slug: string, extra: Record<string, unknown> = {}) {
    return db.agency.create({
      data: {
        slug,
        name: `Agency ${slug}`,
        shortName: slug,
        level: "LOCAL",
        kind: "POLICE",
        timeZone: "America/Chicago",
        phone24x7: "+1 312 555 0199",
        email: `watch@${slug}.example.gov`,
        languages: ["en", "es"],
        ...extra,
      },
    });
  }

  async function operation(db: Db, agencyId: string, startsAt: Date) {
    return db.operation.create({
      data: {
        ref: `OP-${randomUUID().slice(0, 8)}`,
        agencyId,
        type: "SEARCH_WARRANT",
        title: `Search warrant ${agencyId.slice(0, 4)}`,
        status: "PLANNED",
        areaKind: "CIRCLE",
        centerLat: 41.88,
        centerLon: -87.63,
        radiusM: 300,
        bboxMinLon: -87.64,
        bboxMinLat: 41.87,
        bboxMaxLon: -87.62,
        bboxMaxLat: 41.89,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
        leadAgencyName: "Lead",
        commanderName: "Cmdr",
        commanderPhone: "+1 312 555 0100",
        commsPlan: "Ops 2",
        personnelCount: 6,
        createdById: randomUUID(),
      },
    });
  }

  async function conflictBetween(db: Db, startsAt: Date) {
    const host = await agency(db, `host-${randomUUID().slice(0, 6)}`, {
      backupContactName: "Lt. Backup",
      backupContactEmail: "backup@host.example.gov",
      backupContactPhone: "+1 312 555 0111",
    });
    const other = await agency(db, `fed-${randomUUID().slice(0, 6)}`, { level: "FEDERAL" });
    await db.user.create({
      data: {
        agencyId: host.id,
        email: `chief-${host.slug}@host.example.gov`,
        name: "Chief Ortiz",
        passwordHash: "x",
        roles: ["CHIEF"],
        locale: "es",
      },
    });
    await db.user.create({
      data: {
        agencyId: host.id,
        email: `sup-${host.slug}@host.example.gov`,
        name: "Sgt. Vega",
        passwordHash: "x",
        roles: ["SUPERVISOR"],
      },
    });
    const [opH, opO] = [await operation(db, host.id, startsAt), await operation(db, other.id, startsAt)];
    const [a, b] = opH.id < opO.id ? [opH, opO] : [opO, opH];
    const conflict = await db.conflict.create({
      data: {
        opAId: a.id,
        opBId: b.id,
        agencyAId: a.agencyId,
        agencyBId: b.agencyId,
        severity: "HIGH",
        minDistanceM: 0,
        overlapMinutes: 240,
        areasIntersect: true,
        containment: "NONE",
        overlapStart: startsAt,
        overlapEnd: new Date(startsAt.getTime() + 4 * 3_600_000),
        detectedAt: T0,
      },
    });
    return { host, other, conflict, hostIsA: a.agencyId === host.id };
  }

  const steps = (db: Db, subjectId: string) =>
    db.escalationStep.findMany({ where: { subjectId }, orderBy: { step: "asc" } });

  beforeAll(() => useTestSecrets(t().url));

  describe("escalation", () => {
    it("escalates step by step on the clock, recording, emailing and auditing each step", async () => {
      const { db } = t();
      const { host, other, conflict } = await conflictBetween(db, min(24 * 60));
      await db.$transaction((tx) =>
        scheduleEscalation(tx, {
          subjectType: "CONFLICT",
          subjectId: conflict.id,
          recipientAgencyId: host.id,
          originAgencyId: other.id,
          startsAt: min(24 * 60),
          now: T0,
        }),
      );

      await runDueJobs({ db, now: min(29), handlers });
      expect(await steps(db, conflict.id)).toHaveLength(0);

      await runDueJobs({ db, now: min(30), handlers });
      const [first] = await steps(db, conflict.id);
      expect([first.step, first.level, first.contactEmail, first.recipientAgencyId, first.originAgencyId]).toEqual([
        1,
        "SUPERVISOR",
        `sup-${host.slug}@host.example.gov`,
        host.id,
        other.id,
      ]);
      const supervisorMail = await db.mailMessage.findFirstOrThrow({
        where: { toAddress: `sup-${host.slug}@host.example.gov` },
      });
      expect(supervisorMail.subject).toContain("Not acknowledged after 30 min");
      expect(supervisorMail.text).toContain("as your agency's supervisor");
      expect(supervisorMail.status).toBe("STORED");
      expect(supervisorMail.agencyId).toBe(host.id);

      await runDueJobs({ db, now: min(60), handlers });
      const chiefMail = await db.mailMessage.findFirstOrThrow({
        where: { toAddress: `chief-${host.slug}@host.example.gov` },
      });
      expect(chiefMail.subject.startsWith("Sin confirmar después de 60 min")).toBe(true); // the chief reads Spanish first
      expect(chiefMail.text).toContain(`Agency ${other.slug}`);

      await runDueJobs({ db, now: min(90), handlers });
      await runDueJobs({ db, now: min(600), handlers });
      expect((await steps(db, conflict.id)).map((s) => [s.step, s.level])).toEqual([
        [1, "SUPERVISOR"],
        [2, "CHIEF"],
        [3, "CONTACT_24X7"],
      ]);
      expect((await steps(db, conflict.id))[2].contactPhone).toBe("+1 312 555 0199");
      const audits = await db.auditEvent.findMany({ where: { action: "escalation.step", targetId: conflict.id } });
      expect(audits).toHaveLength(3);

      // Both sides see the history; a third agency sees none of it.
      const asAgency = (agencyId: string) =>
        listEscalationSteps(db, { actor: { agencyId } as Actor, subjectType: "CONFLICT", subjectId: conflict.id });
      expect(await asAgency(host.id)).toHaveLength(3);
      expect(await asAgency(other.id)).toHaveLength(3);
      const third = await agency(db, `third-${randomUUID().slice(0, 6)}`);
      expect(await asAgency(third.id)).toHaveLength(0);
    });

    it("stops once the recipient agency acknowledges", async () => {
      const { db } = t();
      const { host, other, conflict, hostIsA } = await conflictBetween(db, min(24 * 60));
      await db.$transaction((tx) =>
        scheduleEscalation(tx, {
          subjectType: "CONFLICT",
          subjectId: conflict.id,
          recipientAgencyId: host.id,
          originAgencyId: other.id,
          startsAt: min(24 * 60),
          now: T0,
        }),
      );
      await runDueJobs({ db, now: min(30), handlers });
      expect(await steps(db, conflict.id)).toHaveLength(1);

      await db.$transaction(async (tx) => {
        await tx.conflict.update({
          where: { id: conflict.id },
          data: hostIsA ? { ackAAt: min(40), ackAById: randomUUID() } : { ackBAt: min(40), ackBById: randomUUID() },
        });
        await stopEscalation(tx, {
          subjectType: "CONFLICT",
          subjectId: conflict.id,
          recipientAgencyId: host.id,
          now: min(40),
        });
      });
      await runDueJobs({ db, now: min(24 * 60), handlers });
      expect((await steps(db, conflict.id)).map((s) => s.level)).toEqual(["SUPERVISOR"]);
      const jobs = await db.job.findMany({
        where: { dedupeKey: { startsWith: `esc:CONFLICT:${conflict.id}:` } },
        orderBy: { dedupeKey: "asc" },
      });
      expect(jobs.map((j) => j.status)).toEqual(["DONE", "CANCELLED"]);
    });

    it("does not escalate an acknowledgment that raced a step already due", async () => {
      const { db } = t();
      const { host, other, conflict, hostIsA } = await conflictBetween(db, min(24 * 60));
      await db.$transaction((tx) =>
        scheduleEscalation(tx, {
          subjectType: "CONFLICT",
          subjectId: conflict.id,
          recipientAgencyId: host.id,
          originAgencyId: other.id,
          now: T0,
        }),
      );
      // Acknowledged without cancelling the timer: the step checks before it acts.
      await db.conflict.update({
        where: { id: conflict.id },
        data: hostIsA ? { ackAAt: min(10) } : { ackBAt: min(10) },
      });
      await runDueJobs({ db, now: min(600), handlers });
      expect(await steps(db, conflict.id)).toHaveLength(0);
    });

    it("escalates sooner when the operation starts soon", async () => {
      expect(escalationStepMinutes({ windowMinutes: 30, now: T0, startsAt: min(24 * 60) })).toBe(30);
      expect(escalationStepMinutes({ windowMinutes: 30, now: T0, startsAt: min(45) })).toBe(15);
      expect(escalationStepMinutes({ windowMinutes: 30, now: T0, startsAt: min(-60) })).toBe(5);
      const { db } = t();
      const { host, other, conflict } = await conflictBetween(db, min(45));
      const { firstAt } = await db.$transaction((tx) =>
        scheduleEscalation(tx, {
          subjectType: "CONFLICT",
          subjectId: conflict.id,
          recipientAgencyId: host.id,
          originAgencyId: other.id,
          startsAt: min(45),
          now: T0,
        }),
      );
      expect(firstAt).toEqual(min(15));
      await runDueJobs({ db, now: min(15), handlers });
      expect((await steps(db, conflict.id)).map((s) => s.level)).toEqual(["SUPERVISOR"]);
    });
  });
});
