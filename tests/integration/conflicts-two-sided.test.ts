// The two-sided conflict loop against a real database: supervisors of both agencies emailed when a
// conflict is found (in their language, linking to the conflict) and escalated to first; the
// conflict's and the notice's acknowledgments kept in step, with names; an outcome proposed by one
// side and confirmed or contested by the other, reopened with a reason — who may, from which side,
// in which state, atomically under a race; every step audited and emailed to the other side; and
// a host agency's need-to-know view of two notified operations that collide.
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/db/generated/enums";
import { acknowledgeConflict, getConflictForActor } from "@/lib/conflicts/conflicts";
import { getHostConflictView } from "@/lib/conflicts/host-view";
import {
  confirmConflictOutcome,
  contestConflictOutcome,
  proposeConflictOutcome,
  reopenConflict,
} from "@/lib/conflicts/outcome";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { ESCALATION_QUEUE, escalationJobHandler } from "@/lib/jobs/escalation";
import { escalationSubjects } from "@/lib/jobs/escalation-subjects";
import { runDueJobs } from "@/lib/jobs/runner";
import { mailJobHandler } from "@/lib/mail/deliver";
import { MAIL_QUEUE } from "@/lib/mail/queue-mail";
import { acknowledgeNotice } from "@/lib/notices/acknowledge-notice";
import { getNoticeView } from "@/lib/notices/notice-view";
import { fileOperation } from "@/lib/operations/file-operation";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { actorOf, circle, makeAgency, operationInput, type TestAgency } from "./operations-fixtures";

const now = new Date("2027-03-01T12:00:00Z");
const later = (min: number) => new Date(now.getTime() + min * 60_000);

