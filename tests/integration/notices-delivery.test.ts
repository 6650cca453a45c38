// Notices reaching people: escalation steps on a controllable clock (recorded, visible to both
// agencies, stopped by acknowledgment, sooner when the start is near) and email through the
// durable queue to a real SMTP server, retried while it is down and delivered when it returns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ESCALATION_QUEUE, escalationJobHandler } from "@/lib/jobs/escalation";
import { escalationSubjects } from "@/lib/jobs/escalation-subjects";
import { runDueJobs } from "@/lib/jobs/runner";
import { mailJobHandler } from "@/lib/mail/deliver";
import { MAIL_QUEUE } from "@/lib/mail/queue-mail";
import { smtpTransport, type MailTransport } from "@/lib/mail/transport";
import { acknowledgeNotice } from "@/lib/notices/acknowledge-notice";
import { getNoticeView } from "@/lib/notices/notice-view";
import { fileOperation } from "@/lib/operations/file-operation";
import { updateOperation } from "@/lib/operations/update-operation";
import { freePort } from "@/scripts/lib/free-port";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { startSmtpPeer } from "./mail-smtp-peer";
import { at, filing, LOOP, minutes, seededWorld, T0 } from "./notices-fixtures";

describe("notice delivery", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  const transports: MailTransport[] = [];
  afterAll(() => transports.forEach((tr) => tr.close()));

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
  });

  const escalationOnly = { [ESCALATION_QUEUE]: escalationJobHandler(escalationSubjects) };
  const steps = (noticeId: string) =>
    db().escalationStep.findMany({ where: { subjectType: "NOTICE", subjectId: noticeId }, orderBy: { step: "asc" } });
  const noticeTo = async (operationId: string, slug: string) =>
    db().notice.findFirstOrThrow({ where: { operationId, recipientAgencyId: w.id(slug), supersededAt: null } });

  describe("escalation", () => {
    it("steps through backup contact, chief and 24/7 line on the clock, visibly to both sides, until acknowledged", async () => {
      const liaison = await w.as("liaison@ice-ero-chicago.demo");
      const { operation } = await fileOperation({ db: db(), actor: liaison, input: filing(), now: T0 });
      const cook = await noticeTo(operation.id, "cook-sheriff");
      const dupage = await noticeTo(operation.id, "dupage-sheriff");

      await runDueJobs({ db: db(), now: minutes(29), handlers: escalationOnly, queues: [ESCALATION_QUEUE] });
      expect(await steps(cook.id)).toHaveLength(0);

      await runDueJobs({ db: db(), now: minutes(30), handlers: escalationOnly, queues: [ESCALATION_QUEUE] });
      const [first] = await steps(cook.id);
      expect([first.level, first.contactName, first.contactEmail, first.originAgencyId]).toEqual([
        "BACKUP",
        "Lt. Renata Sobczak",
        "backup@cook-sheriff.demo",
        w.id("ice-ero-chicago"),
      ]);
      const escalationMail = await db().mailMessage.findFirstOrThrow({
        where: { toAddress: "backup@cook-sheriff.demo", template: "escalation", subjectId: cook.id },
      });
      expect(escalationMail.subject).toContain("Warrant service, west suburbs");

      // Both agencies see the step on the notice.
      const senderView = await getNoticeView({ db: db(), actor: liaison, noticeId: cook.id });
      const recipientView = await getNoticeView({
        db: db(),
        actor: await w.as("chief@cook-sheriff.demo"),
        noticeId: cook.id,
      });
      expect(senderView.escalations.map((e) => e.level)).toEqual(["BACKUP"]);
      expect(recipientView.escalations.map((e) => e.level)).toEqual(["BACKUP"]);

      await acknowledgeNotice({
        db: db(),
        actor: await w.as("chief@cook-sheriff.demo"),
        noticeId: cook.id,
        now: minutes(40),
      });
      for (const m of [60, 90, 120, 600])
        await runDueJobs({ db: db(), now: minutes(m), handlers: escalationOnly, queues: [ESCALATION_QUEUE] });
      expect((await steps(cook.id)).map((s) => s.level)).toEqual(["BACKUP"]);
      // DuPage never acknowledged: its chief and then its 24/7 line were told.
      expect((await steps(dupage.id)).map((s) => [s.step, s.level])).toEqual([
        [1, "BACKUP"],
        [2, "CHIEF"],
        [3, "CONTACT_24X7"],
      ]);
      expect((await steps(dupage.id))[1].contactEmail).toBe("chief@dupage-sheriff.demo");
      const audited = await db().auditEvent.count({ where: { action: "escalation.step", targetId: dupage.id } });
      expect(audited).toBe(3);
    });

    it("escalates a conflict again, from the first step, when it reopens after closing", async () => {
      const ice = await w.as("liaison@ice-ero-chicago.demo");
      const cook = await w.as("liaison@cook-sheriff.demo");
      await fileOperation({
        db: db(),
        actor: ice,
        input: filing({ area: LOOP, title: "Federal search, Loop" }),
        now: T0,
      });
      const { operation: local, conflicts } = await fileOperation({
        db: db(),
        actor: cook,
        input: filing({ area: LOOP, title: "Sheriff warrant, Loop" }),
        now: T0,
      });
      expect(conflicts).toHaveLength(1);
      const conflictId = conflicts[0].id;
      const conflictSteps = (round: number) =>
        db().escalationStep.findMany({
          where: { subjectType: "CONFLICT", subjectId: conflictId, recipientAgencyId: w.id("ice-ero-chicago"), round },
          orderBy: { step: "asc" },
        });

      // Round 1 runs its course unacknowledged.
      for (const m of [30, 60, 90])
        await runDueJobs({ db: db(), now: minutes(m), handlers: escalationOnly, queues: [ESCALATION_QUEUE] });
      expect((await conflictSteps(1)).map((s) => s.level)).toEqual(["SUPERVISOR", "CHIEF", "CONTACT_24X7"]);

      // Rescheduled away, the conflict closes; moved back, it opens again and needs acknowledging again.
      const away = await updateOperation({
        db: db(),
        actor: cook,
        operationId: local.id,
        input: { version: 1, startsAt: at(300).toISOString(), endsAt: at(304).toISOString() },
        now: minutes(100),
      });
      expect(away.closed.map((c) => c.id)).toEqual([conflictId]);
      const back = await updateOperation({
        db: db(),
        actor: cook,
        operationId: local.id,
        input: { version: 2, startsAt: at(30).toISOString(), endsAt: at(34).toISOString() },
        now: minutes(110),
      });
      expect(back.conflicts.map((c) => [c.id, c.change, c.openings])).toEqual([[conflictId, "REOPENED", 2]]);

      for (const m of [140, 170, 200])
        await runDueJobs({ db: db(), now: minutes(m), handlers: escalationOnly, queues: [ESCALATION_QUEUE] });
      expect((await conflictSteps(2)).map((s) => [s.step, s.level])).toEqual([
        [1, "SUPERVISOR"],
        [2, "CHIEF"],
        [3, "CONTACT_24X7"],
      ]);
    });

    it("escalates sooner when the operation starts soon", async () => {
      const liaison = await w.as("liaison@ice-ero-chicago.demo");
      const input = filing({
        startsAt: minutes(45).toISOString(),
        endsAt: at(3).toISOString(),
        exigentReason: "IMMINENT_THREAT_TO_LIFE",
        exigentSignOff: "ASAC Robert Chen",
        exigentConfirmed: true,
      });
      const { operation } = await fileOperation({ db: db(), actor: liaison, input, now: T0 });
      const cook = await noticeTo(operation.id, "cook-sheriff");
      expect(cook.kind).toBe("EXIGENT_AFTER_ACTION");
      const timer = await db().job.findFirstOrThrow({
        where: { dedupeKey: `esc:NOTICE:${cook.id}:${w.id("cook-sheriff")}:1` },
      });
      expect(timer.runAt).toEqual(minutes(15));
    });
  });

  describe("email", () => {
    it("a real SMTP server receives the notice, retried while the server is down and delivered once when it returns", async () => {
      const port = await freePort();
      const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
      transports.push(transport);
      const mailOnly = { [MAIL_QUEUE]: mailJobHandler(transport) };
      const cookLiaison = await w.as("liaison@cook-sheriff.demo");
      // Local→federal: the Cook sheriff's operation by the Broadview facility reaches ICE's watch desk.
      const sent = at(1);
      const { operation } = await fileOperation({
        db: db(),
        actor: cookLiaison,
        input: filing({
          area: { kind: "CIRCLE", center: [-87.8555, 41.8578], radiusM: 250 },
          title: "Crowd event policing, Broadview",
          startsAt: at(40).toISOString(),
          endsAt: at(44).toISOString(),
        }),
        now: sent,
      });
      const notice = await noticeTo(operation.id, "ice-ero-chicago");
      const mail = await db().mailMessage.findFirstOrThrow({
        where: { subjectId: notice.id, toAddress: "watch@ice-ero-chicago.demo" },
      });

      // The server is down: the attempt fails and is retried later, not lost.
      const down = await runDueJobs({ db: db(), now: sent, handlers: mailOnly, queues: [MAIL_QUEUE] });
      expect(down.RETRY).toBeGreaterThan(0);
      expect((await db().mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe("RETRYING");

      const peer = await startSmtpPeer(port);
      try {
        await runDueJobs({
          db: db(),
          now: new Date(sent.getTime() + 3_600_000),
          handlers: mailOnly,
          queues: [MAIL_QUEUE],
        });
        const got = peer.received.filter((r) => r.messageId === mail.messageId);
        expect(got).toHaveLength(1);
        expect(got[0].to).toEqual(["watch@ice-ero-chicago.demo"]);
        expect(got[0].raw).toMatch(/Subject: .*Advance notice from Cook County Sheriff's Office/);
        expect((await db().mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).subject).toContain(
          "Crowd event policing, Broadview",
        );
        expect((await db().mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe("SENT");

        const attempts = await db().deliveryAttempt.findMany({
          where: { subjectType: "NOTICE", subjectId: notice.id },
          orderBy: { at: "asc" },
        });
        expect(attempts.filter((a) => a.channel === "IN_APP").map((a) => a.outcome)).toEqual(["SENT"]);
        const toWatch = attempts.filter((a) => a.mailMessageId === mail.id).map((a) => a.outcome);
        expect(toWatch).toEqual(["FAILED", "SENT"]);

        // Running the queue again sends nothing twice.
        await runDueJobs({
          db: db(),
          now: new Date(sent.getTime() + 86_400_000),
          handlers: mailOnly,
          queues: [MAIL_QUEUE],
        });
        expect(peer.countsById().get(mail.messageId)).toBe(1);
      } finally {
        await peer.close();
      }
    });
  });
});
