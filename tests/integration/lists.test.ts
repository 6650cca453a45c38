// The inbox and sent lists over 1,200 notices: every filter narrows to exactly the rows it should,
// search finds by title and by reference, keyset paging visits every row once in a stable order
// (ties on the sort key, rows arriving between pages, reading back), and the actor's agency is
// always one side of what is shown.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { NoticeKind } from "@/lib/db/generated/enums";
import { fileOperation } from "@/lib/operations/file-operation";
import { countNeedingAction, listInbox, listSent } from "@/lib/notices/list-notices";
import { listConflictsForActor } from "@/lib/conflicts/conflicts";
import { markNoticeRead } from "@/lib/notices/notice-view";
import { replyToNotice } from "@/lib/notices/reply-to-notice";
import { filing, seededWorld, T0 } from "./notices-fixtures";
import { useFreshDb } from "./helpers/db";
import { useTestSecrets } from "./helpers/actors";

const KINDS: NoticeKind[] = ["ADVANCE", "UPDATE", "CANCELLATION", "ASSISTANCE_REQUEST", "CONFLICT"];
const TITLES = [
  "Warrant service, west suburbs",
  "Surveillance near Midway",
  "Crowd event policing, Broadview",
  "Fugitive apprehension, Joliet",
];
const BASE = Date.parse("2027-01-01T12:00:00Z");
const HOUR = 3_600_000;

type Seeded = {
  id: string;
  ref: string;
  title: string;
  sender: string;
  recipient: string;
  kind: NoticeKind;
  sentAt: Date;
  startsAt: Date;
  endsAt: Date;
  readAt: Date | null;
  requiresAck: boolean;
  acknowledgedAt: Date | null;
  assistanceDecision: null | "ACCEPTED";
  superseded: boolean;
};