describe("conflicts, two-sided", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let fed: TestAgency;
  let city: TestAgency;
  let outsider: TestAgency;
  let spot = 0;

  async function person(agency: TestAgency, roles: Role[], name: string, locale = "en") {
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@${agency.slug}.test`;
    await db().user.create({ data: { agencyId: agency.id, email, name, passwordHash: "x", roles, locale } });
    return email;
  }

  /** The federal office files first; the city's overlapping filing finds the conflict and sends the federal office a conflict notice. */
  async function pair(at = now) {
    const lon = -87.6 - ++spot * 0.05;
    await fileOperation({
      db: db(),
      actor: actorOf(fed),
      input: operationInput({
        title: `Federal warrant ${spot}`,
        area: circle(lon, 41.9, 200),
        commanderPhone: "+1 312 555 0177",
      }),
      now: at,
    });
    const cityOp = await fileOperation({
      db: db(),
      actor: actorOf(city),
      input: operationInput({ title: `City parade ${spot}`, type: "CROWD_EVENT", area: circle(lon, 41.9, 150) }),
      now: at,
    });
    const conflictId = cityOp.conflicts[0].id;
    const notice = await db().notice.findFirstOrThrow({ where: { conflictId, recipientAgencyId: fed.id } });
    return { conflictId, noticeId: notice.id, cityOpId: cityOp.operation.id };
  }

  const fedSup = () => actorOf(fed, ["SUPERVISOR"], "Sup. Holly Kwan");
  const citySup = () => actorOf(city, ["SUPERVISOR"], "Sgt. Ana Ruiz");
  const outcome = { outcome: "PROCEED_SEPARATELY", note: "Parade route moved one block west." };

  beforeAll(async () => {
    useTestSecrets(t().url);
    fed = await makeAgency(db(), { name: "Federal Field Office" });
    city = await makeAgency(db(), { name: "City Police Department" });
    outsider = await makeAgency(db(), { name: "Outside Agency" });
    await person(fed, ["SUPERVISOR"], "Holly Kwan");
    await person(city, ["SUPERVISOR"], "Ana Ruiz", "es");
    await person(city, ["CHIEF"], "Chief Ortiz");
    await person(city, ["LIAISON"], "Liaison Lee");
  });

  it("emails both sides' supervisors when a conflict is found, each in their language, linking to the conflict", async () => {
    const { conflictId } = await pair();
    const mails = await db().mailMessage.findMany({
      where: { template: "conflictFound", subjectId: conflictId },
      orderBy: { toAddress: "asc" },
    });
    expect(mails.map((m) => m.toAddress)).toEqual([`ana.ruiz@${city.slug}.test`, `holly.kwan@${fed.slug}.test`]);
    const [cityMail, fedMail] = mails;
    expect(cityMail.subject.startsWith("Conflicto detectado")).toBe(true); // the city supervisor reads Spanish first
    expect(fedMail.subject).toContain("an operation of City Police Department");
    for (const m of mails) expect(m.text).toContain(`/conflicts/${conflictId}`);
    // Need to know: each learns its own operation, not the other's.
    expect(fedMail.text).toContain(`Federal warrant ${spot}`);
    expect(fedMail.text).not.toContain(`City parade ${spot}`);
    expect(cityMail.text).not.toContain(`Federal warrant ${spot}`);
  });

  it("escalates an unacknowledged conflict to the supervisors first, then the chiefs", async () => {
    const { conflictId } = await pair();
    const handlers = {
      [ESCALATION_QUEUE]: escalationJobHandler(escalationSubjects),
      [MAIL_QUEUE]: mailJobHandler(null),
    };
    await runDueJobs({ db: db(), now: later(30), handlers });
    const steps = await db().escalationStep.findMany({ where: { subjectId: conflictId }, orderBy: { step: "asc" } });
    expect(steps.map((s) => [s.recipientAgencyId === city.id ? "city" : "fed", s.step, s.level]).sort()).toEqual([
      ["city", 1, "SUPERVISOR"],
      ["fed", 1, "SUPERVISOR"],
    ]);
    expect(steps.find((s) => s.recipientAgencyId === city.id)?.contactName).toBe("Ana Ruiz");
    const escalated = await db().mailMessage.findFirstOrThrow({
      where: { template: "escalation", subjectId: conflictId, toAddress: `ana.ruiz@${city.slug}.test` },
    });
    expect(escalated.text).toContain(`/conflicts/${conflictId}`);
    await runDueJobs({ db: db(), now: later(60), handlers });
    const second = await db().escalationStep.findFirstOrThrow({
      where: { subjectId: conflictId, recipientAgencyId: city.id, step: 2 },
    });
    expect([second.level, second.contactName]).toEqual(["CHIEF", "Chief Ortiz"]);
  });

  it("acknowledging the conflict acknowledges the agency's conflict notice, with the person's name", async () => {
    const { conflictId, noticeId } = await pair();
    const view = await acknowledgeConflict({ db: db(), actor: fedSup(), conflictId, now: later(3) });
    expect(view.own.acknowledged).toMatchObject({ at: later(3), byName: "Sup. Holly Kwan" });
    const notice = await db().notice.findUniqueOrThrow({ where: { id: noticeId } });
    expect([notice.acknowledgedAt, notice.acknowledgedByName]).toEqual([later(3), "Sup. Holly Kwan"]);
    expect(await db().noticeMessage.count({ where: { noticeId, kind: "ACKNOWLEDGED" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "notice.acknowledge", targetId: noticeId } })).toBe(1);
    // The other side sees who acknowledged and when, on the conflict and on the notice it sent.
    const cityView = await getConflictForActor({ db: db(), actor: citySup(), conflictId });
    expect(cityView.counterpart.acknowledged).toEqual({ at: later(3), byName: "Sup. Holly Kwan" });
    expect(cityView.notices).toEqual([
      expect.objectContaining({ id: noticeId, direction: "SENT", acknowledgedByName: "Sup. Holly Kwan" }),
    ]);
    expect(cityView.history.map((h) => [h.kind, h.byOwnSide, h.byName])).toEqual([
      ["ACKNOWLEDGED", false, "Sup. Holly Kwan"],
    ]);
    // ... and the city's supervisor is emailed.
    expect(
      await db().mailMessage.count({
        where: { template: "conflictAcknowledged", subjectId: conflictId, toAddress: `ana.ruiz@${city.slug}.test` },
      }),
    ).toBe(1);
  });

  it("acknowledging the conflict notice acknowledges the conflict; a liaison may not while the conflict awaits", async () => {
    const { conflictId, noticeId } = await pair();
    await expect(
      acknowledgeNotice({ db: db(), actor: actorOf(fed, ["LIAISON"]), noticeId, now: later(1) }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db().notice.findUniqueOrThrow({ where: { id: noticeId } })).acknowledgedAt).toBeNull();
    await acknowledgeNotice({ db: db(), actor: fedSup(), noticeId, now: later(4) });
    const row = await db().conflict.findUniqueOrThrow({ where: { id: conflictId } });
    const fedIsA = row.agencyAId === fed.id;
    expect(fedIsA ? [row.ackAAt, row.ackAByName] : [row.ackBAt, row.ackBByName]).toEqual([later(4), "Sup. Holly Kwan"]);
    expect(
      await db().auditEvent.count({
        where: { action: "conflict.acknowledge", targetId: conflictId, outcome: "SUCCESS" },
      }),
    ).toBe(1);
    // Its escalation stops with it.
    const pending = await db().job.count({
      where: { dedupeKey: { startsWith: `esc:CONFLICT:${conflictId}:${fed.id}:` }, status: "PENDING" },
    });
    expect(pending).toBe(0);
    const noticeView = await getNoticeView({ db: db(), actor: actorOf(fed, ["LIAISON"]), noticeId });
    expect(noticeView.conflict).toEqual({ id: conflictId, status: "OPEN", awaitsOwnAck: false });
    expect(noticeView.ownOperations.map((o) => o.title)).toEqual([`Federal warrant ${spot}`]);
  });

  it("lets one side propose and the other confirm, and only so", async () => {
    const { conflictId } = await pair();
    await expect(
      proposeConflictOutcome({ db: db(), actor: actorOf(city, ["LIAISON"]), conflictId, input: outcome, now }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      proposeConflictOutcome({ db: db(), actor: actorOf(outsider, ["SUPERVISOR"]), conflictId, input: outcome, now }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      proposeConflictOutcome({ db: db(), actor: citySup(), conflictId, input: { outcome: "MAYBE", note: "x" }, now }),
    ).rejects.toMatchObject({ name: "ZodError" });
    await expect(confirmConflictOutcome({ db: db(), actor: fedSup(), conflictId, now })).rejects.toBeInstanceOf(
      ConflictError,
    ); // nothing proposed

    const proposed = await proposeConflictOutcome({
      db: db(),
      actor: citySup(),
      conflictId,
      input: outcome,
      now: later(5),
    });
    expect(proposed.status).toBe("OPEN");
    expect(proposed.proposal).toMatchObject({
      outcome: "PROCEED_SEPARATELY",
      byOwnSide: true,
      byName: "Sgt. Ana Ruiz",
    });
    expect(proposed.own.acknowledged?.byName).toBe("Sgt. Ana Ruiz"); // proposing answers for the conflict
    // Not by the side that proposed it, and not a second proposal on top.
    await expect(
      confirmConflictOutcome({ db: db(), actor: actorOf(city, ["CHIEF"]), conflictId, now }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      proposeConflictOutcome({
        db: db(),
        actor: fedSup(),
        conflictId,
        input: { outcome: "RESCHEDULED", note: "Later" },
        now,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      confirmConflictOutcome({ db: db(), actor: actorOf(fed, ["LIAISON"]), conflictId, now }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      confirmConflictOutcome({ db: db(), actor: actorOf(outsider, ["CHIEF"]), conflictId, now }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const fedView = await getConflictForActor({ db: db(), actor: actorOf(fed, ["AUDITOR"]), conflictId });
    expect(fedView.proposal).toMatchObject({ byOwnSide: false, note: outcome.note });
    const confirmed = await confirmConflictOutcome({ db: db(), actor: fedSup(), conflictId, now: later(9) });
    expect(confirmed.status).toBe("RESOLVED");
    expect(confirmed.outcome).toMatchObject({
      outcome: "PROCEED_SEPARATELY",
      note: outcome.note,
      byOwnSide: true,
      byName: "Sup. Holly Kwan",
    });
    expect(confirmed.proposal).toBeNull();
    await expect(
      contestConflictOutcome({ db: db(), actor: fedSup(), conflictId, input: outcome, now }),
    ).rejects.toBeInstanceOf(ConflictError);

    const actions = (
      await db().auditEvent.findMany({ where: { targetId: conflictId, outcome: "SUCCESS" }, orderBy: { seq: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["conflict.acknowledge", "conflict.propose", "conflict.acknowledge", "conflict.confirm"]);
    const denied = await db().auditEvent.count({ where: { targetId: conflictId, outcome: "DENIED" } });
    expect(denied).toBe(5);
    // Each step is emailed to the other side's supervisors.
    expect(
      await db().mailMessage.count({
        where: { template: "conflictProposed", subjectId: conflictId, toAddress: `holly.kwan@${fed.slug}.test` },
      }),
    ).toBe(1);
    const confirmMail = await db().mailMessage.findFirstOrThrow({
      where: { template: "conflictConfirmed", subjectId: conflictId },
    });
    expect(confirmMail.toAddress).toBe(`ana.ruiz@${city.slug}.test`);
    expect(confirmMail.subject).toContain("Proceder por separado");
  });

  it("keeps both views when the other side contests, and stays open until they agree", async () => {
    const { conflictId } = await pair();
    await proposeConflictOutcome({ db: db(), actor: citySup(), conflictId, input: outcome, now: later(1) });
    const contested = await contestConflictOutcome({
      db: db(),
      actor: fedSup(),
      conflictId,
      input: { outcome: "RESCHEDULED", note: "Our entry moves to the next morning." },
      now: later(2),
    });
    expect(contested.status).toBe("OPEN");
    expect(contested.proposal).toBeNull();
    const cityView = await getConflictForActor({ db: db(), actor: citySup(), conflictId });
    const views = cityView.history
      .filter((h) => h.kind === "PROPOSED" || h.kind === "CONTESTED")
      .map((h) => [h.kind, h.byOwnSide, h.outcome, h.note]);
    expect(views).toEqual([
      ["PROPOSED", true, "PROCEED_SEPARATELY", outcome.note],
      ["CONTESTED", false, "RESCHEDULED", "Our entry moves to the next morning."],
    ]);
    expect(
      await db().mailMessage.count({
        where: { template: "conflictContested", subjectId: conflictId, toAddress: `ana.ruiz@${city.slug}.test` },
      }),
    ).toBe(1);
    await expect(confirmConflictOutcome({ db: db(), actor: fedSup(), conflictId, now })).rejects.toBeInstanceOf(
      ConflictError,
    );
    // The federal side proposes its own view; the city confirms it.
    await proposeConflictOutcome({
      db: db(),
      actor: fedSup(),
      conflictId,
      input: { outcome: "RESCHEDULED", note: "Entry next morning." },
      now: later(3),
    });
    const resolved = await confirmConflictOutcome({ db: db(), actor: citySup(), conflictId, now: later(4) });
    expect(resolved.outcome).toMatchObject({ outcome: "RESCHEDULED", byOwnSide: true });
  });

  it("reopens a resolved conflict with a reason, by either side", async () => {
    const { conflictId } = await pair();
    await expect(
      reopenConflict({ db: db(), actor: citySup(), conflictId, input: { reason: "Changed plans" }, now }),
    ).rejects.toBeInstanceOf(ConflictError);
    await proposeConflictOutcome({ db: db(), actor: citySup(), conflictId, input: outcome, now: later(1) });
    await confirmConflictOutcome({ db: db(), actor: fedSup(), conflictId, now: later(2) });
    await expect(
      reopenConflict({ db: db(), actor: citySup(), conflictId, input: { reason: "" }, now }),
    ).rejects.toMatchObject({ name: "ZodError" });
    await expect(
      reopenConflict({
        db: db(),
        actor: actorOf(city, ["LIAISON"]),
        conflictId,
        input: { reason: "Route changed again" },
        now,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      reopenConflict({
        db: db(),
        actor: actorOf(outsider, ["CHIEF"]),
        conflictId,
        input: { reason: "Route changed again" },
        now,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const reopened = await reopenConflict({
      db: db(),
      actor: citySup(),
      conflictId,
      input: { reason: "The parade route changed again." },
      now: later(3),
    });
    expect([reopened.status, reopened.outcome]).toEqual(["OPEN", null]);
    expect(reopened.history.at(-1)).toMatchObject({
      kind: "REOPENED",
      note: "The parade route changed again.",
      byOwnSide: true,
    });
    expect(
      await db().mailMessage.count({
        where: { template: "conflictReopened", subjectId: conflictId, toAddress: `holly.kwan@${fed.slug}.test` },
      }),
    ).toBe(1);
    // The other side may reopen too, once resolved again.
    await proposeConflictOutcome({ db: db(), actor: citySup(), conflictId, input: outcome, now: later(4) });
    await confirmConflictOutcome({ db: db(), actor: fedSup(), conflictId, now: later(5) });
    expect(
      (
        await reopenConflict({
          db: db(),
          actor: fedSup(),
          conflictId,
          input: { reason: "Our window moved." },
          now: later(6),
        })
      ).status,
    ).toBe("OPEN");
    expect(
      await db().auditEvent.count({ where: { action: "conflict.reopen", targetId: conflictId, outcome: "SUCCESS" } }),
    ).toBe(2);
  });

  it("lets exactly one of a racing confirm and contest win", async () => {
    const { conflictId } = await pair();
    for (let round = 0; round < 4; round++) {
      await proposeConflictOutcome({ db: db(), actor: citySup(), conflictId, input: outcome, now: later(10 * round) });
      const results = await Promise.allSettled([
        confirmConflictOutcome({ db: db(), actor: fedSup(), conflictId, now: later(10 * round + 1) }),
        contestConflictOutcome({
          db: db(),
          actor: actorOf(fed, ["CHIEF"], "Chief Kwan"),
          conflictId,
          input: { outcome: "CANCELLED", note: "We stand down." },
          now: later(10 * round + 1),
        }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      const row = await db().conflict.findUniqueOrThrow({ where: { id: conflictId } });
      expect(row.proposedAt).toBeNull();
      const events = await db().conflictEvent.count({
        where: { conflictId, kind: { in: ["CONFIRMED", "CONTESTED"] } },
      });
      expect(events).toBe(round + 1);
      if (row.status === "RESOLVED")
        await reopenConflict({
          db: db(),
          actor: citySup(),
          conflictId,
          input: { reason: "Next round." },
          now: later(10 * round + 2),
        });
    }
    const audits = await db().auditEvent.count({
      where: { targetId: conflictId, action: { in: ["conflict.confirm", "conflict.contest"] }, outcome: "SUCCESS" },
    });
    expect(audits).toBe(4);
  });

  it("shows a host agency notified of both operations that they collide, and no more", async () => {
    const host = await makeAgency(db(), { name: "County Sheriff" });
    const lon = -88.9;
    await fileOperation({
      db: db(),
      actor: actorOf(fed),
      input: operationInput({
        title: "Federal surveillance east",
        area: circle(lon, 41.9, 200),
        addedAgencyIds: [host.id],
        commanderPhone: "+1 312 555 0999",
      }),
      now,
    });
    const cityOp = await fileOperation({
      db: db(),
      actor: actorOf(city),
      input: operationInput({ title: "City festival east", area: circle(lon, 41.9, 150), addedAgencyIds: [host.id] }),
      now,
    });
    const conflictId = cityOp.conflicts[0].id;
    const view = await getHostConflictView({ db: db(), actor: actorOf(host, ["LIAISON"]), conflictId });
    expect(view.notices.map((n) => n.title).sort()).toEqual(["City festival east", "Federal surveillance east"]);
    expect(view.window).not.toBeNull();
    const json = JSON.stringify(view);
    for (const secret of ["minDistanceM", "severity", "OPEN", "whereLon", "commander"])
      expect(json).not.toContain(secret);
    // The host's notice names the collision; a party's host view and an outsider's are not there.
    const hostNotice = await db().notice.findFirstOrThrow({
      where: { recipientAgencyId: host.id, operationId: cityOp.operation.id },
    });
    const noticeView = await getNoticeView({ db: db(), actor: actorOf(host, ["LIAISON"]), noticeId: hostNotice.id });
    expect(noticeView.collisions).toEqual([
      { conflictId, other: expect.objectContaining({ title: "Federal surveillance east" }) },
    ]);
    expect(noticeView.conflict).toBeNull();
    await expect(
      getHostConflictView({ db: db(), actor: actorOf(outsider, ["SUPERVISOR"]), conflictId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getHostConflictView({ db: db(), actor: citySup(), conflictId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getConflictForActor({ db: db(), actor: actorOf(host, ["SUPERVISOR"]), conflictId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      acknowledgeConflict({ db: db(), actor: actorOf(host, ["SUPERVISOR"]), conflictId, now }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      proposeConflictOutcome({ db: db(), actor: actorOf(host, ["SUPERVISOR"]), conflictId, input: outcome, now }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
