import { describe, expect, it } from "vitest";
import { headline, latestQuarter } from "./rollup";

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
});
