// Notices in standard formats: every CAP message a notice thread produces (Alert, Update,
// Cancel, Ack; circle and polygon areas; one info per language) validates against the official
// OASIS CAP 1.2 schema (libxml2's validator, in WebAssembly), and the agency's calendar feed
// parses with ical.js.
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { agencyCalendar } from "@/lib/ical/agency-feed";
import { acknowledgeNotice } from "@/lib/notices/acknowledge-notice";
import { noticeCap } from "@/lib/notices/notice-cap";
import { fileOperation } from "@/lib/operations/file-operation";
import { transitionOperation } from "@/lib/operations/transition-operation";
import { updateOperation } from "@/lib/operations/update-operation";
import { useTestSecrets } from "./helpers/actors";
import { validateCap } from "./helpers/cap-schema";
import { useFreshDb } from "./helpers/db";
import { at, filing, seededWorld, T0 } from "./notices-fixtures";

async function validate(xml: string, name: string): Promise<string> {
  const r = await validateCap(xml, name);
  return r.ok ? "valid" : r.output;
}

describe("notice exports", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
  });

  it("a notice thread's Alert, Update, Cancel and Ack all validate against the CAP 1.2 schema", async () => {
    const liaison = await w.as("liaison@ice-ero-chicago.demo");
    const chief = await w.as("chief@cook-sheriff.demo");
    const polygon = {
      kind: "POLYGON",
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [-87.93, 41.845],
            [-87.91, 41.845],
            [-87.91, 41.855],
            [-87.93, 41.855],
            [-87.93, 41.845],
          ],
        ],
      },
    };
    const { operation } = await fileOperation({
      db: db(),
      actor: liaison,
      input: filing({ area: polygon, title: 'Warrant service <west> & "suburbs"' }),
      now: T0,
    });
    const first = await db().notice.findFirstOrThrow({
      where: { operationId: operation.id, recipientAgencyId: w.id("cook-sheriff") },
    });
    await acknowledgeNotice({ db: db(), actor: chief, noticeId: first.id, now: at(0.5) });
    await updateOperation({
      db: db(),
      actor: liaison,
      operationId: operation.id,
      input: { version: operation.version, areaPrecision: "GENERALIZED" },
      now: at(1),
    });
    await transitionOperation({
      db: db(),
      actor: liaison,
      operationId: operation.id,
      input: { transition: "CANCEL" },
      now: at(2),
    });
    const thread = await db().notice.findMany({ where: { threadId: first.threadId }, orderBy: { sentAt: "asc" } });
    expect(thread.map((n) => n.kind)).toEqual(["ADVANCE", "UPDATE", "CANCELLATION"]);

    const messages = [
      ...(await Promise.all(thread.map((n) => noticeCap({ db: db(), actor: liaison, noticeId: n.id })))),
      await noticeCap({ db: db(), actor: chief, noticeId: first.id, ack: true }),
    ];
    for (const [i, m] of messages.entries()) expect(await validate(m.xml, `thread-${i}`)).toBe("valid");
    const [alert, update, cancel, ack] = messages.map((m) => m.xml);
    expect(alert).toContain("<msgType>Alert</msgType>");
    expect(alert).toContain("<scope>Private</scope>");
    expect(alert).toContain("<addresses>cook-sheriff</addresses>");
    expect(alert).toContain("<language>en-US</language>");
    expect(alert).toContain("<language>es-US</language>"); // Cook County reads Spanish too
    expect(alert).toContain("<polygon>41.845,-87.93 41.845,-87.91");
    expect(alert).toContain("&lt;west&gt; &amp;");
    expect(update).toContain("<msgType>Update</msgType>");
    expect(update).toContain(`<references>ice-ero-chicago@localhost,${first.ref},`);
    expect(update).not.toContain("-87.93"); // generalised from here on
    expect(cancel).toContain("<msgType>Cancel</msgType>");
    expect(cancel).toContain("<responseType>AllClear</responseType>");
    expect(ack).toContain("<msgType>Ack</msgType>");
    expect(ack).toContain("<sender>cook-sheriff@localhost</sender>");
    expect(ack).toContain("<addresses>ice-ero-chicago</addresses>");
  });

  it("a circle area and an exigent notice validate too, in one language for an English-only agency", async () => {
    const liaison = await w.as("liaison@ice-ero-chicago.demo");
    // Iroquois County reads English only and asks 48 h notice: a filing 2 h ahead is exigent.
    const input = filing({
      area: { kind: "CIRCLE", center: [-87.8, 40.75], radiusM: 800 },
      startsAt: at(2).toISOString(),
      endsAt: at(5).toISOString(),
      exigentReason: "OTHER",
      exigentText: "Barricade in progress",
      exigentSignOff: "ASAC Robert Chen",
      exigentConfirmed: true,
    });
    const { operation } = await fileOperation({ db: db(), actor: liaison, input, now: T0 });
    const n = await db().notice.findFirstOrThrow({
      where: { operationId: operation.id, recipientAgencyId: w.id("iroquois-sheriff") },
    });
    const { xml } = await noticeCap({ db: db(), actor: liaison, noticeId: n.id });
    expect(await validate(xml, "exigent-circle")).toBe("valid");
    expect(xml).toContain("<circle>40.75,-87.8 0.8</circle>");
    expect(xml).toContain("<urgency>Immediate</urgency>");
    expect(xml.match(/<info>/g)).toHaveLength(1);
    // A third agency cannot export it.
    await expect(
      noticeCap({ db: db(), actor: await w.as("chief@will-sheriff.demo"), noticeId: n.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the agency's calendar feed lists its incoming notices and parses with a real iCalendar parser", async () => {
    const liaison = await w.as("liaison@ice-ero-chicago.demo");
    const { operation } = await fileOperation({
      db: db(),
      actor: liaison,
      input: filing({ title: "Calendar; check, please", startsAt: at(50).toISOString(), endsAt: at(53).toISOString() }),
      now: T0,
    });
    const ics = await agencyCalendar({
      db: db(),
      agencyId: w.id("dupage-sheriff"),
      agencyName: "DuPage County Sheriff's Office",
      now: T0,
      title: "Incoming notices",
    });
    const vevents = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const thread = await db().notice.findFirstOrThrow({
      where: { operationId: operation.id, recipientAgencyId: w.id("dupage-sheriff") },
    });
    const event = vevents.find((e) => e.uid === `${thread.threadId}@common-ground`);
    expect(event?.summary).toBe("Advance notice: Calendar; check, please (ICE ERO Chicago)");
    expect(event?.startDate.toJSDate().toISOString()).toBe(at(50).toISOString());
    // Not in another agency's feed.
    const will = await agencyCalendar({
      db: db(),
      agencyId: w.id("will-sheriff"),
      agencyName: "Will",
      now: T0,
      title: "Incoming notices",
    });
    expect(will).not.toContain(thread.threadId);
  });
});
