// A conflict-only notice (an agency told only because its operation collides, not because it
// hosts the area) carries need-to-know: that the operation is exigent but not why or who approved
// it, no lead agency free text, and only the window where the two operations meet — in the API
// answer, the notice page's data, the email, the CAP export and the calendar feed. A host
// recipient still gets all of it.
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/manage-tokens";
import { agencyCalendar } from "@/lib/ical/agency-feed";
import { noticeContent } from "@/lib/notices/content";
import { noticeCap } from "@/lib/notices/notice-cap";
import { getNoticeView } from "@/lib/notices/notice-view";
import { listSent } from "@/lib/notices/list-notices";
import { fileOperation } from "@/lib/operations/file-operation";
import { updateOperation } from "@/lib/operations/update-operation";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { at, filing, seededWorld, T0 } from "./notices-fixtures";

const REASON_TEXT = "Barricaded suspect on Kedzie Avenue";
const SIGN_OFF = "ASAC Robert Chen";
const LEAD_TEXT = "FBI Chicago Violent Crimes Task Force";
const SECRETS = [REASON_TEXT, SIGN_OFF, LEAD_TEXT];
/** Albany Park, Chicago: hosted by the city, the county and the state; neither federal office has a boundary here. */
const PLACE = { kind: "CIRCLE", center: [-87.7015, 41.9502], radiusM: 300 };

