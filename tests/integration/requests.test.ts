// Federal requests end to end at the domain level: a federal office submits a detainer through
// the portal, the county sheriff's queue shows it with its 48-hour clock and the rule that
// applies, only command decides, a departure needs a justification and is flagged, the
// requester sees the decision (never the local reference), and a request logged by hand from a
// fax. Every step is in the audit trail; escalation fires before the due time and stops on decision.
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { ESCALATION_QUEUE, escalationJobHandler } from "@/lib/jobs/escalation";
import { escalationSubjects } from "@/lib/jobs/escalation-subjects";
import { runDueJobs } from "@/lib/jobs/runner";
import { createPgListener } from "@/lib/realtime/pg-listener";
import { createLiveHub } from "@/lib/realtime/hub";
import type { LiveEvent } from "@/lib/realtime/publish";
import { logRequest, submitRequest } from "@/lib/requests/create-request";
import { decideRequest } from "@/lib/requests/decide-request";
import { editRequest } from "@/lib/requests/edit-request";
import { designateCommand } from "@/lib/requests/command-designations";
import { adoptPreset, createRule } from "@/lib/requests/manage-rules";
import { getRequest, listForOversight, listQueue, listSubmitted } from "@/lib/requests/read-requests";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { seededWorld, T0 } from "./notices-fixtures";

const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);
const detainer = (agencyId: string, extra: Record<string, unknown> = {}) => ({
  agencyId,
  kind: "DETAINER",
  basisDocument: "I247A_DETAINER",
  basisSignedByJudge: false,
  offenceCategory: "CIVIL_IMMIGRATION_ONLY",
  ...extra,
});

