// The dashboard's data belongs to the viewer's agency alone: another agency's notices, conflicts,
// operations and requests never appear, and a notice whose filer chose a generalised area reaches
// the map only as that generalised area — the operation's exact coordinates are nowhere in it.
import { beforeAll, describe, expect, it } from "vitest";
import { readDashboard, sectionOrder } from "@/lib/dashboard/read-dashboard";
import { readNavCounts } from "@/lib/dashboard/nav-counts";
import { acknowledgeConflict } from "@/lib/conflicts/conflicts";
import { acknowledgeNotice } from "@/lib/notices/acknowledge-notice";
import { createPgListener } from "@/lib/realtime/pg-listener";
import { LIVE_CHANNEL } from "@/lib/realtime/publish";
import { seed, seedActivity } from "@/prisma/seed";
import { fileOperation } from "@/lib/operations/file-operation";
import { actorFor, useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { at, filing, seededWorld, T0 } from "./notices-fixtures";

/** Beside Watseka, Iroquois County: the exact centre the FBI files, never to be seen by the county. */
const WATSEKA = { kind: "CIRCLE", center: [-87.73817, 40.77163], radiusM: 350 };
/** Wheaton, DuPage County. */
const WHEATON = { kind: "CIRCLE", center: [-88.105, 41.865], radiusM: 400 };
/** The county's own detail a few hundred metres away, overlapping the FBI's area. */
const WATSEKA_DETAIL = { kind: "CIRCLE", center: [-87.7359, 40.7731], radiusM: 400 };
/** Kankakee, Kankakee County. */
const KANKAKEE = { kind: "CIRCLE", center: [-87.861, 41.12], radiusM: 300 };

describe("the dashboard's data", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  const ids = { fbiOp: "", iroquoisOp: "", dupageNotice: "", kankakeeConflict: "", iroquoisConflict: "" };

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
    const filedAt = at(-72);
    // The FBI files near Watseka, sharing only the general area; the county is a host.
    const fbi = await fileOperation({
      db: db(),
      actor: await w.as("liaison@fbi-chicago.demo"),
      input: filing({ area: WATSEKA, title: "FBI warrant, Watseka", areaPrecision: "GENERALIZED" }),
      now: filedAt,
    });
    ids.fbiOp = fbi.operation.id;
    // The county's own operation at the same place and time: a conflict between the two.
    const own = await fileOperation({
      db: db(),
      actor: await w.as("liaison@iroquois-sheriff.demo"),
      input: filing({ area: WATSEKA_DETAIL, title: "Iroquois traffic detail" }),
      now: filedAt,
    });
    ids.iroquoisOp = own.operation.id;
    expect(own.conflicts).toHaveLength(1);
    ids.iroquoisConflict = own.conflicts[0].id;
    // Elsewhere, between other agencies: a notice to DuPage, and a conflict between Kankakee and HSI.
    await fileOperation({
      db: db(),
      actor: await w.as("liaison@ice-ero-chicago.demo"),
      input: filing({ area: WHEATON, title: "ICE warrant, Wheaton" }),
      now: filedAt,
    });
    ids.dupageNotice = (
      await db().notice.findFirstOrThrow({ where: { recipientAgencyId: w.id("dupage-sheriff") } })
    ).id;
    await fileOperation({
      db: db(),
      actor: await w.as("liaison@kankakee-sheriff.demo"),
      input: filing({ area: KANKAKEE, title: "Kankakee warrant" }),
      now: filedAt,
    });
    const hsi = await fileOperation({
      db: db(),
      actor: await w.as("liaison@hsi-chicago.demo"),
      input: filing({ area: KANKAKEE, title: "HSI surveillance, Kankakee" }),
      now: filedAt,
    });
    ids.kankakeeConflict = hsi.conflicts[0].id;
  });

  it("a chief sees only the agency's own notices, conflicts, operations and requests, notices oldest first with an escalation clock", async () => {
    const chief = await w.as("chief@iroquois-sheriff.demo");
    const d = await readDashboard({ db: db(), actor: chief, now: T0 });
    expect(d.order.slice(0, 2)).toEqual(["notices", "requests"]);

    const notices = await db().notice.findMany({ where: { id: { in: d.notices.items.map((n) => n.id) } } });
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every((n) => n.recipientAgencyId === w.id("iroquois-sheriff"))).toBe(true);
    expect(d.notices.items.map((n) => n.title)).toContain("FBI warrant, Watseka");
    expect(d.notices.items.map((n) => n.id)).not.toContain(ids.dupageNotice);
    const sent = d.notices.items.map((n) => n.sentAt.getTime());
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    const fbiNotice = d.notices.items.find((n) => n.title === "FBI warrant, Watseka")!;
    expect(fbiNotice.escalation.nextAt).not.toBeNull();
    expect(fbiNotice.escalation.nextLevel).toBe("BACKUP");

    expect(d.conflicts.total).toBe(1);
    expect(d.conflicts.items[0].counterpartAgencyName).toBe("FBI Chicago Field Office");
    expect(d.conflicts.items[0].ownOperation?.id).toBe(ids.iroquoisOp);
    expect(d.conflicts.items.map((c) => c.id)).not.toContain(ids.kankakeeConflict);

    expect(d.operations.map((o) => o.id)).toEqual([ids.iroquoisOp]);
    expect(d.requests).not.toBeNull();
    const requests = await db().federalRequest.findMany({ where: { id: { in: d.requests!.items.map((r) => r.id) } } });
    expect(requests.every((r) => r.agencyId === w.id("iroquois-sheriff") && r.decision === null)).toBe(true);

    const text = JSON.stringify(d);
    for (const other of ["ICE warrant, Wheaton", "Kankakee warrant", "HSI surveillance, Kankakee"])
      expect(text).not.toContain(other);
  });

  it("a generalised notice reaches the map only as its generalised area; the agency's own operation exactly", async () => {
    const chief = await w.as("chief@iroquois-sheriff.demo");
    const d = await readDashboard({ db: db(), actor: chief, now: T0 });
    const notice = d.map.items.find((m) => m.kind === "NOTICE" && m.title === "FBI warrant, Watseka")!;
    expect(notice.precision).toBe("GENERALIZED");
    expect(notice.area.kind).toBe("CIRCLE");
    if (notice.area.kind !== "CIRCLE") throw new Error("expected a circle");
    expect(notice.area.radiusM).toBeGreaterThanOrEqual(1_000);
    expect(notice.area.center).not.toEqual(WATSEKA.center);
    // Nothing finer than the 0.01° grid: the exact centre appears nowhere in what the page gets.
    const mapText = JSON.stringify(d.map);
    for (const exact of ["-87.73817", "40.77163", "-87.738", "40.7716"]) expect(mapText).not.toContain(exact);
    expect(JSON.stringify(d)).not.toContain("40.77163");
    const own = d.map.items.find((m) => m.kind === "OWN")!;
    expect(own.id).toBe(ids.iroquoisOp);
    expect(own.area).toEqual(WATSEKA_DETAIL);
    expect(d.map.jurisdiction?.type).toBe("MultiPolygon");
    expect(d.timeline.map((i) => i.id)).toEqual(expect.arrayContaining([ids.iroquoisOp, notice.id]));
    // Another agency's operation never shows, however close.
    expect(d.map.items.some((m) => m.kind === "OWN" && m.id === ids.fbiOp)).toBe(false);
  });

  it("a supervisor's dashboard leads with conflicts; another agency's supervisor sees none of these", async () => {
    const supervisor = await w.as("supervisor@iroquois-sheriff.demo");
    const d = await readDashboard({ db: db(), actor: supervisor, now: T0 });
    expect(d.order[0]).toBe("conflicts");
    expect(d.requests).toBeNull();
    expect(sectionOrder(["LIAISON"]).slice(0, 2)).toEqual(["operations", "replies"]);

    const dupage = await readDashboard({ db: db(), actor: await w.as("supervisor@dupage-sheriff.demo"), now: T0 });
    expect(dupage.notices.items.map((n) => n.id)).toEqual([ids.dupageNotice]);
    expect(dupage.conflicts.total).toBe(0);
    expect(dupage.operations).toEqual([]);
    expect(JSON.stringify(dupage)).not.toContain("Watseka");
  });

  it("the navigation counts are the agency's own and fall as it acts", async () => {
    const chief = await w.as("chief@iroquois-sheriff.demo");
    const before = await readNavCounts({ db: db(), actor: chief });
    const unread = await db().notice.count({
      where: { recipientAgencyId: w.id("iroquois-sheriff"), supersededAt: null, readAt: null },
    });
    expect(before.inbox).toBe(unread);
    expect(before.conflicts).toBe(1);
    expect(before.requests).toBe(
      await db().federalRequest.count({ where: { agencyId: w.id("iroquois-sheriff"), decision: null } }),
    );
    expect((await readNavCounts({ db: db(), actor: await w.as("liaison@iroquois-sheriff.demo") })).requests).toBeNull();
    expect((await readNavCounts({ db: db(), actor: await w.as("chief@dupage-sheriff.demo") })).conflicts).toBe(0);

    const notice = (await readDashboard({ db: db(), actor: chief, now: T0 })).notices.items[0];
    await acknowledgeNotice({ db: db(), actor: chief, noticeId: notice.id, now: T0 });
    const after = await readDashboard({ db: db(), actor: chief, now: T0 });
    expect(after.notices.items.map((n) => n.id)).not.toContain(notice.id);
  });

  it("acknowledging a conflict tells both agencies' open pages, and it leaves the acknowledging side's list", async () => {
    const listener = createPgListener(t().url);
    const events: { type: string; agencyIds: string[]; id: string }[] = [];
    listener.listen(LIVE_CHANNEL, (payload) => events.push(JSON.parse(payload)));
    await listener.ready();
    try {
      const supervisor = await w.as("supervisor@iroquois-sheriff.demo");
      await acknowledgeConflict({ db: db(), actor: supervisor, conflictId: ids.iroquoisConflict, now: T0 });
      const deadline = Date.now() + 5_000;
      while (!events.some((e) => e.id === ids.iroquoisConflict) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      const event = events.find((e) => e.id === ids.iroquoisConflict);
      expect(event?.type).toBe("conflict");
      expect(new Set(event?.agencyIds)).toEqual(new Set([w.id("iroquois-sheriff"), w.id("fbi-chicago")]));
      expect((await readDashboard({ db: db(), actor: supervisor, now: T0 })).conflicts.total).toBe(0);
      // The other side still has it to acknowledge.
      expect(
        (
          await readDashboard({ db: db(), actor: await w.as("supervisor@fbi-chicago.demo"), now: T0 })
        ).conflicts.items.map((c) => c.id),
      ).toContain(ids.iroquoisConflict);
    } finally {
      await listener.close();
    }
  });
});

