// Signed webhooks against a real HTTP receiver that verifies every request with the
// standardwebhooks library: delivery of what an agency may see (and nothing else), retries with
// the same webhook-id while the receiver fails or is down, exactly-once processing on its side,
// redelivery, and the endpoint disabled (admins emailed) after sustained failure.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { acknowledgeConflict } from "@/lib/conflicts/conflicts";
import { confirmConflictOutcome, proposeConflictOutcome } from "@/lib/conflicts/outcome";
import { acknowledgeNotice } from "@/lib/notices/acknowledge-notice";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { runDueJobs } from "@/lib/jobs/runner";
import { decideRequest } from "@/lib/requests/decide-request";
import { submitRequest } from "@/lib/requests/create-request";
import { fileOperation } from "@/lib/operations/file-operation";
import { webhookJobHandler } from "@/lib/webhooks/deliver";
import { listWebhookDeliveries, redeliverWebhook } from "@/lib/webhooks/deliveries";
import { WEBHOOK_QUEUE } from "@/lib/webhooks/emit";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  setWebhookEndpointActive,
} from "@/lib/webhooks/manage-endpoints";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { filing, LOOP, seededWorld, T0 } from "./notices-fixtures";
import { startReceiver } from "./webhook-receiver";

const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);
/** Starting well after the clock the later tests run on (a filing inside its lead time needs an exigency sign-off). */
const later = { startsAt: hours(100).toISOString(), endsAt: hours(104).toISOString() };

