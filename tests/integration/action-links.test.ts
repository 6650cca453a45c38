// One-time links in emails against a real database: taken from the queued email's text, a link
// acknowledges only its own notice, as its own addressed person, once (two concurrent uses: one
// wins), only before it expires; forged, altered, reused and expired links are refused and
// audited (at a bounded rate); opening a link never acts. Conflict and escalation emails carry
// links that act through the same domain functions.
import { beforeAll, describe, expect, it } from "vitest";
import { actThroughLink, allowLinkRequest, previewActionLink } from "@/lib/action-links/use-link";
import { generateLinkToken } from "@/lib/action-links/token";
import { ESCALATION_QUEUE, escalationJobHandler } from "@/lib/jobs/escalation";
import { escalationSubjects } from "@/lib/jobs/escalation-subjects";
import { runDueJobs } from "@/lib/jobs/runner";
import { fileOperation } from "@/lib/operations/file-operation";
import { updateOperation } from "@/lib/operations/update-operation";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { at, filing, JUST_OUTSIDE_DUPAGE, LOOP, minutes, seededWorld, T0 } from "./notices-fixtures";

const LABELS = {
  ack: "Acknowledge this notice",
  ackConflict: "Acknowledge the conflict for your agency",
  call: "Ask the other agency to call you",
} as const;

/** The token after each English label in an email's text (the Spanish section repeats the same links). */
function linksIn(text: string): Partial<Record<keyof typeof LABELS, string>> {
  const found: Partial<Record<keyof typeof LABELS, string>> = {};
  for (const [key, label] of Object.entries(LABELS) as [keyof typeof LABELS, string][]) {
    const m = new RegExp(`${label}:\\n\\S+/act/([A-Za-z0-9_-]+)`).exec(text);
    if (m) found[key] = m[1];
  }
  return found;
}

let ipSeq = 0;
const ctx = () => ({ requestId: `req-${++ipSeq}`, sourceIp: `203.0.113.${ipSeq % 250}` });

