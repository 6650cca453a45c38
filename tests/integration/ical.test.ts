// The agency calendar feed, read back by a real iCalendar parser (ical.js).
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, type CalendarEvent } from "@/lib/ical/build-calendar";

const events: CalendarEvent[] = [
  {
    uid: "notice-0b9e@common-ground.example",
    sequence: 0,
    stamp: new Date("2026-11-20T09:00:00Z"),
    start: new Date("2026-11-24T11:00:00Z"),
    end: new Date("2026-11-24T15:30:00Z"),
    summary: "Advance notice, U.S. Marshals; warrant service, South Loop",
    description:
      'Lead agency: U.S. Marshals Service, Northern District.\nRadio: "Ops 2"; call ahead.\nBackslash \\ kept.',
    location: "South Loop, Chicago, IL (approximate area)",
    status: "CONFIRMED",
    url: "https://common-ground.example/notices/0b9e",
    categories: ["ADVANCE", "Notice, incoming"],
  },
  {
    uid: "notice-77aa@common-ground.example",
    sequence: 3,
    stamp: new Date("2026-11-21T16:45:00Z"),
    start: new Date("2026-11-25T06:00:00Z"),
    end: new Date("2026-11-25T08:00:00Z"),
    summary: "Cancelación: operativo en Pilsen — señalización ñandú «aviso»",
    description: `${"Descripción larga con acentos áéíóú y eñes ñ; ".repeat(8)}fin.`,
    location: "Pilsen, Chicago",
    status: "CANCELLED",
  },
];

function parse(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  return { component, vevents: component.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

describe("iCalendar feed", () => {
  const ics = buildCalendar({
    name: "Incoming notices — Cook County Sheriff",
    description: "Notices, updates; cancellations",
    events,
  });

  it("parses with ical.js and keeps every event", () => {
    const { component, vevents } = parse(ics);
    expect(component.getFirstPropertyValue("version")).toBe("2.0");
    expect(component.getFirstPropertyValue("x-wr-calname")).toBe("Incoming notices — Cook County Sheriff");
    expect(vevents.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });

  it("round-trips times in UTC", () => {
    const { vevents } = parse(ics);
    expect(vevents[0].startDate.toJSDate().toISOString()).toBe("2026-11-24T11:00:00.000Z");
    expect(vevents[0].endDate.toJSDate().toISOString()).toBe("2026-11-24T15:30:00.000Z");
    expect(vevents[0].startDate.zone.tzid).toBe("UTC");
  });

  it("round-trips commas, semicolons, newlines, backslashes and non-ASCII text", () => {
    const { vevents } = parse(ics);
    expect(vevents[0].summary).toBe(events[0].summary);
    expect(vevents[0].description).toBe(events[0].description);
    expect(vevents[0].location).toBe(events[0].location);
    expect(vevents[1].summary).toBe(events[1].summary);
    expect(vevents[1].description).toBe(events[1].description);
    expect(vevents[0].component.getFirstProperty("categories")?.getValues()).toEqual(["ADVANCE", "Notice, incoming"]);
  });

  it("marks cancellations and carries the update sequence", () => {
    const { vevents } = parse(ics);
    expect(vevents[1].component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevents[1].sequence).toBe(3);
    expect(vevents[0].component.getFirstPropertyValue("status")).toBe("CONFIRMED");
  });

  it("folds every line to at most 75 octets", () => {
    const lines = ics.split("\r\n");
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});