describe("webhooks", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  let cook: Awaited<ReturnType<typeof startReceiver>>;
  let dupage: Awaited<ReturnType<typeof startReceiver>>;
  let cookEndpointId: string;
  let dupageEndpointId: string;
  const handlers = { [WEBHOOK_QUEUE]: webhookJobHandler({ production: false }) };

  /** The job runner on the test clock; the receiver's own clock (Date) agrees, as it would in life. */
  const runAt = async (now: Date) => {
    vi.setSystemTime(now);
    return runDueJobs({ db: db(), now, handlers, queues: [WEBHOOK_QUEUE] });
  };
  const deliveriesOf = (endpointId: string) =>
    db().webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
    // The demo world's own endpoints point at hosts that do not exist; these tests use real receivers.
    await db().webhookEndpoint.updateMany({ data: { active: false } });
    vi.useFakeTimers({ toFake: ["Date"] });
    cook = await startReceiver();
    dupage = await startReceiver();
    const cookAdmin = await w.as("admin@cook-sheriff.demo");
    const dupageAdmin = await w.as("admin@dupage-sheriff.demo");
    const a = await createWebhookEndpoint({
      db: db(),
      actor: cookAdmin,
      input: { url: cook.url, events: [...WEBHOOK_EVENTS] },
      now: T0,
    });
    const b = await createWebhookEndpoint({
      db: db(),
      actor: dupageAdmin,
      input: { url: dupage.url, events: [...WEBHOOK_EVENTS] },
      now: T0,
    });
    expect(a.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    cook.state.secret = a.secret;
    dupage.state.secret = b.secret;
    cookEndpointId = a.endpoint.id;
    dupageEndpointId = b.endpoint.id;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await cook?.stop();
    await dupage?.stop();
  });

  it("delivers a notice to the recipient's endpoint, signed, with only identifiers and a link; another agency's receiver hears nothing", async () => {
    const ice = await w.as("liaison@ice-ero-chicago.demo");
    const { operation } = await fileOperation({
      db: db(),
      actor: ice,
      input: filing({ area: LOOP, title: "Federal search, Loop" }),
      now: T0,
    });
    const notice = await db().notice.findFirstOrThrow({
      where: { operationId: operation.id, recipientAgencyId: w.id("cook-sheriff") },
    });

    // Committed with the notice, before any worker ran.
    const [queued] = await deliveriesOf(cookEndpointId);
    expect([queued.eventType, queued.status]).toEqual(["notice.received", "PENDING"]);

    await runAt(T0);
    expect(cook.state.rejected).toBe(0);
    const payload = cook.state.processed.get(queued.id);
    expect(payload).toEqual({
      type: "notice.received",
      timestamp: T0.toISOString(),
      data: {
        id: notice.id,
        object: "notice",
        agencyId: w.id("cook-sheriff"),
        links: { self: `/api/v1/notices/${notice.id}` },
      },
    });
    expect(JSON.stringify(payload)).not.toContain("Federal search");
    const delivered = await db().webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } });
    expect([delivered.status, delivered.attempts, delivered.lastResponseStatus]).toEqual(["DELIVERED", 1, 204]);

    // DuPage is not a party: no delivery row, and its receiver got nothing.
    expect(await deliveriesOf(dupageEndpointId)).toHaveLength(0);
    expect(dupage.state.received).toEqual([]);
  });

  it("tells both parties, and only them, of a conflict found, acknowledged and resolved, and of a notice acknowledged", async () => {
    const before = (await deliveriesOf(cookEndpointId)).length;
    const sheriff = await w.as("liaison@cook-sheriff.demo");
    const { conflicts } = await fileOperation({
      db: db(),
      actor: sheriff,
      input: filing({ area: LOOP, title: "Sheriff warrant, Loop" }),
      now: hours(1),
    });
    expect(conflicts.length).toBeGreaterThan(0);
    await acknowledgeConflict({
      db: db(),
      actor: await w.as("supervisor@cook-sheriff.demo"),
      conflictId: conflicts[0].id,
      now: hours(1),
    });
    // Resolved once both sides agree: the sheriff proposes, the field office confirms.
    await proposeConflictOutcome({
      db: db(),
      actor: await w.as("supervisor@cook-sheriff.demo"),
      conflictId: conflicts[0].id,
      input: { outcome: "PROCEED_SEPARATELY", note: "Times staggered by radio." },
      now: hours(1),
    });
    await confirmConflictOutcome({
      db: db(),
      actor: await w.as("supervisor@ice-ero-chicago.demo"),
      conflictId: conflicts[0].id,
      now: hours(1),
    });
    // The sheriff acknowledges the federal notice: its own system hears it too.
    const notice = await db().notice.findFirstOrThrow({
      where: { recipientAgencyId: w.id("cook-sheriff"), acknowledgedAt: null },
      orderBy: { sentAt: "asc" },
    });
    await acknowledgeNotice({
      db: db(),
      actor: await w.as("chief@cook-sheriff.demo"),
      noticeId: notice.id,
      now: hours(1),
    });
    await runAt(hours(1));
    const events = (await deliveriesOf(cookEndpointId)).slice(before).map((d) => d.eventType);
    expect(events).toEqual(
      expect.arrayContaining(["conflict.found", "conflict.acknowledged", "conflict.resolved", "notice.acknowledged"]),
    );
    const ack = [...cook.state.processed.values()].find(
      (p) => (p as { type: string }).type === "conflict.acknowledged",
    ) as { data: unknown };
    expect(ack.data).toEqual({
      id: conflicts[0].id,
      object: "conflict",
      agencyId: w.id("cook-sheriff"),
      links: { self: `/api/v1/conflicts/${conflicts[0].id}` },
    });
    expect(dupage.state.received).toEqual([]);
  });

  it("retries with the same webhook-id while the receiver fails or is down, and each id is processed exactly once when it returns", async () => {
    const ice = await w.as("liaison@ice-ero-chicago.demo");
    const before = new Set((await deliveriesOf(cookEndpointId)).map((d) => d.id));
    cook.state.mode = "fail";
    await fileOperation({
      db: db(),
      actor: ice,
      input: filing({ area: LOOP, title: "Second search, Loop" }),
      now: hours(2),
    });
    await fileOperation({
      db: db(),
      actor: ice,
      input: filing({ area: LOOP, title: "Third search, Loop" }),
      now: hours(2),
    });
    const fresh = (await deliveriesOf(cookEndpointId)).filter((d) => !before.has(d.id));
    expect(fresh.length).toBeGreaterThanOrEqual(2);

    const first = await runAt(hours(2));
    expect(first.RETRY).toBe(fresh.length);
    const afterFail = await db().webhookDelivery.findMany({ where: { id: { in: fresh.map((d) => d.id) } } });
    expect(
      afterFail.every(
        (d) =>
          d.status === "PENDING" && d.lastResponseStatus === 500 && d.lastError === "HTTP 500: receiver unavailable",
      ),
    ).toBe(true);

    await cook.goDown();
    expect((await runAt(hours(3))).RETRY).toBe(fresh.length);
    const whileDown = await db().webhookDelivery.findMany({ where: { id: { in: fresh.map((d) => d.id) } } });
    expect(whileDown.every((d) => d.attempts === 2 && d.lastResponseStatus === null && d.lastError)).toBe(true);
    await cook.comeBack();

    // Processed, but the answer is lost: the sender must try again, and the receiver must not act twice.
    cook.state.mode = "processThenFail";
    expect((await runAt(hours(4))).RETRY).toBe(fresh.length);
    cook.state.mode = "ok";
    expect((await runAt(hours(5))).DONE).toBe(fresh.length);

    const all = await deliveriesOf(cookEndpointId);
    expect(all.every((d) => d.status === "DELIVERED")).toBe(true);
    expect(new Set(cook.state.processed.keys())).toEqual(new Set(all.map((d) => d.id)));
    // Three answers reached it (500, lost, 204); the fourth attempt found nothing listening.
    for (const d of fresh) expect(cook.state.received.filter((id) => id === d.id)).toHaveLength(3);
    expect(cook.state.rejected).toBe(0);
    const endpoint = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: cookEndpointId } });
    expect([endpoint.active, endpoint.consecutiveFailures, endpoint.failingSince]).toEqual([true, 0, null]);
  });

  it("redelivers a delivery under the same webhook-id, audited, and the receiver does not process it twice", async () => {
    const [d] = await deliveriesOf(cookEndpointId);
    // Another agency's admin cannot redeliver it (and is recorded trying).
    await expect(
      redeliverWebhook({ db: db(), actor: await w.as("admin@dupage-sheriff.demo"), deliveryId: d.id, now: hours(6) }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await db().auditEvent.count({ where: { action: "webhook.redeliver", targetId: d.id, outcome: "DENIED" } }),
    ).toBe(1);
    const received = cook.state.received.length;
    const processed = cook.state.processed.size;
    await redeliverWebhook({ db: db(), actor: await w.as("admin@cook-sheriff.demo"), deliveryId: d.id, now: hours(6) });
    await runAt(hours(6));
    expect(cook.state.received.slice(received)).toEqual([d.id]);
    expect(cook.state.processed.size).toBe(processed);
    const row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
    expect([row.status, row.redeliveries]).toEqual(["DELIVERED", 1]);
    expect(
      await db().auditEvent.count({ where: { action: "webhook.redeliver", targetId: d.id, outcome: "SUCCESS" } }),
    ).toBe(1);
  });

  it("tells the receiving agency of a federal request received and decided", async () => {
    const sent = await submitRequest({
      db: db(),
      actor: await w.as("liaison@ice-ero-chicago.demo"),
      input: {
        agencyId: w.id("cook-sheriff"),
        kind: "DETAINER",
        basisDocument: "I247A_DETAINER",
        basisSignedByJudge: false,
        offenceCategory: "CIVIL_IMMIGRATION_ONLY",
      },
      now: hours(7),
    });
    await decideRequest({
      db: db(),
      actor: await w.as("chief@cook-sheriff.demo"),
      requestId: sent.id,
      input: { decision: "DECLINED", basis: "Illinois TRUST Act", reason: "No judicial warrant presented." },
      now: hours(7),
    });
    await runAt(hours(7));
    const about = (await deliveriesOf(cookEndpointId)).filter(
      (d) => (JSON.parse(d.payload) as { data: { id: string } }).data.id === sent.id,
    );
    expect(about.map((d) => [d.eventType, d.status]).sort()).toEqual([
      ["request.decided", "DELIVERED"],
      ["request.received", "DELIVERED"],
    ]);
    expect(cook.state.processed.get(about.find((d) => d.eventType === "request.received")!.id)).toMatchObject({
      data: { object: "request", links: { self: `/api/v1/requests/${sent.id}` } },
    });
    expect(dupage.state.received).toEqual([]);
  });

  it("disables the endpoint after a day of failures, emails the agency's admins, and sends nothing more until re-enabled", async () => {
    const ice = await w.as("liaison@ice-ero-chicago.demo");
    cook.state.mode = "fail";
    await fileOperation({
      db: db(),
      actor: ice,
      input: filing({ area: LOOP, title: "Fourth search, Loop", ...later }),
      now: hours(10),
    });
    await runAt(hours(10));
    for (const h of [11, 13, 17]) await runAt(hours(h));
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id: cookEndpointId } })).active).toBe(true);
    await runAt(hours(35));

    const endpoint = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: cookEndpointId } });
    expect([endpoint.active, endpoint.disabledReason, endpoint.disabledAt?.toISOString()]).toEqual([
      false,
      "FAILING",
      hours(35).toISOString(),
    ]);
    const mail = await db().mailMessage.findMany({ where: { template: "webhookDisabled", subjectId: cookEndpointId } });
    expect(mail.map((m) => m.toAddress)).toEqual(["admin@cook-sheriff.demo"]);
    expect(mail[0].subject).toContain(cook.url);
    expect(
      await db().auditEvent.count({
        where: { action: "webhook.autoDisable", targetId: cookEndpointId, agencyId: w.id("cook-sheriff") },
      }),
    ).toBe(1);
    expect(await db().webhookDelivery.count({ where: { endpointId: cookEndpointId, status: "PENDING" } })).toBe(0);

    // Disabled: a new notice queues nothing for it.
    const count = (await deliveriesOf(cookEndpointId)).length;
    await fileOperation({
      db: db(),
      actor: ice,
      input: filing({ area: LOOP, title: "Fifth search, Loop", ...later }),
      now: hours(36),
    });
    expect(await deliveriesOf(cookEndpointId)).toHaveLength(count);

    // Re-enabled by an admin, with the failure count cleared; what it missed can be redelivered.
    cook.state.mode = "ok";
    const admin = await w.as("admin@cook-sheriff.demo");
    const enabled = await setWebhookEndpointActive({
      db: db(),
      actor: admin,
      endpointId: cookEndpointId,
      active: true,
      now: hours(37),
    });
    expect([enabled.active, enabled.consecutiveFailures, enabled.failingSince]).toEqual([true, 0, null]);
    const failed = await db().webhookDelivery.findFirstOrThrow({
      where: { endpointId: cookEndpointId, status: "FAILED" },
    });
    await redeliverWebhook({ db: db(), actor: admin, deliveryId: failed.id, now: hours(37) });
    await runAt(hours(37));
    expect((await db().webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("DELIVERED");
    expect(cook.state.processed.has(failed.id)).toBe(true);
  });

  it("disables the endpoint after ten deliveries in a row fail all their retries", async () => {
    const admin = await w.as("admin@dupage-sheriff.demo");
    await db().webhookEndpoint.update({ where: { id: dupageEndpointId }, data: { consecutiveFailures: 9 } });
    dupage.state.mode = "fail";
    const ice = await w.as("liaison@ice-ero-chicago.demo");
    await fileOperation({
      db: db(),
      actor: ice,
      input: filing({ title: "Warrant service, county line", ...later }),
      now: hours(40),
    });
    const [d] = await deliveriesOf(dupageEndpointId);
    expect(d.eventType).toBe("notice.received");
    // Its last attempt: the runner says so, and the failure is the tenth delivery lost in a row.
    await db().job.updateMany({ where: { queue: WEBHOOK_QUEUE, status: "PENDING" }, data: { attempts: 11 } });
    await runAt(hours(40));
    const endpoint = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: dupageEndpointId } });
    expect([endpoint.active, endpoint.disabledReason, endpoint.consecutiveFailures]).toEqual([false, "FAILING", 10]);
    expect((await db().webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("FAILED");
    expect(
      await db().mailMessage.count({ where: { template: "webhookDisabled", toAddress: "admin@dupage-sheriff.demo" } }),
    ).toBe(1);
    expect(admin.agencyId).toBe(w.id("dupage-sheriff"));
  });
});