describe("federal requests", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  let cook: string;
  let ice: string;

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
    cook = w.id("cook-sheriff");
    ice = w.id("ice-ero-chicago");
    await adoptPreset({ db: db(), actor: await w.as("admin@cook-sheriff.demo"), presetKey: "ilTrustAct", now: T0 });
  });

  it("a portal detainer reaches the sheriff's queue live, with its 48-hour clock and the rule that applies", async () => {
    const listener = createPgListener(t().url);
    const hub = createLiveHub(listener);
    await listener.ready();
    const seen: LiveEvent[] = [];
    const off = hub.subscribe({ agencyId: cook, onEvent: (e) => seen.push(e) });
    try {
      const sent = await submitRequest({
        db: db(),
        actor: await w.as("liaison@ice-ero-chicago.demo"),
        input: detainer(cook),
        now: T0,
      });
      expect(sent.dueAt?.toISOString()).toBe(hours(48).toISOString());
      await expect.poll(() => seen.map((e) => `${e.type}:${e.id}`)).toContain(`request:${sent.id}`);

      const queue = await listQueue({ db: db(), actor: await w.as("supervisor@cook-sheriff.demo") });
      const item = queue.find((q) => q.id === sent.id)!;
      expect(item.channel).toBe("PORTAL");
      expect(item.requesterName).toMatch(/ICE Enforcement and Removal Operations/);
      expect(item.rules.map((r) => [r.title, r.directive])).toEqual([
        ["Detainers are honoured only with a judicial warrant", "DECLINE"],
      ]);
    } finally {
      off();
      await listener.close();
    }
  });

  it("only command decides: a liaison, a supervisor, an auditor and a token cannot; another agency's chief finds nothing", async () => {
    const sent = await submitRequest({
      db: db(),
      actor: await w.as("liaison@ice-ero-chicago.demo"),
      input: detainer(cook),
      now: T0,
    });
    const input = { decision: "DECLINED", reason: "No judicial warrant presented." };
    for (const email of [
      "liaison@cook-sheriff.demo",
      "supervisor@cook-sheriff.demo",
      "auditor@cook-sheriff.demo",
      "admin@cook-sheriff.demo",
    ]) {
      await expect(
        decideRequest({ db: db(), actor: await w.as(email), requestId: sent.id, input, now: T0 }),
        email,
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    const token = {
      ...(await w.as("supervisor@cook-sheriff.demo")),
      kind: "API_TOKEN" as const,
      userId: null,
      roles: ["LIAISON", "SUPERVISOR", "CHIEF"] as never,
    };
    await expect(decideRequest({ db: db(), actor: token, requestId: sent.id, input, now: T0 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      decideRequest({ db: db(), actor: await w.as("chief@will-sheriff.demo"), requestId: sent.id, input, now: T0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getRequest({ db: db(), actor: await w.as("chief@will-sheriff.demo"), requestId: sent.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const denied = await db().auditEvent.findMany({
      where: { action: "request.decide", targetId: sent.id, outcome: "DENIED" },
    });
    expect(denied.length).toBe(6);
    expect((await db().federalRequest.findUniqueOrThrow({ where: { id: sent.id } })).decision).toBeNull();

    // The chief designates the supervisor, who then may decide.
    const supervisor = await w.as("supervisor@cook-sheriff.demo");
    await designateCommand({
      db: db(),
      actor: await w.as("chief@cook-sheriff.demo"),
      input: { userId: supervisor.userId!, designate: true },
      now: T0,
    });
    const rule = (await db().requestRule.findFirstOrThrow({ where: { agencyId: cook, kinds: { has: "DETAINER" } } }))
      .id;
    const decided = await decideRequest({
      db: db(),
      actor: supervisor,
      requestId: sent.id,
      input: { ...input, ruleId: rule },
      now: T0,
    });
    expect(decided.departure).toBe(false);
    await designateCommand({
      db: db(),
      actor: await w.as("chief@cook-sheriff.demo"),
      input: { userId: supervisor.userId!, designate: false },
      now: T0,
    });
  });

  it("the chief declines citing the rule; the federal side sees the decision live and never the local reference", async () => {
    const sent = await submitRequest({
      db: db(),
      actor: await w.as("liaison@ice-ero-chicago.demo"),
      input: detainer(cook),
      now: T0,
    });
    await editRequest({
      db: db(),
      actor: await w.as("liaison@cook-sheriff.demo"),
      requestId: sent.id,
      input: { localReference: "BK-2027-004512" },
      now: T0,
    });
    const listener = createPgListener(t().url);
    const hub = createLiveHub(listener);
    await listener.ready();
    const seen: LiveEvent[] = [];
    const off = hub.subscribe({ agencyId: ice, onEvent: (e) => seen.push(e) });
    try {
      const chief = await w.as("chief@cook-sheriff.demo");
      const detail = await getRequest({ db: db(), actor: chief, requestId: sent.id });
      expect(detail.canDecide).toBe(true);
      expect(detail.directed).toEqual(["DECLINED", "REFERRED_TO_COUNSEL", "NOT_APPLICABLE"]);
      await decideRequest({
        db: db(),
        actor: chief,
        requestId: sent.id,
        input: { decision: "DECLINED", ruleId: detail.rules[0].id, reason: "Detainer without a judicial warrant." },
        now: hours(2),
      });
      await expect.poll(() => seen.map((e) => `${e.type}:${e.id}`)).toContain(`request:${sent.id}`);
    } finally {
      off();
      await listener.close();
    }
    const federal = await w.as("supervisor@ice-ero-chicago.demo");
    const theirs = await getRequest({ db: db(), actor: federal, requestId: sent.id });
    expect(theirs.request.decision).toBe("DECLINED");
    expect(theirs.request.decisionRule?.title).toBe("Detainers are honoured only with a judicial warrant");
    expect(theirs.request.decisionReason).toBe("Detainer without a judicial warrant.");
    expect(JSON.stringify(theirs)).not.toContain("BK-2027-004512");
    expect(JSON.stringify(await listSubmitted({ db: db(), actor: federal }))).not.toContain("BK-2027-004512");
    const ours = await getRequest({ db: db(), actor: await w.as("auditor@cook-sheriff.demo"), requestId: sent.id });
    expect(ours.request.internal?.localReference).toBe("BK-2027-004512");
    const actions = (
      await db().auditEvent.findMany({ where: { targetId: sent.id, outcome: "SUCCESS" }, orderBy: { seq: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["request.submit", "request.edit", "request.decide"]);
    const trail = JSON.stringify(await db().auditEvent.findMany({ where: { targetId: sent.id } }), (_k, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
    expect(trail).not.toContain("BK-2027-004512");
  });

  it("a departure from the rules is refused without a justification, and with one is flagged for the auditor", async () => {
    const chief = await w.as("chief@cook-sheriff.demo");
    const sent = await submitRequest({
      db: db(),
      actor: await w.as("liaison@ice-ero-chicago.demo"),
      input: detainer(cook, { offenceCategory: "VIOLENT_FELONY" }),
      now: T0,
    });
    const input = { decision: "COMPLIED", basis: "Sheriff's discretion", reason: "Held for pickup." };
    const refused = await decideRequest({ db: db(), actor: chief, requestId: sent.id, input, now: T0 }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues.map((i) => i.path)).toEqual(["justification"]);
    expect((await db().federalRequest.findUniqueOrThrow({ where: { id: sent.id } })).decision).toBeNull();

    const ok = await decideRequest({
      db: db(),
      actor: chief,
      requestId: sent.id,
      input: {
        ...input,
        justification: "Imminent threat documented by the watch commander; counsel consulted by phone.",
      },
      now: T0,
    });
    expect(ok.departure).toBe(true);
    const flagged = await listForOversight({
      db: db(),
      actor: await w.as("auditor@cook-sheriff.demo"),
      filter: { status: "all", departure: "true" },
    });
    expect(flagged.map((r) => r.id)).toContain(sent.id);
    expect(flagged.every((r) => r.internal?.departure)).toBe(true);
    expect(flagged.find((r) => r.id === sent.id)?.internal?.departureJustification).toMatch(/Imminent threat/);
    // The auditor sees only its own agency; another agency's auditor sees none of it.
    expect(
      (
        await listForOversight({ db: db(), actor: await w.as("auditor@will-sheriff.demo"), filter: { status: "all" } })
      ).map((r) => r.id),
    ).not.toContain(sent.id);
    await expect(
      listForOversight({ db: db(), actor: await w.as("liaison@cook-sheriff.demo"), filter: { status: "all" } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("an interview needs counsel notified first; complying without it is a departure", async () => {
    const chief = await w.as("chief@cook-sheriff.demo");
    const a = await submitRequest({
      db: db(),
      actor: await w.as("liaison@ice-ero-chicago.demo"),
      input: { ...detainer(cook), kind: "CUSTODIAL_INTERVIEW", basisDocument: "NONE" },
      now: T0,
    });
    await expect(
      decideRequest({
        db: db(),
        actor: chief,
        requestId: a.id,
        input: { decision: "COMPLIED", basis: "Consent", reason: "Interview allowed." },
        now: T0,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    const at = hours(1);
    await decideRequest({
      db: db(),
      actor: chief,
      requestId: a.id,
      input: {
        decision: "COMPLIED",
        basis: "Consent",
        reason: "Interview allowed.",
        counselNotified: true,
        counselNotifiedAt: at.toISOString(),
      },
      now: hours(2),
    });
    const row = await db().federalRequest.findUniqueOrThrow({ where: { id: a.id } });
    expect([row.departure, row.counselNotified, row.counselNotifiedAt?.toISOString()]).toEqual([
      false,
      true,
      at.toISOString(),
    ]);
  });

  it("the same detainer logged by hand from a fax by the sheriff's clerk, ordered in the queue by due time", async () => {
    const clerk = await w.as("liaison@cook-sheriff.demo");
    const soon = await logRequest({
      db: db(),
      actor: clerk,
      input: {
        kind: "CUSTODY_TRANSFER",
        channel: "PHONE",
        requesterAgencyId: ice,
        receivedAt: T0.toISOString(),
        dueAt: hours(6).toISOString(),
        basisDocument: "I205_ADMINISTRATIVE_WARRANT",
        basisSignedByJudge: false,
        offenceCategory: "MISDEMEANOR",
      },
      now: T0,
    });
    const fax = await logRequest({
      db: db(),
      actor: clerk,
      input: {
        kind: "DETAINER",
        channel: "FAX",
        requesterName: "ICE ERO Chicago (fax desk)",
        receivedAt: hours(-1).toISOString(),
        basisDocument: "I247A_DETAINER",
        basisSignedByJudge: "false",
        offenceCategory: "CIVIL_IMMIGRATION_ONLY",
        localReference: "BK-77",
      },
      now: T0,
    });
    expect(fax.dueAt?.toISOString()).toBe(hours(47).toISOString());
    const queue = await listQueue({ db: db(), actor: clerk });
    const order = queue.map((q) => q.id);
    expect(order.indexOf(soon.id)).toBeLessThan(order.indexOf(fax.id));
    const dues = queue.map((q) => q.dueAt?.getTime() ?? Infinity);
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    const item = queue.find((q) => q.id === fax.id)!;
    expect([item.channel, item.requesterName, item.internal?.localReference, item.rules[0]?.directive]).toEqual([
      "FAX",
      "ICE ERO Chicago (fax desk)",
      "BK-77",
      "DECLINE",
    ]);
    // Named in the log but not through the portal: the federal office never sees the fax entry.
    expect(
      (await listSubmitted({ db: db(), actor: await w.as("liaison@ice-ero-chicago.demo") })).map((r) => r.id),
    ).not.toContain(fax.id);
    expect((await db().auditEvent.findFirstOrThrow({ where: { targetId: fax.id } })).action).toBe("request.log");
    // Invalid input is a validation error with field names; a liaison of another agency cannot edit it.
    const bad = await logRequest({
      db: db(),
      actor: clerk,
      input: { kind: "DETAINER", channel: "PORTAL", receivedAt: "nope" },
      now: T0,
    }).catch((e: unknown) => e);
    expect((bad as ValidationError).issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["channel", "receivedAt", "basisDocument", "offenceCategory"]),
    );
    await expect(
      editRequest({
        db: db(),
        actor: await w.as("liaison@will-sheriff.demo"),
        requestId: fax.id,
        input: { localReference: "x" },
        now: T0,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a local agency cannot submit through the portal; a federal office cannot submit to another federal office", async () => {
    await expect(
      submitRequest({ db: db(), actor: await w.as("liaison@will-sheriff.demo"), input: detainer(cook), now: T0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const e = await submitRequest({
      db: db(),
      actor: await w.as("liaison@ice-ero-chicago.demo"),
      input: detainer(w.id("fbi-chicago")),
      now: T0,
    }).catch((x: unknown) => x);
    expect((e as ValidationError).issues[0].path).toBe("agencyId");
  });

  it("escalates as the due time nears undecided, and stops once decided", async () => {
    const handlers = { [ESCALATION_QUEUE]: escalationJobHandler(escalationSubjects) };
    const sent = await submitRequest({
      db: db(),
      actor: await w.as("liaison@ice-ero-chicago.demo"),
      input: detainer(cook),
      now: T0,
    });
    await runDueJobs({ db: db(), now: hours(40), handlers, queues: [ESCALATION_QUEUE] });
    expect(await db().escalationStep.count({ where: { subjectId: sent.id } })).toBe(0);
    await runDueJobs({ db: db(), now: hours(47), handlers, queues: [ESCALATION_QUEUE] });
    const steps = await db().escalationStep.findMany({ where: { subjectId: sent.id } });
    expect(steps.map((s) => [s.subjectType, s.level, s.recipientAgencyId, s.originAgencyId])).toEqual([
      ["FEDERAL_REQUEST", "BACKUP", cook, ice],
    ]);
    await decideRequest({
      db: db(),
      actor: await w.as("chief@cook-sheriff.demo"),
      requestId: sent.id,
      input: { decision: "DECLINED", basis: "5 ILCS 805/15", reason: "No judicial warrant." },
      now: hours(47),
    });
    await runDueJobs({ db: db(), now: hours(49), handlers, queues: [ESCALATION_QUEUE] });
    expect(await db().escalationStep.count({ where: { subjectId: sent.id } })).toBe(1);
  });

  it("admins keep the rules; no one else may", async () => {
    const input = {
      title: "No courthouse assistance",
      kinds: ["COURTHOUSE_ASSISTANCE"],
      condition: "ALWAYS",
      directive: "DECLINE",
      source: "ORDINANCE",
      citation: "Cook County Ord. 11-O-73",
    };
    await expect(
      createRule({ db: db(), actor: await w.as("chief@cook-sheriff.demo"), input, now: T0 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const { id } = await createRule({ db: db(), actor: await w.as("admin@cook-sheriff.demo"), input, now: T0 });
    expect((await db().requestRule.findUniqueOrThrow({ where: { id } })).agencyId).toBe(cook);
  });
});