describe("action links in emails", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
  });

  const ice = () => w.as("liaison@ice-ero-chicago.demo");
  const noticeTo = (operationId: string, slug: string) =>
    db().notice.findFirstOrThrow({ where: { operationId, recipientAgencyId: w.id(slug), supersededAt: null } });
  const mailTo = (address: string, subjectId: string, template?: string) =>
    db().mailMessage.findFirstOrThrow({
      where: { toAddress: address, subjectId, ...(template ? { template } : {}) },
      orderBy: { createdAt: "desc" },
    });
  const act = (token: string, now: Date, context = ctx()) => actThroughLink({ db: db(), token, now, context });

  async function filedNotice(overrides: Record<string, unknown> = {}) {
    const { operation } = await fileOperation({
      db: db(),
      actor: await ice(),
      input: filing({ area: LOOP, ...overrides }),
      now: T0,
    });
    const notice = await noticeTo(operation.id, "cook-sheriff");
    const chief = linksIn((await mailTo("chief@cook-sheriff.demo", notice.id)).text);
    const liaison = linksIn((await mailTo("liaison@cook-sheriff.demo", notice.id)).text);
    return { operation, notice, chief, liaison };
  }

  it("puts an acknowledge and a call link in each notice email to a person, none in the watch desk's", async () => {
    const { notice, chief, liaison } = await filedNotice();
    expect(chief.ack).toBeDefined();
    expect(chief.call).toBeDefined();
    expect(liaison.ack).toBeDefined();
    expect(liaison.ack).not.toBe(chief.ack);
    const mail = await mailTo("chief@cook-sheriff.demo", notice.id);
    // Both language sections offer them, with the expiry in the agency's zone.
    expect(mail.text).toContain("Confirmar la recepción de este aviso:");
    expect(mail.text).toMatch(/Each link works once, until .*(CST|CDT), and acts in your name/);
    const desk = await db().agency.findUniqueOrThrow({ where: { id: w.id("cook-sheriff") }, select: { email: true } });
    expect(linksIn((await mailTo(desk.email!, notice.id)).text)).toEqual({});
    // Only the hash is stored.
    const rows = await db().actionLink.findMany({ where: { subjectId: notice.id } });
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.some((r) => r.tokenHash === chief.ack)).toBe(false);
  });

  it("opening a link shows what it will do and for whom, and acts on nothing", async () => {
    const { notice, chief } = await filedNotice();
    for (let i = 0; i < 3; i++) {
      const state = await previewActionLink({ db: db(), token: chief.ack!, now: minutes(5), context: ctx() });
      expect(state.refusal).toBeNull();
      expect(state.person?.name).toBe("Rosa Martinez");
      expect(state.summary).toMatchObject({
        type: "NOTICE",
        fromAgency: expect.stringContaining("ICE"),
        title: "Warrant service, west suburbs",
      });
    }
    const after = await db().notice.findUniqueOrThrow({ where: { id: notice.id } });
    expect(after.acknowledgedAt).toBeNull();
    expect((await db().actionLink.findMany({ where: { subjectId: notice.id, usedAt: { not: null } } })).length).toBe(0);
    expect(await db().noticeMessage.count({ where: { noticeId: notice.id } })).toBe(0);
  });

  it("acknowledges exactly once when four confirmations race, as the addressed person, and audits it", async () => {
    const { notice, chief } = await filedNotice();
    const now = minutes(10);
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => act(chief.ack!, now)));
    expect(outcomes.filter((o) => o.status === "DONE")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "REFUSED").map((o) => o.state.refusal)).toEqual([
      "USED",
      "USED",
      "USED",
    ]);

    const after = await db().notice.findUniqueOrThrow({ where: { id: notice.id } });
    const rosa = await db().user.findUniqueOrThrow({ where: { email: "chief@cook-sheriff.demo" } });
    expect([after.acknowledgedAt?.getTime(), after.acknowledgedById, after.acknowledgedByName]).toEqual([
      now.getTime(),
      rosa.id,
      "Rosa Martinez",
    ]);
    const thread = await db().noticeMessage.findMany({ where: { noticeId: notice.id } });
    expect(thread.map((m) => [m.kind, m.authorName])).toEqual([["ACKNOWLEDGED", "Rosa Martinez"]]);
    // Escalation stopped, as for a signed-in acknowledgment.
    const pending = await db().job.count({
      where: { queue: ESCALATION_QUEUE, dedupeKey: { startsWith: `esc:NOTICE:${notice.id}:` }, status: "PENDING" },
    });
    expect(pending).toBe(0);

    const events = await db().auditEvent.findMany({
      where: { targetId: notice.id, action: { in: ["notice.acknowledge", "actionLink.use"] } },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorUserId, e.outcome])).toEqual([
      ["notice.acknowledge", rosa.id, "SUCCESS"],
      ["actionLink.use", rosa.id, "SUCCESS"],
    ]);
    expect(events[1].details).toMatchObject({
      via: "EMAIL_LINK",
      linkAction: "ACKNOWLEDGE",
      userName: "Rosa Martinez",
    });

    // Reused later: refused, and the refusal is in the trail.
    const again = await act(chief.ack!, minutes(20));
    expect([again.status, again.state.refusal]).toEqual(["REFUSED", "USED"]);
    const refusals = await db().auditEvent.findMany({
      where: { action: "actionLink.refuse", agencyId: w.id("cook-sheriff") },
    });
    expect(refusals.some((e) => (e.details as { reason?: string }).reason === "USED" && e.outcome === "DENIED")).toBe(
      true,
    );
  });

  it("acts only on its own notice and as its own person", async () => {
    const first = await filedNotice({ title: "First operation" });
    const second = await filedNotice({ title: "Second operation" });
    // The liaison's link acknowledges as the liaison, and only the notice it was sent for.
    const done = await act(first.liaison.ack!, minutes(15));
    expect(done.status).toBe("DONE");
    const [a, b] = await Promise.all(
      [first.notice, second.notice].map((n) => db().notice.findUniqueOrThrow({ where: { id: n.id } })),
    );
    expect(a.acknowledgedByName).toBe("Maria Kowalski");
    expect(b.acknowledgedAt).toBeNull();
    // The chief's own link for the first notice now finds it acknowledged by someone else: it does nothing.
    const late = await act(first.chief.ack!, minutes(16));
    expect([late.status, late.state.refusal, late.state.acknowledged?.name]).toEqual([
      "REFUSED",
      "ALREADY_ACKNOWLEDGED",
      "Maria Kowalski",
    ]);
    expect((await db().notice.findUniqueOrThrow({ where: { id: first.notice.id } })).acknowledgedByName).toBe(
      "Maria Kowalski",
    );
    // DuPage's notice of the same operation is untouched by Cook's links.
    const dupage = await db().notice.findMany({
      where: { operationId: first.operation.id, recipientAgencyId: w.id("dupage-sheriff") },
    });
    expect(dupage.every((n) => n.acknowledgedAt === null)).toBe(true);
  });

  it("works until it expires (72 h, or the operation's end if sooner) and not after", async () => {
    const shortOp = await filedNotice();
    const link = await db().actionLink.findFirstOrThrow({
      where: {
        subjectId: shortOp.notice.id,
        action: "ACKNOWLEDGE",
        userId: (await db().user.findUniqueOrThrow({ where: { email: "chief@cook-sheriff.demo" } })).id,
      },
    });
    expect(link.expiresAt.getTime()).toBe(at(34).getTime()); // the operation ends 34 h after filing
    const longOp = await filedNotice({ startsAt: at(30).toISOString(), endsAt: at(200).toISOString() });
    const longLink = await db().actionLink.findFirstOrThrow({
      where: { subjectId: longOp.notice.id, action: "ACKNOWLEDGE" },
    });
    expect(longLink.expiresAt.getTime()).toBe(at(72).getTime());

    const expired = await act(longOp.chief.ack!, at(72));
    expect([expired.status, expired.state.refusal]).toEqual(["REFUSED", "EXPIRED"]);
    expect((await db().notice.findUniqueOrThrow({ where: { id: longOp.notice.id } })).acknowledgedAt).toBeNull();
    const justInTime = await act(longOp.chief.ack!, new Date(at(72).getTime() - 1));
    expect(justInTime.status).toBe("DONE");
  });

  it("refuses forged and altered links without acting, and audits refusals at a bounded rate", async () => {
    const { notice, chief } = await filedNotice();
    const token = chief.ack!;
    const flip = (c: string) => (c === "A" ? "B" : "A");
    const altered = [
      token.slice(0, 5) + flip(token[5]) + token.slice(6), // the random part
      token.slice(0, -1) + flip(token.slice(-1)), // the MAC
      token.slice(0, -1), // cut short
      `${token}x`,
      generateLinkToken().token, // well-formed and signed, but never issued
      "x".repeat(10_000),
      "../../notices",
    ];
    const context = { requestId: "forgery", sourceIp: "198.51.100.99" };
    for (const bad of altered) {
      const outcome = await act(bad, minutes(5), context);
      expect([outcome.status, outcome.state.refusal], bad.slice(0, 20)).toEqual(["REFUSED", "INVALID"]);
    }
    for (let i = 0; i < 10; i++) await act(`forged-${i}`, minutes(5), context);
    expect((await db().notice.findUniqueOrThrow({ where: { id: notice.id } })).acknowledgedAt).toBeNull();
    const audited = await db().auditEvent.count({ where: { action: "actionLink.refuse", sourceIp: "198.51.100.99" } });
    expect(audited).toBe(10); // 17 refusals from one address; the first ten are recorded
    // The genuine link still works.
    expect((await act(token, minutes(6))).status).toBe("DONE");
  });

  it("asks for a call in the notice's thread, as the person, telling the sender", async () => {
    const { notice, chief } = await filedNotice();
    const outcome = await act(chief.call!, minutes(7));
    expect(outcome.status).toBe("DONE");
    const thread = await db().noticeMessage.findMany({ where: { noticeId: notice.id } });
    expect(thread.map((m) => [m.kind, m.authorName])).toEqual([["CALL_ME", "Rosa Martinez"]]);
    expect((await db().notice.findUniqueOrThrow({ where: { id: notice.id } })).acknowledgedAt).toBeNull();
    expect(
      await db().mailMessage.count({
        where: { subjectId: notice.id, template: "reply", toAddress: "liaison@ice-ero-chicago.demo" },
      }),
    ).toBe(1);
  });

  it("refuses, plainly, a link whose notice was replaced or whose person was deactivated", async () => {
    const { operation, notice, chief } = await filedNotice();
    await updateOperation({
      db: db(),
      actor: await ice(),
      operationId: operation.id,
      input: { version: operation.version, startsAt: at(31).toISOString(), endsAt: at(35).toISOString() },
      now: minutes(20),
    });
    expect((await db().notice.findUniqueOrThrow({ where: { id: notice.id } })).supersededAt).not.toBeNull();
    const state = await previewActionLink({ db: db(), token: chief.ack!, now: minutes(21), context: ctx() });
    expect(state.refusal).toBe("SUPERSEDED");
    expect((await act(chief.ack!, minutes(21))).state.refusal).toBe("SUPERSEDED");

    const fresh = await filedNotice();
    await db().user.update({
      where: { email: "liaison@cook-sheriff.demo" },
      data: { active: false, deactivatedAt: minutes(1) },
    });
    try {
      const outcome = await act(fresh.liaison.ack!, minutes(2));
      expect([outcome.status, outcome.state.refusal]).toEqual(["REFUSED", "ACCOUNT_INACTIVE"]);
      expect((await db().notice.findUniqueOrThrow({ where: { id: fresh.notice.id } })).acknowledgedAt).toBeNull();
    } finally {
      await db().user.update({
        where: { email: "liaison@cook-sheriff.demo" },
        data: { active: true, deactivatedAt: null },
      });
    }
  });

  it("acknowledges a conflict for the agency from the conflict email", async () => {
    // Cook's own operation in Kane County, then ICE's on the same spot: Cook is told of the conflict only.
    const cookLiaison = await w.as("liaison@cook-sheriff.demo");
    await fileOperation({
      db: db(),
      actor: cookLiaison,
      input: filing({ area: JUST_OUTSIDE_DUPAGE, title: "Cook transport detail" }),
      now: T0,
    });
    const { operation, conflicts } = await fileOperation({
      db: db(),
      actor: await ice(),
      input: filing({ area: JUST_OUTSIDE_DUPAGE, title: "Kane warrant" }),
      now: T0,
    });
    const conflictNotice = await noticeTo(operation.id, "cook-sheriff");
    expect(conflictNotice.kind).toBe("CONFLICT");
    const links = linksIn((await mailTo("chief@cook-sheriff.demo", conflictNotice.id)).text);
    expect(links.ackConflict).toBeDefined();
    const outcome = await act(links.ackConflict!, minutes(3));
    expect(outcome.status).toBe("DONE");
    const conflict = await db().conflict.findUniqueOrThrow({ where: { id: conflicts[0].id } });
    const rosa = await db().user.findUniqueOrThrow({ where: { email: "chief@cook-sheriff.demo" } });
    const cookSide =
      conflict.agencyAId === w.id("cook-sheriff")
        ? [conflict.ackAAt, conflict.ackAById]
        : [conflict.ackBAt, conflict.ackBById];
    expect(cookSide).toEqual([minutes(3), rosa.id]);
    expect(
      await db().auditEvent.count({
        where: { action: "conflict.acknowledge", targetId: conflict.id, actorUserId: rosa.id },
      }),
    ).toBe(1);
  });

  it("acknowledges a notice from the escalation email sent to the chief", async () => {
    const { notice } = await filedNotice();
    // Only this notice's timer to Cook runs: the other filings' steps are not what is tested here.
    await db().job.updateMany({
      where: {
        queue: ESCALATION_QUEUE,
        status: "PENDING",
        NOT: { dedupeKey: { startsWith: `esc:NOTICE:${notice.id}:${w.id("cook-sheriff")}:` } },
      },
      data: { status: "CANCELLED" },
    });
    const handlers = { [ESCALATION_QUEUE]: escalationJobHandler(escalationSubjects) };
    for (const m of [30, 60]) await runDueJobs({ db: db(), now: minutes(m), handlers, queues: [ESCALATION_QUEUE] });
    const escalation = await mailTo("chief@cook-sheriff.demo", notice.id, "escalation");
    const token = linksIn(escalation.text).ack;
    expect(token).toBeDefined();
    expect((await act(token!, minutes(61))).status).toBe("DONE");
    expect((await db().notice.findUniqueOrThrow({ where: { id: notice.id } })).acknowledgedByName).toBe(
      "Rosa Martinez",
    );
  });

  it("limits the /act pages per client address, not for everyone", async () => {
    const results: boolean[] = [];
    for (let i = 0; i < 31; i++) results.push(await allowLinkRequest(db(), "192.0.2.44"));
    expect(results.filter(Boolean)).toHaveLength(30);
    expect(results[30]).toBe(false);
    expect(await allowLinkRequest(db(), "192.0.2.45")).toBe(true);
  });
});