describe("need-to-know in conflict-only notices", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  let toHsi: { id: string; threadId: string };
  let toChicago: { id: string };
  let operationId: string;

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
    const hsi = await w.as("liaison@hsi-chicago.demo");
    const fbi = await w.as("liaison@fbi-chicago.demo");
    // HSI's operation, filed days ahead: 2 h to 3 h after T0.
    await fileOperation({
      db: db(),
      actor: hsi,
      input: filing({
        area: PLACE,
        title: "HSI surveillance",
        startsAt: at(2).toISOString(),
        endsAt: at(3).toISOString(),
      }),
      now: at(-72),
    });
    // The FBI's, filed an hour ahead, so exigent: 1 h to 6 h after T0.
    const filed = await fileOperation({
      db: db(),
      actor: fbi,
      input: filing({
        area: PLACE,
        title: "FBI arrest",
        startsAt: at(1).toISOString(),
        endsAt: at(6).toISOString(),
        leadAgencyName: LEAD_TEXT,
        exigentReason: "OTHER",
        exigentText: REASON_TEXT,
        exigentSignOff: SIGN_OFF,
        exigentConfirmed: true,
      }),
      now: T0,
    });
    expect(filed.conflicts).toHaveLength(1);
    operationId = filed.operation.id;
    toHsi = await db().notice.findFirstOrThrow({ where: { operationId, recipientAgencyId: w.id("hsi-chicago") } });
    toChicago = await db().notice.findFirstOrThrow({ where: { operationId, recipientAgencyId: w.id("chicago-pd") } });
  });

  it("the stored notice and the notice page's data: exigent, but not why; no lead agency text; only the overlap window", async () => {
    const row = await db().notice.findUniqueOrThrow({ where: { id: toHsi.id } });
    expect([row.kind, row.reasons, row.exigent]).toEqual(["CONFLICT", ["CONFLICT"], true]);
    expect([row.startsAt.toISOString(), row.endsAt.toISOString()]).toEqual([at(2).toISOString(), at(3).toISOString()]);
    // The lead time counts to when the operations meet, so it does not give the FBI's start away.
    expect(row.leadMinutes).toBe(120);

    const view = await getNoticeView({ db: db(), actor: await w.as("liaison@hsi-chicago.demo"), noticeId: toHsi.id });
    expect(view.exigent).toBe(true);
    expect(view.content.exigent).toEqual({ reason: null, text: null, signOff: null, signedOffAt: null });
    expect(view.content.contact).toEqual({
      leadAgencyName: null,
      commanderName: "SSA Holly Kwan",
      commanderPhone: "+1 312 555 0140",
    });
    expect([view.startsAt.toISOString(), view.endsAt.toISOString()]).toEqual([
      at(2).toISOString(),
      at(3).toISOString(),
    ]);
    expect([view.content.startsAt, view.content.endsAt]).toEqual([at(2).toISOString(), at(3).toISOString()]);
    const text = JSON.stringify(view);
    for (const secret of [...SECRETS, at(1).toISOString(), at(6).toISOString(), "OTHER"])
      expect(text).not.toContain(secret);
  });

  it("the API answer", async () => {
    process.env.DATABASE_URL = t().url;
    const route = (await import("@/app/api/v1/notices/[id]/route")) as unknown as {
      GET: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
    };
    const admin = { ...(await w.as("liaison@hsi-chicago.demo")), roles: ["AGENCY_ADMIN" as const] };
    const { token } = await createApiToken({
      db: db(),
      actor: admin,
      input: { name: "HSI case system", scopes: ["read", "file", "conflicts"] },
      now: T0,
    });
    const res = await route.GET(
      new Request(`http://localhost/api/v1/notices/${toHsi.id}`, { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ id: toHsi.id }) },
    );
    expect(res.status).toBe(200);
    const body = await res.text();
    for (const secret of [...SECRETS, at(1).toISOString(), at(6).toISOString()]) expect(body).not.toContain(secret);
    expect(JSON.parse(body)).toMatchObject({
      exigent: true,
      startsAt: at(2).toISOString(),
      endsAt: at(3).toISOString(),
      content: { exigent: { reason: null, signOff: null } },
    });
  });

  it("the email, and the update's email after an edit", async () => {
    const mail = await db().mailMessage.findMany({ where: { subjectId: toHsi.id } });
    expect(mail.length).toBeGreaterThan(0);
    for (const m of mail) for (const secret of SECRETS) expect(m.text).not.toContain(secret);
    // A new commander's phone is news to HSI too: the update it gets still shows only the overlap.
    const fbi = await w.as("liaison@fbi-chicago.demo");
    await updateOperation({
      db: db(),
      actor: fbi,
      operationId,
      input: { version: 1, commanderPhone: "+1 312 555 0199" },
      now: at(0.25),
    });
    const update = await db().notice.findFirstOrThrow({
      where: { operationId, recipientAgencyId: w.id("hsi-chicago"), kind: "UPDATE" },
    });
    const updateMail = await db().mailMessage.findMany({ where: { subjectId: update.id } });
    expect(updateMail.length).toBeGreaterThan(0);
    for (const m of updateMail) {
      for (const secret of SECRETS) expect(m.text).not.toContain(secret);
      // 16:00–17:00 UTC, in HSI's zone; not the FBI's 09:00–14:00.
      expect(m.text).toContain("When: Mar 10, 2027, 10:00 CST to Mar 10, 2027, 11:00 CST");
      expect(m.text).not.toContain("09:00");
      expect(m.text).not.toContain("14:00");
    }
  });

  it("the CAP export", async () => {
    const { xml } = await noticeCap({ db: db(), actor: await w.as("liaison@hsi-chicago.demo"), noticeId: toHsi.id });
    for (const secret of SECRETS) expect(xml).not.toContain(secret);
    expect(xml).toContain(`<onset>${at(2).toISOString().replace(".000Z", "-00:00")}</onset>`);
    expect(xml).toContain(`<expires>${at(3).toISOString().replace(".000Z", "-00:00")}</expires>`);
    expect(xml).toMatch(/Filed as exigent/);
  });

  it("the calendar feed", async () => {
    const ics = await agencyCalendar({
      db: db(),
      agencyId: w.id("hsi-chicago"),
      agencyName: "HSI Chicago",
      now: T0,
      title: "Incoming notices",
    });
    for (const secret of SECRETS) expect(ics.replace(/\r\n[ \t]/g, "")).not.toContain(secret);
    const event = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid === `${toHsi.threadId}@common-ground`);
    expect(event?.startDate.toJSDate().toISOString()).toBe(at(2).toISOString());
    expect(event?.endDate.toJSDate().toISOString()).toBe(at(3).toISOString());
  });

  it("a host recipient still gets the reason, the sign-off, the lead agency and the full window", async () => {
    const row = await db().notice.findUniqueOrThrow({ where: { id: toChicago.id } });
    expect([row.startsAt.toISOString(), row.endsAt.toISOString(), row.leadMinutes]).toEqual([
      at(1).toISOString(),
      at(6).toISOString(),
      60,
    ]);
    const c = noticeContent(row.content);
    expect(c.exigent).toMatchObject({ reason: "OTHER", text: REASON_TEXT, signOff: SIGN_OFF });
    expect(c.contact.leadAgencyName).toBe(LEAD_TEXT);
    const { xml } = await noticeCap({ db: db(), actor: await w.as("chief@chicago-pd.demo"), noticeId: toChicago.id });
    expect(xml).toContain(SIGN_OFF);
    expect(xml).toContain(LEAD_TEXT);
    const mail = await db().mailMessage.findMany({ where: { subjectId: toChicago.id } });
    expect(mail.length).toBeGreaterThan(0);
    // The sender's list shows its operation's own window, whatever each recipient was told.
    const sent = await listSent({ db: db(), actor: await w.as("liaison@fbi-chicago.demo") });
    expect(sent.operations.find((g) => g.operationId === operationId)).toMatchObject({
      startsAt: at(1),
      endsAt: at(6),
    });
  });
});
