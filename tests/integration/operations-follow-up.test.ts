// Operations that stay in touch after filing, against the seeded demo world in a real database:
// activating, extending and completing tell exactly the agencies told before; an exigent
// operation owes an after-action account, reminded and escalated on the clock, shared with its
// hosts once written; filing defaults belong to one person; copying reads only one's own agency.
import { beforeAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { runDueJobs } from "@/lib/jobs/runner";
import { mailJobHandler } from "@/lib/mail/deliver";
import { MAIL_QUEUE } from "@/lib/mail/queue-mail";
import { acknowledgeNotice } from "@/lib/notices/acknowledge-notice";
import { noticeContent } from "@/lib/notices/content";
import { noticeCap } from "@/lib/notices/notice-cap";
import {
  AFTER_ACTION_QUEUE,
  fileAfterAction,
  getAfterActionState,
  getSharedAfterAction,
} from "@/lib/operations/after-action";
import { afterActionJobHandler } from "@/lib/operations/after-action-jobs";
import { getCopySource } from "@/lib/operations/copy-operation";
import { fileOperation } from "@/lib/operations/file-operation";
import { transitionOperation } from "@/lib/operations/transition-operation";
import { updateOperation } from "@/lib/operations/update-operation";
import { getFilingDefaults, saveFilingDefaults } from "@/lib/users/filing-defaults";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { at, filing, seededWorld, T0 } from "./notices-fixtures";

describe("operations after filing", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  const handlers = { [AFTER_ACTION_QUEUE]: afterActionJobHandler(), [MAIL_QUEUE]: mailJobHandler(null) };

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
  });

  const ice = () => w.as("liaison@ice-ero-chicago.demo");
  const current = (operationId: string) =>
    db().notice.findMany({ where: { operationId, supersededAt: null }, orderBy: { recipientAgencyId: "asc" } });
  const agencies = (rows: { recipientAgencyId: string }[]) => rows.map((r) => r.recipientAgencyId).sort();
  const escalationJobsFor = (noticeIds: string[]) =>
    db().job.count({
      where: {
        queue: "escalation.step",
        status: "PENDING",
        OR: noticeIds.map((id) => ({ dedupeKey: { startsWith: `esc:NOTICE:${id}:` } })),
      },
    });

  describe("status updates reach every agency told before, and no other", () => {
    it("activating and completing send an UPDATE in each thread, with the new status", async () => {
      const actor = await ice();
      const { operation } = await fileOperation({
        db: db(),
        actor,
        input: filing({ title: "Status fan-out", addedAgencyIds: [w.id("cook-county-sao")] }),
        now: T0,
      });
      const original = await current(operation.id);
      expect(agencies(original)).toEqual(
        [w.id("cook-sheriff"), w.id("cook-county-sao"), w.id("dupage-sheriff"), w.id("illinois-state-police")].sort(),
      );
      // One recipient acknowledges the original; the others have not yet.
      const cook = original.find((n) => n.recipientAgencyId === w.id("cook-sheriff"))!;
      await acknowledgeNotice({
        db: db(),
        actor: await w.as("supervisor@cook-sheriff.demo"),
        noticeId: cook.id,
        now: at(1),
      });

      await transitionOperation({
        db: db(),
        actor,
        operationId: operation.id,
        input: { transition: "ACTIVATE" },
        now: at(30),
      });
      const activated = await current(operation.id);
      expect(agencies(activated)).toEqual(agencies(original));
      for (const n of activated) {
        expect([n.kind, noticeContent(n.content).status, n.threadId]).toEqual([
          "UPDATE",
          "ACTIVE",
          original.find((o) => o.recipientAgencyId === n.recipientAgencyId)!.threadId,
        ]);
        // An acknowledged thread is asked nothing more; the others still owe their acknowledgment.
        expect(n.requiresAck).toBe(n.recipientAgencyId !== w.id("cook-sheriff"));
      }
      expect(await escalationJobsFor(activated.filter((n) => !n.requiresAck).map((n) => n.id))).toBe(0);

      await transitionOperation({
        db: db(),
        actor,
        operationId: operation.id,
        input: { transition: "COMPLETE" },
        now: at(34),
      });
      const completed = await current(operation.id);
      expect(agencies(completed)).toEqual(agencies(original));
      for (const n of completed)
        expect([n.kind, noticeContent(n.content).status, n.requiresAck]).toEqual(["UPDATE", "COMPLETED", false]);
      // Completion needs no acknowledgment, so it starts no escalation anywhere.
      expect(await escalationJobsFor(completed.map((n) => n.id))).toBe(0);
      const all = await db().notice.findMany({ where: { operationId: operation.id } });
      expect(new Set(all.map((n) => n.recipientAgencyId))).toEqual(new Set(agencies(original)));
      expect(all).toHaveLength(original.length * 3);

      // The recipient's export of the completion is a CAP Update referencing the thread so far.
      const dupage = completed.find((n) => n.recipientAgencyId === w.id("dupage-sheriff"))!;
      const { xml } = await noticeCap({
        db: db(),
        actor: await w.as("liaison@dupage-sheriff.demo"),
        noticeId: dupage.id,
      });
      expect(xml).toContain("<msgType>Update</msgType>");
      expect((xml.match(/<references>/g) ?? []).length).toBe(1);
    });

    it("extending an active operation tells the same agencies", async () => {
      const actor = await ice();
      const { operation } = await fileOperation({
        db: db(),
        actor,
        input: filing({ title: "Extension fan-out" }),
        now: T0,
      });
      const original = await current(operation.id);
      const { operation: active } = await transitionOperation({
        db: db(),
        actor,
        operationId: operation.id,
        input: { transition: "ACTIVATE" },
        now: at(30),
      });
      await updateOperation({
        db: db(),
        actor,
        operationId: operation.id,
        input: { version: active.version, endsAt: at(38).toISOString() },
        now: at(31),
      });
      const extended = await current(operation.id);
      expect(agencies(extended)).toEqual(agencies(original));
      for (const n of extended)
        expect([n.kind, n.endsAt.toISOString(), noticeContent(n.content).status]).toEqual([
          "UPDATE",
          at(38).toISOString(),
          "ACTIVE",
        ]);
    });
  });

  describe("the exigent after-action account", () => {
    const exigent = (title: string) =>
      filing({
        title,
        startsAt: at(-1).toISOString(),
        endsAt: at(2).toISOString(),
        exigentReason: "HOT_PURSUIT",
        exigentSignOff: "ASAC Robert Chen",
        exigentConfirmed: true,
      });
    const stepsOf = (operationId: string) =>
      db().escalationStep.findMany({
        where: { subjectType: "AFTER_ACTION", subjectId: operationId },
        orderBy: { step: "asc" },
      });
    const mailOf = (operationId: string) =>
      db().mailMessage.findMany({
        where: { subjectType: "AFTER_ACTION", subjectId: operationId },
        orderBy: { createdAt: "asc" },
      });

    it("is due 72 hours after filing; reminds liaisons and supervisors, then escalates to supervisors and the chief", async () => {
      const { operation } = await fileOperation({
        db: db(),
        actor: await ice(),
        input: exigent("Overdue account"),
        now: T0,
      });
      const row = await db().operation.findUniqueOrThrow({ where: { id: operation.id } });
      expect(row.afterActionDueAt?.toISOString()).toBe(at(72).toISOString());
      const state = async (now: Date) =>
        (await getAfterActionState({ db: db(), actor: await ice(), operationId: operation.id, now }))!;

      await runDueJobs({ db: db(), now: at(47), handlers, queues: [AFTER_ACTION_QUEUE] });
      expect(await mailOf(operation.id)).toHaveLength(0);
      await runDueJobs({ db: db(), now: at(48), handlers, queues: [AFTER_ACTION_QUEUE] });
      const reminders = await mailOf(operation.id);
      expect(new Set(reminders.map((m) => m.toAddress))).toEqual(
        new Set(["liaison@ice-ero-chicago.demo", "supervisor@ice-ero-chicago.demo"]),
      );
      expect(reminders.every((m) => m.template === "afterActionReminder")).toBe(true);
      expect(await stepsOf(operation.id)).toHaveLength(0);
      expect((await state(at(71))).state).toBe("DUE");

      await runDueJobs({ db: db(), now: at(72), handlers, queues: [AFTER_ACTION_QUEUE] });
      expect((await stepsOf(operation.id)).map((s) => s.level)).toEqual(["SUPERVISOR"]);
      await runDueJobs({ db: db(), now: at(84), handlers, queues: [AFTER_ACTION_QUEUE] });
      expect((await stepsOf(operation.id)).map((s) => s.level)).toEqual(["SUPERVISOR", "CHIEF"]);
      const overdue = (await mailOf(operation.id))
        .filter((m) => m.template === "afterActionOverdue")
        .map((m) => m.toAddress);
      expect(overdue).toEqual(["supervisor@ice-ero-chicago.demo", "chief@ice-ero-chicago.demo"]);
      const s = await state(at(85));
      expect([s.state, s.escalations.map((e) => e.level)]).toEqual(["OVERDUE", ["SUPERVISOR", "CHIEF"]]);
      const audits = await db().auditEvent.findMany({
        where: { targetId: operation.id, action: { startsWith: "operation.afterAction." } },
      });
      expect(audits.map((a) => a.action).sort()).toEqual([
        "operation.afterAction.escalation",
        "operation.afterAction.escalation",
        "operation.afterAction.reminder",
        "operation.afterAction.reminder",
      ]);
    });

    it("once written, stops the reminders, is shared with the hosts in each thread and audited", async () => {
      const actor = await ice();
      const { operation } = await fileOperation({ db: db(), actor, input: exigent("Account on time"), now: T0 });
      await runDueJobs({ db: db(), now: at(48), handlers, queues: [AFTER_ACTION_QUEUE] });
      const input = {
        whatHappened: "Pursuit ended at the county line; one arrest.",
        whyNoNotice: "The pursuit began minutes before.",
        phoneContacts: [{ agencyId: w.id("cook-sheriff") }, { name: "Berwyn PD watch commander" }],
      };
      await expect(
        fileAfterAction({
          db: db(),
          actor: await w.as("liaison@cook-sheriff.demo"),
          operationId: operation.id,
          input,
          now: at(50),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      const { sharedWith } = await fileAfterAction({ db: db(), actor, operationId: operation.id, input, now: at(50) });
      const threads = await current(operation.id);
      expect(sharedWith).toBe(threads.length);
      const entries = await db().noticeMessage.findMany({
        where: { notice: { operationId: operation.id }, kind: "AFTER_ACTION" },
      });
      expect(new Set(entries.map((e) => e.threadId))).toEqual(new Set(threads.map((n) => n.threadId)));

      const account = await getSharedAfterAction(db(), { operationId: operation.id, scope: "FULL", side: "RECIPIENT" });
      expect(account?.phoneContacts).toEqual([
        { agencyId: w.id("cook-sheriff"), name: "Cook County Sheriff's Office" },
        { agencyId: null, name: "Berwyn PD watch commander" },
      ]);
      expect(
        await getSharedAfterAction(db(), { operationId: operation.id, scope: "CONFLICT", side: "RECIPIENT" }),
      ).toBeNull();
      expect((await getAfterActionState({ db: db(), actor, operationId: operation.id, now: at(100) }))?.state).toBe(
        "FILED",
      );

      await runDueJobs({ db: db(), now: at(100), handlers, queues: [AFTER_ACTION_QUEUE] });
      expect(await stepsOf(operation.id)).toHaveLength(0);
      await expect(
        fileAfterAction({ db: db(), actor, operationId: operation.id, input, now: at(51) }),
      ).rejects.toBeInstanceOf(ConflictError);
      const audit = await db().auditEvent.findFirstOrThrow({
        where: { targetId: operation.id, action: "operation.afterAction.file", outcome: "SUCCESS" },
      });
      expect(audit.details).toMatchObject({ late: false, phoneContacts: 2 });
    });

    it("is asked of an exigent operation only, and names directory agencies that exist", async () => {
      const actor = await ice();
      const { operation: routine } = await fileOperation({
        db: db(),
        actor,
        input: filing({ title: "Routine" }),
        now: T0,
      });
      expect(await getAfterActionState({ db: db(), actor, operationId: routine.id, now: T0 })).toBeNull();
      const input = { whatHappened: "x", whyNoNotice: "y" };
      await expect(
        fileAfterAction({ db: db(), actor, operationId: routine.id, input, now: T0 }),
      ).rejects.toBeInstanceOf(ConflictError);
      const { operation } = await fileOperation({ db: db(), actor, input: exigent("Bad contact"), now: T0 });
      const bad = { ...input, phoneContacts: [{ agencyId: "00000000-0000-4000-8000-000000000000" }] };
      await expect(
        fileAfterAction({ db: db(), actor, operationId: operation.id, input: bad, now: T0 }),
      ).rejects.toBeInstanceOf(ValidationError);
    });
  });

  describe("filing defaults and copying", () => {
    it("keeps each person's defaults to themselves", async () => {
      const liaison = await ice();
      await saveFilingDefaults({
        db: db(),
        actor: liaison,
        input: {
          commanderName: "SSA Holly Kwan",
          commanderPhone: "+1 312 555 0140",
          commsPlan: "FTAC 2 primary",
          radioChannel: "",
        },
        now: T0,
      });
      expect(await getFilingDefaults({ db: db(), actor: liaison })).toEqual({
        commanderName: "SSA Holly Kwan",
        commanderPhone: "+1 312 555 0140",
        commsPlan: "FTAC 2 primary",
        radioChannel: null,
      });
      expect(await getFilingDefaults({ db: db(), actor: await w.as("supervisor@ice-ero-chicago.demo") })).toBeNull();
      expect(await getFilingDefaults({ db: db(), actor: await w.as("liaison@cook-sheriff.demo") })).toBeNull();
      await expect(
        saveFilingDefaults({ db: db(), actor: liaison, input: { commanderPhone: "call me" }, now: T0 }),
      ).rejects.toThrow();
    });

    it("copies from the agency's own operations only", async () => {
      const actor = await ice();
      const { operation } = await fileOperation({ db: db(), actor, input: filing({ title: "Copy me" }), now: T0 });
      const copy = await getCopySource({ db: db(), actor, operationId: operation.id, now: T0 });
      expect([copy.title, copy.commanderName, copy.radioChannel, copy.pioName]).toEqual([
        "Copy me",
        "SSA Holly Kwan",
        "FTAC 2",
        "PIO Dana Ortiz",
      ]);
      expect(copy).not.toHaveProperty("startsAt");
      expect(copy).not.toHaveProperty("centerLat");
      const other = await w.as("liaison@cook-sheriff.demo");
      await expect(
        getCopySource({ db: db(), actor: other, operationId: operation.id, now: T0 }),
      ).rejects.toBeInstanceOf(NotFoundError);
      const denied = await db().auditEvent.findFirst({
        where: { action: "operation.copy", targetId: operation.id, outcome: "DENIED" },
      });
      expect(denied?.agencyId).toBe(w.id("cook-sheriff"));
    });
  });
});