describe("lists: filters, search and keyset paging", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  let cook: Actor;
  let ice: Actor;
  const rows: Seeded[] = [];

  function make(i: number, sender: string, recipient: string): Seeded {
    const kind = KINDS[i % KINDS.length];
    // 1,200 notices over 150 distinct send times: many share their sort key.
    const sentAt = new Date(BASE + Math.floor(i / 8) * HOUR);
    const startsAt = new Date(BASE + (i % 40) * 24 * HOUR);
    return {
      id: randomUUID(),
      ref: `N-2027-${String(i).padStart(5, "0")}`,
      title: `${TITLES[i % TITLES.length]} #${i}`,
      sender,
      recipient,
      kind,
      sentAt,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 4 * HOUR),
      readAt: i % 3 === 0 ? null : sentAt,
      requiresAck: kind !== "CANCELLATION",
      acknowledgedAt: i % 4 === 0 && kind !== "CANCELLATION" ? sentAt : null,
      assistanceDecision: kind === "ASSISTANCE_REQUEST" && i % 2 === 0 ? "ACCEPTED" : null,
      superseded: i % 50 === 7,
    };
  }

  async function insert(list: Seeded[]) {
    await db().notice.createMany({
      data: list.map((r) => ({
        id: r.id,
        ref: r.ref,
        threadId: randomUUID(),
        kind: r.kind,
        operationId: randomUUID(),
        senderAgencyId: r.sender,
        recipientAgencyId: r.recipient,
        reasons: ["HOST"],
        sentAt: r.sentAt,
        operationVersion: 1,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        content: {
          scope: "FULL",
          sender: { name: "Sender", shortName: "S", slug: "s", phone24x7: "" },
          operationRef: `OP-${r.ref}`,
          startsAt: r.startsAt.toISOString(),
          endsAt: r.endsAt.toISOString(),
          operation: { title: r.title },
        },
        title: r.title,
        leadMinutes: 3_000,
        requiredLeadHours: 24,
        late: false,
        requiresAck: r.requiresAck,
        readAt: r.readAt,
        acknowledgedAt: r.acknowledgedAt,
        assistanceDecision: r.assistanceDecision,
        supersededAt: r.superseded ? r.sentAt : null,
      })),
    });
    rows.push(...list);
  }

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
    cook = await w.as("chief@cook-sheriff.demo");
    ice = await w.as("liaison@ice-ero-chicago.demo");
    const senders = ["ice-ero-chicago", "chicago-pd", "fbi-chicago"].map(w.id);
    const list: Seeded[] = [];
    for (let i = 0; i < 1_200; i++) list.push(make(i, senders[i % 3], w.id("cook-sheriff")));
    // Another agency's inbox, in the same times and with the same titles: never in Cook's lists.
    for (let i = 0; i < 150; i++) list.push({ ...make(i, senders[i % 3], w.id("will-sheriff")), ref: `N-2027-W${i}` });
    await insert(list);
  }, 120_000);

  const byNewest = (a: Seeded, b: Seeded) =>
    b.sentAt.getTime() - a.sentAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);
  const inboxOf = (agencyId: string) => rows.filter((r) => r.recipient === agencyId && !r.superseded).sort(byNewest);

  /** Follows `next` to the end; fails on a repeated row. */
  async function everyPage(actor: Actor, input: Record<string, string>, pageSize = 100): Promise<string[]> {
    const seen: string[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await listInbox({
        db: db(),
        actor,
        input: { ...input, pageSize: String(pageSize), ...(after ? { after } : {}) },
      });
      seen.push(...page.items.map((n) => n.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    return seen;
  }

  it("pages through more than a thousand notices, each once, newest first, ties broken by id", async () => {
    const expected = inboxOf(w.id("cook-sheriff")).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(1_000);
    expect(await everyPage(cook, {}, 37)).toEqual(expected);
    // The first page is the newest, whatever the page size.
    expect((await listInbox({ db: db(), actor: cook })).items.map((n) => n.id)).toEqual(expected.slice(0, 25));
  });

  it("keeps its place when notices arrive between pages, and reads back to the same page", async () => {
    const before = inboxOf(w.id("cook-sheriff")).map((r) => r.id);
    const first = await listInbox({ db: db(), actor: cook, input: { pageSize: "50" } });
    const second = await listInbox({ db: db(), actor: cook, input: { pageSize: "50", after: first.next! } });
    // New notices: newer than everything, and one sharing the last row's send time (sorting before the cursor).
    const last = rows.find((r) => r.id === second.items.at(-1)!.id)!;
    const fresh = [
      make(5_000, w.id("chicago-pd"), w.id("cook-sheriff")),
      { ...make(5_001, w.id("chicago-pd"), w.id("cook-sheriff")), sentAt: last.sentAt, superseded: false },
    ];
    fresh[0].sentAt = new Date(BASE + 10_000 * HOUR);
    fresh[0].superseded = false;
    await insert(fresh);

    const third = await listInbox({ db: db(), actor: cook, input: { pageSize: "50", after: second.next! } });
    // Page three starts right after page two's last row, in today's order (the tied newcomer lands by its id).
    const now = inboxOf(w.id("cook-sheriff")).map((r) => r.id);
    const at = now.indexOf(last.id);
    expect(third.items.map((n) => n.id)).toEqual(now.slice(at + 1, at + 51));
    expect(now.slice(0, at + 1).filter((id) => id !== fresh[0].id && id !== fresh[1].id)).toEqual(before.slice(0, 100));
    const back = await listInbox({ db: db(), actor: cook, input: { pageSize: "50", before: third.prev! } });
    // Reading back gives the 50 rows before page three as they stand now (a tied newcomer may be among them).
    const third0 = now.indexOf(third.items[0].id);
    expect(back.items.map((n) => n.id)).toEqual(now.slice(third0 - 50, third0));

    // Walking on from page two still visits every notice that existed, exactly once.
    const rest: string[] = [...first.items, ...second.items].map((n) => n.id);
    let after = second.next;
    while (after) {
      const p = await listInbox({ db: db(), actor: cook, input: { pageSize: "100", after } });
      rest.push(...p.items.map((n) => n.id));
      after = p.next;
    }
    expect(new Set(rest).size).toBe(rest.length);
    for (const id of before) expect(rest).toContain(id);
    expect(rest).not.toContain(fresh[0].id);
  });

  it("narrows by every filter to exactly the matching notices", async () => {
    const mine = () => inboxOf(w.id("cook-sheriff"));
    const ids = (list: Seeded[]) => list.map((r) => r.id);
    const cases: [Record<string, string>, (r: Seeded) => boolean][] = [
      [{ status: "UNREAD" }, (r) => r.readAt === null],
      [{ status: "AWAITING_ACK" }, (r) => r.requiresAck && r.acknowledgedAt === null],
      [{ status: "ACKNOWLEDGED" }, (r) => r.acknowledgedAt !== null],
      [{ status: "NO_ACK_NEEDED" }, (r) => !r.requiresAck],
      [{ kind: "ASSISTANCE_REQUEST" }, (r) => r.kind === "ASSISTANCE_REQUEST"],
      [{ agency: w.id("fbi-chicago") }, (r) => r.sender === w.id("fbi-chicago")],
      [
        { action: "1" },
        (r) =>
          (r.requiresAck && r.acknowledgedAt === null) ||
          (r.kind === "ASSISTANCE_REQUEST" && r.assistanceDecision === null),
      ],
      // Chicago is UTC-6 in January: the 10th there runs 06:00Z on the 10th to 06:00Z on the 11th.
      [
        { from: "2027-01-10", to: "2027-01-10" },
        (r) =>
          r.endsAt.getTime() >= Date.parse("2027-01-10T06:00:00Z") &&
          r.startsAt.getTime() < Date.parse("2027-01-11T06:00:00Z"),
      ],
      [{ from: "2027-02-01" }, (r) => r.endsAt.getTime() >= Date.parse("2027-02-01T06:00:00Z")],
      [
        { kind: "UPDATE", agency: w.id("ice-ero-chicago"), status: "UNREAD" },
        (r) => r.kind === "UPDATE" && r.sender === w.id("ice-ero-chicago") && r.readAt === null,
      ],
    ];
    for (const [input, match] of cases) {
      const expected = ids(mine().filter(match));
      expect(expected.length, JSON.stringify(input)).toBeGreaterThan(0);
      expect(expected.length, JSON.stringify(input)).toBeLessThan(mine().length);
      expect(await everyPage(cook, input), JSON.stringify(input)).toEqual(expected);
    }
    expect(await countNeedingAction({ db: db(), actor: cook, box: "inbox" })).toBe(mine().filter(cases[6][1]).length);
  });

  it("searches titles and references, ignoring case, with LIKE wildcards taken literally", async () => {
    const mine = inboxOf(w.id("cook-sheriff"));
    const midway = await everyPage(cook, { q: "MIDWAY" });
    expect(midway).toEqual(mine.filter((r) => r.title.includes("Midway")).map((r) => r.id));
    expect(await everyPage(cook, { q: "n-2027-0042" })).toEqual(
      mine.filter((r) => r.ref.startsWith("N-2027-0042")).map((r) => r.id),
    );
    expect(await everyPage(cook, { q: "broadview #11" })).toEqual(
      mine.filter((r) => /Broadview #11\d*$/.test(r.title)).map((r) => r.id),
    );
    expect(await everyPage(cook, { q: "%" })).toEqual([]);
    const literal = {
      ...make(6_000, w.id("chicago-pd"), w.id("cook-sheriff")),
      title: "Checkpoint 100% staffed_east",
      superseded: false,
    };
    await insert([literal]);
    expect(await everyPage(cook, { q: "100% staffed_" })).toEqual([literal.id]);
    expect(await everyPage(cook, { q: "100%staffed" })).toEqual([]);
    expect(await everyPage(cook, { q: "N-2027-W" })).toEqual([]); // Will County's notices, not Cook's
  });

  it("never widens past the actor's agency, whatever the filter names", async () => {
    const will = await w.as("chief@will-sheriff.demo");
    const willIds = new Set(rows.filter((r) => r.recipient === w.id("will-sheriff")).map((r) => r.id));
    const cookSees = await everyPage(cook, {});
    expect(cookSees.some((id) => willIds.has(id))).toBe(false);
    // Naming Will County as the sender finds nothing: it sent Cook nothing.
    expect(await everyPage(cook, { agency: w.id("will-sheriff") })).toEqual([]);
    expect(new Set(await everyPage(will, {}))).toEqual(new Set(inboxOf(w.id("will-sheriff")).map((r) => r.id)));
    // The sender's list holds what it sent, to every recipient, and nobody else's.
    const sent = await listSent({ db: db(), actor: ice, input: { pageSize: "100", agency: w.id("will-sheriff") } });
    const recipients = sent.operations.flatMap((g) => g.recipients);
    expect(recipients.length).toBeGreaterThan(0);
    expect(
      recipients.every(
        (r) =>
          r.recipientAgencyId === w.id("will-sheriff") &&
          rows.find((x) => x.id === r.id)?.sender === w.id("ice-ero-chicago"),
      ),
    ).toBe(true);
  });

  it("refuses what it cannot read with the field named", async () => {
    for (const [input, field] of [
      [{ after: "not-a-cursor" }, "after"],
      [{ before: "2027-01-01T00:00:00.000Z~nope" }, "before"],
      [{ from: "2027-02-31" }, "from"],
      [{ status: "LOST" }, "status"],
      [{ agency: "x" }, "agency"],
      [{ pageSize: "5000" }, "pageSize"],
      [{ from: "2027-03-02", to: "2027-03-01" }, "to"],
    ] as const) {
      const error = await listInbox({ db: db(), actor: cook, input }).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues.map((i) => i.path.join("."))).toEqual([field]);
    }
  });

  it("shows the sender each recipient's replies and escalations, marking replies nobody has read", async () => {
    const { operation } = await fileOperation({
      db: db(),
      actor: ice,
      input: filing({ title: "Replies and escalations" }),
      now: T0,
    });
    const toCook = await db().notice.findFirstOrThrow({
      where: { operationId: operation.id, recipientAgencyId: w.id("cook-sheriff") },
    });
    await replyToNotice({
      db: db(),
      actor: cook,
      noticeId: toCook.id,
      input: { kind: "CALL_ME" },
      now: new Date(T0.getTime() + 60_000),
    });
    await replyToNotice({
      db: db(),
      actor: cook,
      noticeId: toCook.id,
      input: { kind: "TEXT", body: "Which staging area?" },
      now: new Date(T0.getTime() + 120_000),
    });
    await db().escalationStep.create({
      data: {
        id: randomUUID(),
        subjectType: "NOTICE",
        subjectId: toCook.id,
        recipientAgencyId: w.id("cook-sheriff"),
        originAgencyId: ice.agencyId,
        step: 1,
        level: "BACKUP",
        contactName: "Backup",
        firedAt: new Date(T0.getTime() + 90_000),
      },
    });

    const row = async () =>
      (await listSent({ db: db(), actor: ice, input: { q: "Replies and escalations" } })).operations
        .flatMap((g) => g.recipients)
        .find((r) => r.id === toCook.id)!;
    const seen = await row();
    expect([
      seen.replies,
      seen.latestReply?.body,
      seen.replyUnread,
      seen.escalations,
      seen.latestEscalation?.level,
    ]).toEqual([2, "Which staging area?", true, 1, "BACKUP"]);
    expect(
      (await listSent({ db: db(), actor: ice, input: { action: "1" } })).operations
        .flatMap((g) => g.recipients)
        .map((r) => r.id),
    ).toEqual([toCook.id]);

    // Someone of the sending agency opens it: read. Cook's own view of the thread changes nothing.
    await markNoticeRead({ db: db(), actor: cook, noticeId: toCook.id, now: T0 });
    expect((await row()).replyUnread).toBe(true);
    await markNoticeRead({ db: db(), actor: ice, noticeId: toCook.id, now: T0 });
    expect((await row()).replyUnread).toBe(false);
    expect(await countNeedingAction({ db: db(), actor: ice, box: "sent" })).toBe(0);
    expect(
      await db().auditEvent.count({
        where: { action: "notice.replies.read", targetId: toCook.id, agencyId: ice.agencyId },
      }),
    ).toBe(1);
  });
});

describe("lists: operations and the conflict queue", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  let cook: Actor;
  const STATUSES = ["OPEN", "RESOLVED", "CLOSED"] as const;
  const SEVERITY = ["HIGH", "MEDIUM", "LOW"] as const;
  type Op = { id: string; ref: string; title: string; startsAt: Date; agencyId: string; status: "PLANNED" | "DRAFT" };
  const ops: Op[] = [];
  type Row = {
    id: string;
    status: (typeof STATUSES)[number];
    severity: (typeof SEVERITY)[number];
    detectedAt: Date;
    own: string;
    agencyA: string;
    agencyB: string;
    ackA: boolean;
    ackB: boolean;
  };
  const conflicts: Row[] = [];

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
    cook = await w.as("chief@cook-sheriff.demo");
    const agencies = ["cook-sheriff", "chicago-pd"].map(w.id);
    for (let i = 0; i < 240; i++) {
      const agencyId = agencies[i % 2];
      ops.push({
        id: randomUUID(),
        ref: `OP-2027-${String(i).padStart(5, "0")}`,
        title: `${TITLES[i % TITLES.length]} #${i}`,
        startsAt: new Date(BASE + Math.floor(i / 6) * HOUR),
        agencyId,
        status: i % 5 === 0 ? "DRAFT" : "PLANNED",
      });
    }
    await db().operation.createMany({
      data: ops.map((o) => ({
        id: o.id,
        ref: o.ref,
        agencyId: o.agencyId,
        type: "SURVEILLANCE",
        title: o.title,
        status: o.status,
        areaKind: "CIRCLE",
        centerLat: 41.8,
        centerLon: -87.7,
        radiusM: 100,
        bboxMinLon: -87.71,
        bboxMinLat: 41.79,
        bboxMaxLon: -87.69,
        bboxMaxLat: 41.81,
        startsAt: o.startsAt,
        endsAt: new Date(o.startsAt.getTime() + 2 * HOUR),
        leadAgencyName: "Lead",
        commanderName: "Cmdr",
        commanderPhone: "+1 312 555 0100",
        commsPlan: "Radio",
        personnelCount: 4,
        riskFlags: [],
        addedNoticeAgencyIds: [],
        createdById: cook.userId!,
      })),
    });
    // Conflicts between Cook's and Chicago's operations: every status and severity, many sharing a detection time.
    const cookOps = ops.filter((o) => o.agencyId === w.id("cook-sheriff"));
    const cpdOps = ops.filter((o) => o.agencyId === w.id("chicago-pd"));
    for (let i = 0; i < 110; i++) {
      const [a, b] = [cookOps[i], cpdOps[i]];
      const [opA, opB] = a.id < b.id ? [a, b] : [b, a];
      conflicts.push({
        id: randomUUID(),
        status: STATUSES[i % 3],
        severity: SEVERITY[(i >> 1) % 3],
        detectedAt: new Date(BASE + (i % 4) * HOUR),
        own: a.id,
        agencyA: opA.agencyId,
        agencyB: opB.agencyId,
        ackA: i % 4 === 0,
        ackB: i % 7 === 0,
      });
      Object.assign(conflicts[i], { opAId: opA.id, opBId: opB.id });
    }
    await db().conflict.createMany({
      data: conflicts.map((c) => {
        const x = c as Row & { opAId: string; opBId: string };
        return {
          id: c.id,
          opAId: x.opAId,
          opBId: x.opBId,
          agencyAId: c.agencyA,
          agencyBId: c.agencyB,
          status: c.status,
          severity: c.severity,
          minDistanceM: 0,
          overlapMinutes: 60,
          areasIntersect: true,
          containment: "NONE",
          detectedAt: c.detectedAt,
          ackAAt: c.ackA ? c.detectedAt : null,
          ackBAt: c.ackB ? c.detectedAt : null,
        };
      }),
    });
  }, 120_000);

  const queueOrder = (a: Row, b: Row) =>
    STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) ||
    SEVERITY.indexOf(a.severity) - SEVERITY.indexOf(b.severity) ||
    b.detectedAt.getTime() - a.detectedAt.getTime() ||
    (a.id < b.id ? -1 : 1);

  async function walk<T extends { id: string }>(
    list: (input: Record<string, string>) => Promise<{ items: T[]; next: string | null }>,
    input: Record<string, string>,
  ) {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await list({ ...input, pageSize: "7", ...(after ? { after } : {}) });
      seen.push(...page.items.map((x) => x.id));
      after = page.next;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    return seen;
  }

  it("pages the conflict queue in its order (open, most severe, newest), each once, and back", async () => {
    const list = (input: Record<string, string>) => listConflictsForActor({ db: db(), actor: cook, input });
    expect(await walk(list, {})).toEqual([...conflicts].sort(queueOrder).map((c) => c.id));
    const first = await list({ pageSize: "7" });
    const second = await list({ pageSize: "7", after: first.next! });
    const third = await list({ pageSize: "7", after: second.next! });
    expect((await list({ pageSize: "7", before: third.prev! })).items.map((c) => c.id)).toEqual(
      second.items.map((c) => c.id),
    );
    const mine = (c: Row) => (c.agencyA === cook.agencyId ? c.ackA : c.ackB);
    expect(await walk(list, { action: "1" })).toEqual(
      [...conflicts]
        .filter((c) => c.status === "OPEN" && !mine(c))
        .sort(queueOrder)
        .map((c) => c.id),
    );
    expect(await walk(list, { severity: "HIGH", status: "RESOLVED" })).toEqual(
      [...conflicts]
        .filter((c) => c.severity === "HIGH" && c.status === "RESOLVED")
        .sort(queueOrder)
        .map((c) => c.id),
    );
    // Search reaches the actor's own operation only.
    const own = ops.find((o) => o.id === conflicts[5].own)!;
    expect(await walk(list, { q: own.ref.toLowerCase() })).toEqual([conflicts[5].id]);
    const theirs = ops.filter((o) => o.agencyId === w.id("chicago-pd"))[5];
    expect(await walk(list, { q: theirs.ref })).toEqual([]);
    expect(await walk(list, { agency: w.id("will-sheriff") })).toEqual([]);
    await expect(list({ after: "OPEN~SEVERE~2027-01-01T00:00:00.000Z~" + randomUUID() })).rejects.toBeInstanceOf(
      ZodError,
    );
  });

  it("pages, filters and searches the agency's own operations", async () => {
    const { listOwnOperations } = await import("@/lib/operations/read-operations");
    const list = (input: Record<string, string>) => listOwnOperations({ db: db(), actor: cook, input });
    const own = ops
      .filter((o) => o.agencyId === cook.agencyId)
      .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || (b.id < a.id ? -1 : 1));
    expect(await walk(list, {})).toEqual(own.map((o) => o.id));
    expect(await walk(list, { status: "DRAFT" })).toEqual(own.filter((o) => o.status === "DRAFT").map((o) => o.id));
    expect(await walk(list, { q: "MIDWAY" })).toEqual(own.filter((o) => o.title.includes("Midway")).map((o) => o.id));
    const withOpen = new Set(conflicts.filter((c) => c.status === "OPEN").map((c) => c.own));
    expect(await walk(list, { action: "1" })).toEqual(own.filter((o) => withOpen.has(o.id)).map((o) => o.id));
    expect((await list({ q: "OP-2027-00001" })).items).toEqual([]); // Chicago's, not Cook's
  });
});
