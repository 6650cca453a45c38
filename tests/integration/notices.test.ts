// Notices against the seeded demo world in a real database: who is notified (real county
// boundaries), what they are told, exigent filing, acknowledgment, replies, updates,
// cancellations, assistance requests, and that only the two agencies of a notice can reach it.
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { areaBBox } from "@/lib/deconfliction/bbox";
import type { AreaGeometry } from "@/lib/deconfliction/types";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { acknowledgeNotice } from "@/lib/notices/acknowledge-notice";
import { decideAssistance, requestAssistance } from "@/lib/notices/assistance";
import { noticeContent } from "@/lib/notices/content";
import { getNoticeView, markNoticeRead } from "@/lib/notices/notice-view";
import { listInbox, listSent } from "@/lib/notices/list-notices";
import { replyToNotice } from "@/lib/notices/reply-to-notice";
import { fileOperation } from "@/lib/operations/file-operation";
import { transitionOperation } from "@/lib/operations/transition-operation";
import { updateOperation } from "@/lib/operations/update-operation";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import {
  at,
  BROADVIEW,
  COOK_DUPAGE_LINE,
  filing,
  JUST_OUTSIDE_DUPAGE,
  LOOP,
  seededWorld,
  T0,
} from "./notices-fixtures";

describe("notices", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
  });

  const ice = () => w.as("liaison@ice-ero-chicago.demo");
  const noticesOf = (operationId: string) =>
    db().notice.findMany({ where: { operationId }, orderBy: { sentAt: "asc" } });
  const recipientsOf = async (operationId: string) =>
    new Set(
      (await db().notice.findMany({ where: { operationId, supersededAt: null } })).map((n) => n.recipientAgencyId),
    );

  describe("routing against the seeded county boundaries", () => {
    it("notifies both sheriffs when an operation straddles the Cook–DuPage line, and never the filer", async () => {
      const { operation } = await fileOperation({ db: db(), actor: await ice(), input: filing(), now: T0 });
      const to = await recipientsOf(operation.id);
      expect(to.has(w.id("cook-sheriff"))).toBe(true);
      expect(to.has(w.id("dupage-sheriff"))).toBe(true);
      expect(to.has(w.id("illinois-state-police"))).toBe(true); // the state is a host everywhere in Illinois
      expect(to.has(w.id("chicago-pd"))).toBe(false);
      expect(to.has(w.id("kane-sheriff"))).toBe(false);
      expect(to.has(w.id("ice-ero-chicago"))).toBe(false);
      const notices = await noticesOf(operation.id);
      expect(notices.every((n) => n.kind === "ADVANCE" && n.reasons.includes("HOST") && !n.late)).toBe(true);
      const cook = notices.find((n) => n.recipientAgencyId === w.id("cook-sheriff"))!;
      expect([cook.leadMinutes, cook.requiredLeadHours]).toEqual([30 * 60, 24]);
    });

    it("notifies neither sheriff when the operation lies just outside both counties", async () => {
      const { operation } = await fileOperation({
        db: db(),
        actor: await ice(),
        input: filing({ area: JUST_OUTSIDE_DUPAGE }),
        now: T0,
      });
      const to = await recipientsOf(operation.id);
      expect(to.has(w.id("cook-sheriff"))).toBe(false);
      expect(to.has(w.id("dupage-sheriff"))).toBe(false);
      expect(to.has(w.id("kane-sheriff"))).toBe(true);
    });

    it("works local→federal: a sheriff's operation beside a federal facility notifies that federal office", async () => {
      const cookLiaison = await w.as("liaison@cook-sheriff.demo");
      const { operation } = await fileOperation({
        db: db(),
        actor: cookLiaison,
        input: filing({ area: BROADVIEW, title: "Crowd event policing, Broadview" }),
        now: T0,
      });
      const to = await recipientsOf(operation.id);
      expect(to.has(w.id("ice-ero-chicago"))).toBe(true);
      expect(to.has(w.id("cook-sheriff"))).toBe(false);
      expect(to.has(w.id("hsi-chicago"))).toBe(false); // no boundary, no conflict: not a host
      const inbox = (await listInbox({ db: db(), actor: await ice() })).items;
      const mine = inbox.find((n) => n.operationId === operation.id)!;
      expect([mine.kind, mine.senderAgencyName, mine.title]).toEqual([
        "ADVANCE",
        "Cook County Sheriff's Office",
        "Crowd event policing, Broadview",
      ]);
    });

    it("finds a host whose boundary crosses the antimeridian from either side of it", async () => {
      // A boundary around the 180° meridian (the Rat Islands, Alaska), given to an agency for this test.
      const boundary = {
        type: "MultiPolygon",
        coordinates: [
          [
            [
              [179.2, 51.2],
              [-178.8, 51.2],
              [-178.8, 52.2],
              [179.2, 52.2],
              [179.2, 51.2],
            ],
          ],
        ],
      };
      const bbox = areaBBox({ kind: "POLYGON", geometry: boundary as AreaGeometry });
      expect(bbox.maxLon).toBeGreaterThan(180); // stored as one box running past ±180°
      const host = w.id("kane-sheriff");
      const before = await db().agency.findUniqueOrThrow({
        where: { id: host },
        select: { boundary: true, bboxMinLon: true, bboxMinLat: true, bboxMaxLon: true, bboxMaxLat: true },
      });
      await db().agency.update({
        where: { id: host },
        data: {
          boundary,
          bboxMinLon: bbox.minLon,
          bboxMinLat: bbox.minLat,
          bboxMaxLon: bbox.maxLon,
          bboxMaxLat: bbox.maxLat,
        },
      });
      const at180 = (lon: number) => ({ kind: "CIRCLE", center: [lon, 51.7], radiusM: 500 });
      for (const lon of [179.6, -179.6]) {
        const { operation } = await fileOperation({
          db: db(),
          actor: await ice(),
          input: filing({ area: at180(lon) }),
          now: T0,
        });
        expect((await recipientsOf(operation.id)).has(host), `operation at ${lon}°`).toBe(true);
      }
      const { operation: far } = await fileOperation({
        db: db(),
        actor: await ice(),
        input: filing({ area: at180(-177) }),
        now: T0,
      });
      expect((await recipientsOf(far.id)).has(host)).toBe(false);
      await db().agency.update({ where: { id: host }, data: { ...before, boundary: before.boundary ?? undefined } });
    });

    it("adds the agencies the filer chooses, and refuses unknown ones", async () => {
      const sao = w.id("cook-county-sao");
      const { operation } = await fileOperation({
        db: db(),
        actor: await ice(),
        input: filing({ area: LOOP, addedAgencyIds: [sao, w.id("ice-ero-chicago")] }),
        now: T0,
      });
      const notices = await noticesOf(operation.id);
      expect(notices.find((n) => n.recipientAgencyId === sao)?.reasons).toEqual(["ADDED"]);
      expect(notices.some((n) => n.recipientAgencyId === w.id("ice-ero-chicago"))).toBe(false);
      const before = await db().operation.count();
      await expect(
        fileOperation({
          db: db(),
          actor: await ice(),
          input: filing({ addedAgencyIds: ["6f1c2a4e-1111-4222-8333-944455556666"] }),
          now: T0,
        }),
      ).rejects.toBeInstanceOf(ValidationError);
      expect(await db().operation.count()).toBe(before);
    });
  });

  describe("what a notice says", () => {
    it("carries the operation, community impact, PIO and the statement in both languages, and never the internal notes", async () => {
      const { operation } = await fileOperation({ db: db(), actor: await ice(), input: filing(), now: T0 });
      const cook = (await noticesOf(operation.id)).find((n) => n.recipientAgencyId === w.id("cook-sheriff"))!;
      const c = noticeContent(cook.content);
      expect(c.scope).toBe("FULL");
      expect(c.operation?.title).toBe("Warrant service, west suburbs");
      expect(c.contact).toEqual({
        leadAgencyName: "Lead agency",
        commanderName: "SSA Holly Kwan",
        commanderPhone: "+1 312 555 0140",
      });
      expect(c.impact?.roadClosures).toBe("Brief closure of 22nd Street eastbound");
      expect(c.pio).toEqual({ name: "PIO Dana Ortiz", phone: "+1 312 555 0177", email: "pio@example.gov" });
      expect(c.publicStatement?.es).toContain("operativo policial");
      expect(c.area).toEqual({ precision: "EXACT", area: COOK_DUPAGE_LINE });
      expect(JSON.stringify(cook.content)).not.toContain("Internal staging notes");
    });

    it("says when no public statement is authorised", async () => {
      const { operation } = await fileOperation({
        db: db(),
        actor: await ice(),
        input: filing({ publicStatementMode: "NONE" }),
        now: T0,
      });
      const [n] = await noticesOf(operation.id);
      expect(noticeContent(n.content).publicStatement).toBeNull();
      await expect(
        fileOperation({ db: db(), actor: await ice(), input: filing({ publicStatementEs: "" }), now: T0 }),
      ).rejects.toBeInstanceOf(ZodError);
    });

    it("sends a generalised area that holds no exact coordinate of the operation", async () => {
      const exact = { kind: "CIRCLE", center: [-87.92137, 41.85268], radiusM: 350 };
      const { operation } = await fileOperation({
        db: db(),
        actor: await ice(),
        input: filing({ area: exact, areaPrecision: "GENERALIZED" }),
        now: T0,
      });
      for (const n of await noticesOf(operation.id)) {
        const c = noticeContent(n.content);
        expect(c.area?.precision).toBe("GENERALIZED");
        expect(c.area?.area).toMatchObject({ kind: "CIRCLE", center: [-87.92, 41.85] });
        const text = JSON.stringify(n.content);
        expect(text).not.toContain("87.92137");
        expect(text).not.toContain("41.85268");
      }
      const mail = await db().mailMessage.findMany({
        where: { subjectId: { in: (await noticesOf(operation.id)).map((n) => n.id) } },
      });
      expect(mail.length).toBeGreaterThan(0);
      for (const m of mail) expect(m.text).not.toContain("87.921");
    });

    it("tells an agency notified only because of a conflict what need-to-know allows, nothing more", async () => {
      const fbi = await w.as("liaison@fbi-chicago.demo");
      const hsi = await w.as("liaison@hsi-chicago.demo");
      // Neither federal office has a boundary: they meet only through the conflict.
      const place = { kind: "CIRCLE", center: [-87.7015, 41.9502], radiusM: 300 };
      const window = { startsAt: at(100).toISOString(), endsAt: at(104).toISOString() };
      await fileOperation({
        db: db(),
        actor: hsi,
        input: filing({ area: place, ...window, title: "HSI surveillance, Albany Park" }),
        now: T0,
      });
      const { operation, conflicts } = await fileOperation({
        db: db(),
        actor: fbi,
        input: filing({ area: place, ...window, title: "FBI arrest, Albany Park" }),
        now: T0,
      });
      expect(conflicts).toHaveLength(1);
      const toHsi = (await noticesOf(operation.id)).find((n) => n.recipientAgencyId === w.id("hsi-chicago"))!;
      expect([toHsi.kind, toHsi.reasons]).toEqual(["CONFLICT", ["CONFLICT"]]);
      const c = noticeContent(toHsi.content);
      expect([c.scope, c.operation, c.area, c.publicStatement]).toEqual(["CONFLICT", null, null, null]);
      expect(c.contact.commanderPhone).toBe("+1 312 555 0140");
      expect(c.conflicts[0].overlapStart).not.toBeNull();
      expect(JSON.stringify(toHsi.content)).not.toContain("FBI arrest");
      expect(JSON.stringify(toHsi.content)).not.toContain("41.9502");
      // Both sides of the new conflict have an escalation timer.
      const timers = await db().job.findMany({
        where: { dedupeKey: { startsWith: `esc:CONFLICT:${conflicts[0].id}:` } },
      });
      expect(timers).toHaveLength(2);
    });
  });

  describe("exigent filing", () => {
    it("refuses a filing inside a host's lead time without a reason and a commander's sign-off, storing nothing", async () => {
      const before = await db().operation.count();
      const error = await fileOperation({
        db: db(),
        actor: await ice(),
        input: filing({ startsAt: at(2).toISOString(), endsAt: at(5).toISOString() }),
        now: T0,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      const v = error as ValidationError;
      expect(v.message).toBe("notices.errors.exigentRequired");
      expect(v.issues.map((i) => i.path)).toEqual(["exigentReason", "exigentSignOff", "exigentConfirmed"]);
      expect(await db().operation.count()).toBe(before);
    });

    it("with them, sends the after-the-fact notice at once and keeps the record exigent", async () => {
      const input = filing({
        startsAt: at(-1).toISOString(),
        endsAt: at(2).toISOString(),
        exigentReason: "HOT_PURSUIT",
        exigentSignOff: "ASAC Robert Chen",
        exigentConfirmed: true,
      });
      const { operation } = await fileOperation({ db: db(), actor: await ice(), input, now: T0 });
      const row = await db().operation.findUniqueOrThrow({ where: { id: operation.id } });
      expect([row.exigent, row.exigentReason, row.exigentSignOff, row.exigentSignedOffAt?.toISOString()]).toEqual([
        true,
        "HOT_PURSUIT",
        "ASAC Robert Chen",
        T0.toISOString(),
      ]);
      const notices = await noticesOf(operation.id);
      expect(notices.length).toBeGreaterThanOrEqual(2);
      for (const n of notices)
        expect([n.kind, n.exigent, n.late, n.leadMinutes]).toEqual(["EXIGENT_AFTER_ACTION", true, true, -60]);
      expect(noticeContent(notices[0].content).exigent?.reason).toBe("HOT_PURSUIT");
      const mail = await db().mailMessage.findFirstOrThrow({ where: { subjectId: notices[0].id } });
      expect(mail.subject).toContain("After-the-fact notice (exigent)");
    });

    it("asks for the text when the reason is 'other'", async () => {
      const input = filing({
        startsAt: at(1).toISOString(),
        endsAt: at(2).toISOString(),
        exigentReason: "OTHER",
        exigentSignOff: "ASAC Robert Chen",
        exigentConfirmed: "on",
      });
      const error = (await fileOperation({ db: db(), actor: await ice(), input, now: T0 }).catch(
        (e: unknown) => e,
      )) as ValidationError;
      expect(error.issues.map((i) => i.path)).toEqual(["exigentText"]);
    });
  });

  describe("acknowledging, replying and the sent view", () => {
    it("acknowledgment stops escalation and shows in the sent view; replies reach the other side by email", async () => {
      const liaison = await ice();
      const { operation } = await fileOperation({ db: db(), actor: liaison, input: filing(), now: T0 });
      const cookNotice = (await noticesOf(operation.id)).find((n) => n.recipientAgencyId === w.id("cook-sheriff"))!;
      const chief = await w.as("chief@cook-sheriff.demo");

      const inbox = (await listInbox({ db: db(), actor: chief })).items;
      expect(inbox.find((n) => n.id === cookNotice.id)?.readAt).toBeNull();
      expect(await markNoticeRead({ db: db(), actor: chief, noticeId: cookNotice.id, now: at(0.1) })).toBe(true);
      expect(await markNoticeRead({ db: db(), actor: chief, noticeId: cookNotice.id, now: at(0.2) })).toBe(false);

      await acknowledgeNotice({ db: db(), actor: chief, noticeId: cookNotice.id, now: at(0.25) });
      const timers = await db().job.findMany({ where: { dedupeKey: { startsWith: `esc:NOTICE:${cookNotice.id}:` } } });
      expect(timers.map((j) => j.status)).toEqual(["CANCELLED"]);
      await replyToNotice({
        db: db(),
        actor: chief,
        noticeId: cookNotice.id,
        input: { kind: "CALL_ME", body: "Desk sergeant on 0100." },
        now: at(0.3),
      });
      await replyToNotice({
        db: db(),
        actor: liaison,
        noticeId: cookNotice.id,
        input: { kind: "TEXT", body: "Calling now." },
        now: at(0.4),
      });

      const view = await getNoticeView({ db: db(), actor: liaison, noticeId: cookNotice.id });
      expect(view.side).toBe("SENDER");
      expect(view.thread.map((m) => [m.kind, m.side])).toEqual([
        ["ACKNOWLEDGED", "RECIPIENT"],
        ["CALL_ME", "RECIPIENT"],
        ["TEXT", "SENDER"],
      ]);
      expect(view.acknowledgedByName).toBe(chief.name);
      const replyMail = await db().mailMessage.findMany({ where: { subjectId: cookNotice.id, template: "reply" } });
      expect(replyMail.some((m) => m.toAddress === "liaison@ice-ero-chicago.demo")).toBe(true); // the filer
      expect(replyMail.some((m) => m.toAddress === "chief@cook-sheriff.demo")).toBe(true);

      const sent = (await listSent({ db: db(), actor: liaison })).operations.find(
        (g) => g.operationId === operation.id,
      )!;
      const byAgency = new Map(sent.recipients.map((r) => [r.recipientAgencyName, r.acknowledgedAt !== null]));
      expect(byAgency.get("Cook County Sheriff's Office")).toBe(true);
      expect(byAgency.get("DuPage County Sheriff's Office")).toBe(false);
      await expect(
        replyToNotice({
          db: db(),
          actor: chief,
          noticeId: cookNotice.id,
          input: { kind: "TEXT", body: "  " },
          now: at(1),
        }),
      ).rejects.toBeInstanceOf(ZodError);
    });

    it("an edit sends an update that supersedes the notice; moving away still tells the agency it left", async () => {
      const liaison = await ice();
      const { operation } = await fileOperation({ db: db(), actor: liaison, input: filing(), now: T0 });
      const cookFirst = (await noticesOf(operation.id)).find((n) => n.recipientAgencyId === w.id("cook-sheriff"))!;
      await acknowledgeNotice({
        db: db(),
        actor: await w.as("chief@cook-sheriff.demo"),
        noticeId: cookFirst.id,
        now: at(0.5),
      });

      // Moved west into DuPage alone: Cook learns of the move too.
      const moved = { kind: "CIRCLE", center: [-88.0, 41.85], radiusM: 500 };
      await updateOperation({
        db: db(),
        actor: liaison,
        operationId: operation.id,
        input: { version: operation.version, area: moved },
        now: at(1),
      });
      const current = await db().notice.findMany({ where: { operationId: operation.id, supersededAt: null } });
      const cook = current.find((n) => n.recipientAgencyId === w.id("cook-sheriff"))!;
      expect([cook.kind, cook.acknowledgedAt, cook.threadId]).toEqual(["UPDATE", null, cookFirst.threadId]);
      expect(cook.reasons).toEqual([]);
      expect(current.find((n) => n.recipientAgencyId === w.id("dupage-sheriff"))?.kind).toBe("UPDATE");
      expect((await db().notice.findUniqueOrThrow({ where: { id: cookFirst.id } })).supersededAt).toEqual(at(1));

      // An edit of the notice fields alone is an edit too.
      const v2 = (await db().operation.findUniqueOrThrow({ where: { id: operation.id } })).version;
      await updateOperation({
        db: db(),
        actor: liaison,
        operationId: operation.id,
        input: { version: v2, pioName: "PIO Sam Reyes" },
        now: at(2),
      });
      const dupage = await db().notice.findFirstOrThrow({
        where: { operationId: operation.id, recipientAgencyId: w.id("dupage-sheriff"), supersededAt: null },
      });
      expect(noticeContent(dupage.content).pio?.name).toBe("PIO Sam Reyes");

      await transitionOperation({
        db: db(),
        actor: liaison,
        operationId: operation.id,
        input: { transition: "CANCEL" },
        now: at(3),
      });
      const cancelled = await db().notice.findMany({ where: { operationId: operation.id, supersededAt: null } });
      expect(cancelled.every((n) => n.kind === "CANCELLATION" && !n.requiresAck)).toBe(true);
      expect(cancelled.length).toBe(current.length);
    });

    it("a draft notifies no one until it is planned, and planning it late needs exigent grounds", async () => {
      const liaison = await ice();
      const { operation } = await fileOperation({
        db: db(),
        actor: liaison,
        input: filing({ status: "DRAFT", startsAt: at(5).toISOString(), endsAt: at(8).toISOString() }),
        now: T0,
      });
      expect(await noticesOf(operation.id)).toHaveLength(0);
      await expect(
        transitionOperation({
          db: db(),
          actor: liaison,
          operationId: operation.id,
          input: { transition: "PLAN" },
          now: T0,
        }),
      ).rejects.toBeInstanceOf(ValidationError);
      await transitionOperation({
        db: db(),
        actor: liaison,
        operationId: operation.id,
        input: {
          transition: "PLAN",
          exigentReason: "OFFICER_SAFETY",
          exigentSignOff: "ASAC Robert Chen",
          exigentConfirmed: true,
        },
        now: T0,
      });
      const notices = await noticesOf(operation.id);
      expect(notices.length).toBeGreaterThan(0);
      expect(notices.every((n) => n.kind === "EXIGENT_AFTER_ACTION")).toBe(true);
    });
  });

  describe("assistance requests", () => {
    it("are accepted or declined with a reason by the recipient's chief, in the shared thread", async () => {
      const liaison = await ice();
      const { operation } = await fileOperation({ db: db(), actor: liaison, input: filing(), now: T0 });
      const request = await requestAssistance({
        db: db(),
        actor: liaison,
        operationId: operation.id,
        input: {
          recipientAgencyId: w.id("cook-sheriff"),
          kinds: ["TRAFFIC_CONTROL", "PERIMETER"],
          note: "Two cars at 22nd and Wolf.",
        },
        now: at(0.2),
      });
      await expect(
        requestAssistance({
          db: db(),
          actor: liaison,
          operationId: operation.id,
          input: { recipientAgencyId: w.id("will-sheriff"), kinds: ["PERIMETER"] },
          now: at(0.2),
        }),
      ).rejects.toMatchObject({ message: "notices.errors.notNotified" });

      const cookLiaison = await w.as("liaison@cook-sheriff.demo");
      await expect(
        decideAssistance({
          db: db(),
          actor: cookLiaison,
          noticeId: request.id,
          input: { decision: "DECLINED", reason: "No units." },
          now: at(0.3),
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      const chief = await w.as("chief@cook-sheriff.demo");
      await expect(
        decideAssistance({
          db: db(),
          actor: chief,
          noticeId: request.id,
          input: { decision: "DECLINED" },
          now: at(0.3),
        }),
      ).rejects.toBeInstanceOf(ZodError);
      await decideAssistance({
        db: db(),
        actor: chief,
        noticeId: request.id,
        input: { decision: "DECLINED", reason: "Both units committed to a school event." },
        now: at(0.4),
      });

      const row = await db().notice.findUniqueOrThrow({ where: { id: request.id } });
      expect([row.kind, row.assistanceKinds, row.assistanceDecision, row.assistanceReason, row.acknowledgedAt]).toEqual(
        [
          "ASSISTANCE_REQUEST",
          ["TRAFFIC_CONTROL", "PERIMETER"],
          "DECLINED",
          "Both units committed to a school event.",
          at(0.4),
        ],
      );
      const advance = (await noticesOf(operation.id)).find(
        (n) => n.recipientAgencyId === w.id("cook-sheriff") && n.kind === "ADVANCE",
      )!;
      expect(advance.supersededAt).toBeNull(); // a request sits beside the notice, it does not replace it
      const view = await getNoticeView({ db: db(), actor: liaison, noticeId: advance.id });
      expect(view.thread.map((m) => m.kind)).toEqual(["ASSISTANCE_DECLINED"]);
      await expect(
        decideAssistance({
          db: db(),
          actor: chief,
          noticeId: request.id,
          input: { decision: "ACCEPTED", reason: "Changed our mind." },
          now: at(0.5),
        }),
      ).rejects.toMatchObject({ message: "notices.errors.alreadyDecided" });
    });
  });

  describe("visibility", () => {
    it("only the sender and recipient agencies can read, acknowledge or answer a notice", async () => {
      const { operation } = await fileOperation({ db: db(), actor: await ice(), input: filing(), now: T0 });
      const cookNotice = (await noticesOf(operation.id)).find((n) => n.recipientAgencyId === w.id("cook-sheriff"))!;
      const will = await w.as("chief@will-sheriff.demo");
      const dupage = await w.as("chief@dupage-sheriff.demo"); // a recipient of its own notice, not of Cook's
      for (const outsider of [will, dupage]) {
        await expect(getNoticeView({ db: db(), actor: outsider, noticeId: cookNotice.id })).rejects.toBeInstanceOf(
          NotFoundError,
        );
        await expect(
          acknowledgeNotice({ db: db(), actor: outsider, noticeId: cookNotice.id, now: at(1) }),
        ).rejects.toBeInstanceOf(NotFoundError);
        await expect(
          replyToNotice({ db: db(), actor: outsider, noticeId: cookNotice.id, input: { kind: "CALL_ME" }, now: at(1) }),
        ).rejects.toBeInstanceOf(NotFoundError);
        expect((await listInbox({ db: db(), actor: outsider })).items.some((n) => n.id === cookNotice.id)).toBe(false);
      }
      expect(await markNoticeRead({ db: db(), actor: will, noticeId: cookNotice.id, now: at(1) })).toBe(false);
      // The sender cannot acknowledge on the recipient's behalf.
      await expect(
        acknowledgeNotice({ db: db(), actor: await ice(), noticeId: cookNotice.id, now: at(1) }),
      ).rejects.toBeInstanceOf(NotFoundError);
      const denied = await db().auditEvent.count({ where: { action: "notice.acknowledge", outcome: "DENIED" } });
      expect(denied).toBeGreaterThanOrEqual(3);
    });
  });
});