describe("the demo world's week ahead", () => {
  const t = useFreshDb();
  const db = () => t().db;

  it("gives the rural chief a generalised notice, the Kankakee supervisor a conflict and the Iroquois liaison an operation within 48 hours", async () => {
    useTestSecrets(t().url);
    await seed(db());
    const now = new Date("2027-05-04T15:20:00Z");
    expect(await seedActivity(db(), now)).toBe(6);
    const as = (email: string) => actorFor(db(), email);
    const chief = await readDashboard({ db: db(), actor: await as("chief@iroquois-sheriff.demo"), now });
    const watseka = chief.notices.items.find((n) => n.title === "Fugitive arrest, Watseka");
    expect(watseka?.escalation.nextAt).not.toBeNull();
    expect(chief.map.items.find((m) => m.title === "Fugitive arrest, Watseka")?.precision).toBe("GENERALIZED");
    const supervisor = await readDashboard({ db: db(), actor: await as("supervisor@kankakee-sheriff.demo"), now });
    expect(supervisor.conflicts.items.map((c) => c.counterpartAgencyName)).toContain(
      "Homeland Security Investigations, Chicago",
    );
    const liaison = await readDashboard({ db: db(), actor: await as("liaison@iroquois-sheriff.demo"), now });
    expect(liaison.operations.map((o) => o.title)).toEqual(["Traffic safety checkpoint, Route 24"]);
    const cook = await readDashboard({ db: db(), actor: await as("supervisor@cook-sheriff.demo"), now });
    expect(cook.conflicts.items.map((c) => c.counterpartAgencyName)).toContain("Chicago Police Department");
  });
});
