import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, icalDateTime } from "./build-calendar";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("iCalendar text", () => {
  it("escapes backslashes, semicolons, commas and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("writes UTC date-times", () => {
    expect(icalDateTime(new Date("2026-11-23T14:05:09.450Z"))).toBe("20261123T140509Z");
  });

  it("folds at 75 octets without splitting a multi-byte character", () => {
    const line = `DESCRIPTION:${"ñ".repeat(100)}`;
    const folded = foldLine(line).split("\r\n");
    expect(folded.length).toBeGreaterThan(2);
    for (const [i, part] of folded.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(" ")).toBe(true);
    }
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
  });

  it("leaves short lines alone and uses CRLF everywhere", () => {
    const ics = buildCalendar({ name: "Feed", events: [] });
    expect(ics.split("\r\n").every((l) => !l.includes("\n"))).toBe(true);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toMatch(/END:VCALENDAR\r\n$/);
  });

  it("refuses an event that ends before it starts", () => {
    const at = new Date("2026-11-23T14:00:00Z");
    expect(() =>
      buildCalendar({
        name: "x",
        events: [{ uid: "u", sequence: 0, stamp: at, start: at, end: at, summary: "s", status: "CONFIRMED" }],
      }),
    ).toThrow();
  });
});
