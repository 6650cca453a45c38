import { describe, expect, it } from "vitest";
import { headline, latestQuarter, statewideCsv } from "./rollup";

const f = (requests: number | "<5", declined: number | "<5") => ({
  requests,
  byKindAndDecision: { DETAINER: { DECLINED: declined } },
  detainers: { withoutJudicialWarrant: 0 },
  departures: 0,
});

describe("statewide roll-up", () => {
  it("adds only published figures, a withheld part as its least (1), and marks such a total", () => {
    const h = headline([f(12, 8), f("<5", "<5")]);
    expect(h.requests).toEqual({ atLeast: 13, partial: true });
    expect(h.declined).toEqual({ atLeast: 9, partial: true });
    expect(h.departures).toEqual({ atLeast: 0, partial: false });
  });
  it("finds the newest quarter, ignoring years", () => {
    expect(
      latestQuarter([
        { year: 2026, quarter: 2 },
        { year: 2026, quarter: null },
        { year: 2025, quarter: 4 },
      ]),
    ).toEqual({ year: 2026, quarter: 2 });
    expect(latestQuarter([])).toBeNull();
  });
  it("writes the quarter as CSV: published figures per agency, totals marked where a part was withheld", () => {
    const csv = statewideCsv({ year: 2026, quarter: 3 }, [
      { agency: { slug: "a", name: "Sheriff's Office, A County" }, figures: f(12, 8) },
      { agency: { slug: "b", name: "=HYPERLINK(1)" }, figures: f("<5", "<5") },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "year,quarter,agencySlug,agency,requests,complied,declined,detainersWithoutJudicialWarrant,departures",
      `2026,3,a,"Sheriff's Office, A County",12,0,8,0,0`,
      "2026,3,b,'=HYPERLINK(1),<5,0,<5,0,0",
      "2026,3,,total,>=13,0,>=9,0,0",
      "",
    ]);
  });
});
