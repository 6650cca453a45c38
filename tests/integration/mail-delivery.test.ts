// Email through the durable queue against a real SMTP server: delivered, retried with backoff
// while the server is down, failed fast on a permanent rejection, kept in the outbox without
// SMTP, and neither lost nor duplicated when the worker process is killed mid-queue.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailJobHandler } from "@/lib/mail/deliver";
import { MAIL_QUEUE, queueMail } from "@/lib/mail/queue-mail";
import { smtpTransport, type MailTransport } from "@/lib/mail/transport";
import { runDueJobs } from "@/lib/jobs/runner";
import { freePort } from "@/scripts/lib/free-port";
import { useFreshDb } from "./helpers/db";
import { useTestSecrets } from "./helpers/actors";
import { runScript, toolEnv } from "./helpers/start-process";
import { startSmtpPeer, type SmtpPeer } from "./mail-smtp-peer";

describe("email through the queue", () => {
  const t = useFreshDb();
  const FROM = "Common Ground <no-reply@cg.test>";
  const transports: MailTransport[] = [];
  afterAll(() => transports.forEach((tr) => tr.close()));

  function handlersFor(port: number | null) {
    const transport = port === null ? null : smtpTransport(`smtp://127.0.0.1:${port}`);
    if (transport) transports.push(transport);
    return { [MAIL_QUEUE]: mailJobHandler(transport) };
  }

  async function queue(to: string, now: Date, subjectId = "notice-1") {
    return t().db.$transaction((tx) =>
      queueMail(tx, {
        to: { address: to, name: "Watch Commander" },
        template: "notice",
        params: {
          fromAgency: "U.S. Marshals Service",
          title: "Warrant service",
          start: new Date("2026-11-24T11:00:00Z"),
          end: new Date("2026-11-24T15:00:00Z"),
          area: "South Loop",
          ackBy: new Date("2026-11-24T09:00:00Z"),
          link: "https://cg.test/notices/1",
        },
        locales: ["en", "es"],
        timeZone: "America/Chicago",
        about: { type: "NOTICE", id: subjectId },
        now,
        from: FROM,
      }),
    );
  }

  const attemptsOf = (mailMessageId: string) =>
    t().db.deliveryAttempt.findMany({ where: { mailMessageId }, orderBy: { at: "asc" } });

  beforeAll(() => useTestSecrets(t().url));

  describe("email delivery", () => {
    it("keeps mail in the outbox when no SMTP server is configured", async () => {
      const now = new Date();
      const { mailMessageId } = await queue("desk@county.example.gov", now, "outbox-1");
      const summary = await runDueJobs({ db: t().db, now, handlers: handlersFor(null), queues: [MAIL_QUEUE] });
      expect(summary.DONE).toBe(1);
      const row = await t().db.mailMessage.findUniqueOrThrow({ where: { id: mailMessageId } });
      expect(row.status).toBe("STORED");
      expect(row.text).toContain("=== English ===");
      expect(row.text).toContain("=== Español ===");
      expect(row.text).toContain("CST");
      expect((await attemptsOf(mailMessageId)).map((a) => a.outcome)).toEqual(["STORED"]);
    });

    it("delivers a notice email to a real SMTP server, once", async () => {
      const peer = await startSmtpPeer();
      try {
        const now = new Date();
        const { mailMessageId, messageId } = await queue("watch@county.example.gov", now);
        expect(
          (await runDueJobs({ db: t().db, now, handlers: handlersFor(peer.port), queues: [MAIL_QUEUE] })).DONE,
        ).toBe(1);
        expect(peer.received).toHaveLength(1);
        expect(peer.received[0].messageId).toBe(messageId);
        expect(peer.received[0].to).toEqual(["watch@county.example.gov"]);
        expect(peer.received[0].raw).toMatch(/Subject: .*Advance notice from U\.S\. Marshals Service/);
        const row = await t().db.mailMessage.findUniqueOrThrow({ where: { id: mailMessageId } });
        expect(row.status).toBe("SENT");
        expect(row.smtpResponse).toMatch(/^250/);
        const attempts = await attemptsOf(mailMessageId);
        expect(attempts.map((a) => [a.channel, a.outcome, a.subjectType, a.subjectId])).toEqual([
          ["EMAIL", "SENT", "NOTICE", "notice-1"],
        ]);
        // Running the queue again sends nothing more.
        expect(
          (
            await runDueJobs({
              db: t().db,
              now: new Date(now.getTime() + 86_400_000),
              handlers: handlersFor(peer.port),
              queues: [MAIL_QUEUE],
            })
          ).claimed,
        ).toBe(0);
        expect(peer.received).toHaveLength(1);
      } finally {
        await peer.close();
      }
    });

    it("retries with backoff while the server is down and delivers when it returns", async () => {
      const port = await freePort();
      const handlers = handlersFor(port);
      const now = new Date();
      const { mailMessageId, messageId } = await queue("dispatch@city.example.gov", now);

      const first = await runDueJobs({ db: t().db, now, handlers, queues: [MAIL_QUEUE] });
      expect(first.RETRY).toBe(1);
      const job = await t().db.job.findUniqueOrThrow({ where: { dedupeKey: `mail:${mailMessageId}` } });
      expect(job.status).toBe("PENDING");
      expect(job.lastError).toMatch(/ECONNREFUSED/);
      expect(job.runAt.getTime()).toBeGreaterThan(now.getTime() + 5_000); // backing off, not spinning
      expect((await t().db.mailMessage.findUniqueOrThrow({ where: { id: mailMessageId } })).status).toBe("RETRYING");

      // Not due yet: nothing runs.
      expect(
        (await runDueJobs({ db: t().db, now: new Date(now.getTime() + 1_000), handlers, queues: [MAIL_QUEUE] }))
          .claimed,
      ).toBe(0);

      const peer = await startSmtpPeer(port);
      try {
        const later = new Date(job.runAt.getTime() + 1);
        expect((await runDueJobs({ db: t().db, now: later, handlers, queues: [MAIL_QUEUE] })).DONE).toBe(1);
        expect(peer.countsById().get(messageId)).toBe(1);
        expect((await attemptsOf(mailMessageId)).map((a) => a.outcome)).toEqual(["FAILED", "SENT"]);
        const done = await t().db.job.findUniqueOrThrow({ where: { id: job.id } });
        expect([done.status, done.attempts]).toEqual(["DONE", 2]);
      } finally {
        await peer.close();
      }
    });

    it("fails at once, without retrying, when the server rejects the recipient permanently", async () => {
      const peer = await startSmtpPeer();
      peer.rejectRecipient("nobody@county.example.gov");
      try {
        const now = new Date();
        const { mailMessageId } = await queue("nobody@county.example.gov", now);
        expect(
          (await runDueJobs({ db: t().db, now, handlers: handlersFor(peer.port), queues: [MAIL_QUEUE] })).FAILED,
        ).toBe(1);
        expect((await t().db.mailMessage.findUniqueOrThrow({ where: { id: mailMessageId } })).status).toBe("FAILED");
        expect((await t().db.job.findUniqueOrThrow({ where: { dedupeKey: `mail:${mailMessageId}` } })).status).toBe(
          "FAILED",
        );
        const [attempt] = await attemptsOf(mailMessageId);
        expect([attempt.outcome, attempt.error]).toEqual(["FAILED", expect.stringMatching(/550/)]);
      } finally {
        await peer.close();
      }
    });

    it("re-sends, with the same Message-ID, a message whose acceptance was never recorded (the at-least-once window)", async () => {
      const peer = await startSmtpPeer();
      try {
        const now = new Date();
        const { mailMessageId, messageId } = await queue("window@county.example.gov", now);
        await runDueJobs({ db: t().db, now, handlers: handlersFor(peer.port), queues: [MAIL_QUEUE] });
        // Put the rows back exactly as a crash between the server's "250" and our commit leaves them.
        await t().db.mailMessage.update({ where: { id: mailMessageId }, data: { status: "SENDING", sentAt: null } });
        await t().db.job.update({
          where: { dedupeKey: `mail:${mailMessageId}` },
          data: { status: "RUNNING", lockedBy: "dead-worker", lockedUntil: new Date(now.getTime() + 60_000) },
        });

        const restart = new Date(now.getTime() + 61_000);
        expect(
          (await runDueJobs({ db: t().db, now: restart, handlers: handlersFor(peer.port), queues: [MAIL_QUEUE] })).DONE,
        ).toBe(1);
        expect(peer.countsById().get(messageId)).toBe(2);
        expect(new Set(peer.received.map((r) => r.messageId))).toEqual(new Set([messageId]));
        expect((await attemptsOf(mailMessageId)).map((a) => a.outcome)).toEqual(["SENT", "INTERRUPTED", "SENT"]);
      } finally {
        await peer.close();
      }
    });
  });

  describe("a sender killed right after the server accepted the message", () => {
    it("has already recorded it as sent, so a restart does not send it again", async () => {
      const peer = await startSmtpPeer();
      try {
        const now = new Date();
        const { mailMessageId, messageId } = await queue("killed@county.example.gov", now, "kill-after-250");
        const sender = runScript(
          "tests/integration/helpers/deliver-then-die.ts",
          [mailMessageId],
          toolEnv({
            DATABASE_URL: t().url,
            AUTH_SECRET: "integration-tests-only-secret-0123456789",
            SMTP_URL: `smtp://127.0.0.1:${peer.port}`,
            NODE_ENV: "test",
            LOG_LEVEL: "error",
          }),
        );
        expect((await sender.exited()).signal, sender.output()).toBe("SIGKILL");
        expect(peer.countsById().get(messageId)).toBe(1);
        const row = await t().db.mailMessage.findUniqueOrThrow({ where: { id: mailMessageId } });
        expect(row.status).toBe("SENT");

        // The restarted worker runs the message's job: nothing is left to send.
        const restart = new Date(now.getTime() + 61_000);
        await runDueJobs({ db: t().db, now: restart, handlers: handlersFor(peer.port), queues: [MAIL_QUEUE] });
        expect(peer.countsById().get(messageId)).toBe(1);
        expect((await attemptsOf(mailMessageId)).map((a) => a.outcome)).toEqual(["SENT"]);
      } finally {
        await peer.close();
      }
    });
  });

  describe("a worker killed mid-queue", () => {
    let peer: SmtpPeer;
    beforeAll(async () => {
      peer = await startSmtpPeer();
    });
    afterAll(() => peer.close());

    function startWorkerProcess() {
      return runScript(
        "server/worker.ts",
        ["--concurrency=1", "--poll-ms=100", "--lease-ms=1500"],
        toolEnv({
          DATABASE_URL: t().url,
          AUTH_SECRET: "integration-tests-only-secret-0123456789",
          SMTP_URL: `smtp://127.0.0.1:${peer.port}`,
          NODE_ENV: "test",
          LOG_LEVEL: "error",
          TEST_CLOCK: "0",
        }),
      );
    }

    it("loses nothing and sends nothing twice after SIGKILL and restart", async () => {
      const count = 8;
      const now = new Date();
      const queued: { mailMessageId: string; messageId: string }[] = [];
      for (let i = 0; i < count; i++) queued.push(await queue(`officer${i}@agency.example.gov`, now, `kill-${i}`));
      const ids = queued.map((q) => q.mailMessageId);

      // The fourth message is held at the server, before its "250", while the worker is killed.
      const held = peer.holdAfter(3);
      const worker = startWorkerProcess();
      await Promise.race([
        held.reached,
        worker.exited().then(() => Promise.reject(new Error(`worker exited early:\n${worker.output()}`))),
      ]);
      worker.child.kill("SIGKILL");
      expect((await worker.exited()).signal).toBe("SIGKILL");
      // Release only once the server has seen the connection drop, as a real server would.
      await held.clientGone;
      held.release();
      await sleep(50);
      expect(peer.received).toHaveLength(3);

      const mid = await t().db.mailMessage.findMany({ where: { id: { in: ids } } });
      const byStatus = (s: string) => mid.filter((m) => m.status === s).length;
      expect(byStatus("SENDING")).toBe(1); // the one in flight when the process died
      expect([byStatus("SENT"), byStatus("SENDING"), byStatus("QUEUED")]).toEqual([3, 1, count - 4]);

      // Restart: the dead worker's lease expires and the new worker finishes the queue.
      const restarted = startWorkerProcess();
      try {
        const deadline = Date.now() + 30_000;
        while (Date.now() < deadline) {
          if ((await t().db.mailMessage.count({ where: { id: { in: ids }, status: "SENT" } })) === count) break;
          await sleep(100);
        }
      } finally {
        restarted.child.kill("SIGTERM");
        const exit = await restarted.exited();
        expect(exit.code, restarted.output()).toBe(0);
      }

      expect(await t().db.mailMessage.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(count);
      const counts = peer.countsById();
      for (const q of queued) expect(counts.get(q.messageId), q.messageId).toBe(1);
      const interrupted = await t().db.deliveryAttempt.findMany({
        where: { mailMessageId: { in: ids }, outcome: "INTERRUPTED" },
      });
      expect(interrupted).toHaveLength(1);
    });
  });
});