describe("webhook endpoint administration", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
  });
  const input = { url: "https://cad.example.org/hooks", events: ["notice.received", "conflict.found"] };
  const audits = (action: string, targetId?: string) =>
    db().auditEvent.findMany({ where: { action, ...(targetId ? { targetId } : {}) }, orderBy: { seq: "asc" } });

  it("is for the agency's own admins: another agency's admin cannot list, change or redeliver, and non-admins cannot at all (refusals audited)", async () => {
    const cookAdmin = await w.as("admin@cook-sheriff.demo");
    const { endpoint } = await createWebhookEndpoint({ db: db(), actor: cookAdmin, input, now: T0 });
    const other = await w.as("admin@dupage-sheriff.demo");
    expect(await listWebhookEndpoints({ db: db(), actor: other })).toEqual([]);
    await expect(getWebhookEndpoint({ db: db(), actor: other, endpointId: endpoint.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(listWebhookDeliveries({ db: db(), actor: other, endpointId: endpoint.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      setWebhookEndpointActive({ db: db(), actor: other, endpointId: endpoint.id, active: false, now: T0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      rotateWebhookSecret({ db: db(), actor: other, endpointId: endpoint.id, now: T0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      deleteWebhookEndpoint({ db: db(), actor: other, endpointId: endpoint.id, now: T0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).active).toBe(true);
    const denied = await db().auditEvent.findMany({ where: { targetId: endpoint.id, outcome: "DENIED" } });
    expect(denied.map((a) => a.action).sort()).toEqual(["webhook.delete", "webhook.disable", "webhook.rotateSecret"]);

    for (const email of ["liaison@cook-sheriff.demo", "chief@cook-sheriff.demo", "supervisor@cook-sheriff.demo"]) {
      const actor = await w.as(email);
      await expect(listWebhookEndpoints({ db: db(), actor })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createWebhookEndpoint({ db: db(), actor, input, now: T0 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        setWebhookEndpointActive({ db: db(), actor, endpointId: endpoint.id, active: false, now: T0 }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db().auditEvent.count({ where: { action: "webhook.create", outcome: "DENIED" } })).toBe(3);
  });

  it("validates the URL (https, no private addresses in production) and the events, with field errors, and keeps at most five per agency", async () => {
    const admin = await w.as("admin@chicago-pd.demo");
    const issues = async (i: unknown, o: { production?: boolean; resolve?: (h: string) => Promise<string[]> } = {}) => {
      const e = await createWebhookEndpoint({ db: db(), actor: admin, input: i, now: T0, ...o }).catch(
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).issues;
    };
    expect(await issues({ url: "http://cad.example.org/hooks", events: ["notice.received"] })).toEqual([
      { path: "url", message: "webhooks.errors.url.scheme" },
    ]);
    expect(
      await issues({ url: "https://169.254.169.254/latest", events: ["notice.received"] }, { production: true }),
    ).toEqual([{ path: "url", message: "webhooks.errors.url.private" }]);
    expect(
      await issues(
        { url: "https://cad.internal.example/hooks", events: ["notice.received"] },
        { production: true, resolve: async () => ["10.20.30.40"] },
      ),
    ).toEqual([{ path: "url", message: "webhooks.errors.url.private" }]);
    expect(await issues({ url: "", events: [] })).toEqual([
      { path: "url", message: "webhooks.errors.urlRequired" },
      { path: "events", message: "webhooks.errors.eventRequired" },
    ]);
    expect((await issues({ url: "https://cad.example.org/", events: ["operation.filed"] }))[0]).toMatchObject({
      path: "events.0",
      message: "webhooks.errors.eventUnknown",
    });
    expect(await db().webhookEndpoint.count({ where: { agencyId: admin.agencyId } })).toBe(0);

    for (let i = 0; i < 5; i++)
      await createWebhookEndpoint({
        db: db(),
        actor: admin,
        input: { url: `https://cad.example.org/hooks/${i}`, events: ["notice.received"] },
        now: T0,
        production: true,
        resolve: async () => ["93.184.216.34"],
      });
    await expect(createWebhookEndpoint({ db: db(), actor: admin, input, now: T0 })).rejects.toMatchObject({
      message: "webhooks.errors.tooMany",
    });
    expect(await db().webhookEndpoint.count({ where: { agencyId: admin.agencyId } })).toBe(5);
  });

  it("audits every change; the secret is returned once, never stored in the audit trail, and rotation changes it", async () => {
    const admin = await w.as("admin@joliet-pd.demo");
    const { endpoint, secret } = await createWebhookEndpoint({ db: db(), actor: admin, input, now: T0 });
    await setWebhookEndpointActive({ db: db(), actor: admin, endpointId: endpoint.id, active: false, now: T0 });
    await setWebhookEndpointActive({ db: db(), actor: admin, endpointId: endpoint.id, active: true, now: T0 });
    const rotated = await rotateWebhookSecret({ db: db(), actor: admin, endpointId: endpoint.id, now: T0 });
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.endpoint).not.toHaveProperty("secret");
    await deleteWebhookEndpoint({ db: db(), actor: admin, endpointId: endpoint.id, now: T0 });
    expect(await db().webhookEndpoint.findUnique({ where: { id: endpoint.id } })).toBeNull();

    const trail = await db().auditEvent.findMany({ where: { targetId: endpoint.id }, orderBy: { seq: "asc" } });
    expect(trail.map((a) => [a.action, a.outcome, a.actorUserId, a.agencyId])).toEqual(
      ["webhook.create", "webhook.disable", "webhook.enable", "webhook.rotateSecret", "webhook.delete"].map(
        (action) => [action, "SUCCESS", admin.userId, admin.agencyId],
      ),
    );
    const text = JSON.stringify(trail.map((a) => a.details));
    expect(text).not.toContain(secret);
    expect(text).not.toContain(rotated.secret);
    expect((await audits("webhook.create", endpoint.id))[0].details).toMatchObject({
      url: input.url,
      events: input.events,
    });
  });
});
