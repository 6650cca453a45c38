// Figures across agencies for one published period. Each agency's small counts are already
// "<5"; adding the exact figure behind them would let anyone subtract it back out, so a total
// adds only what was published (a withheld part as 1, its least) and says "at least" then.
import type { Count } from "../requests/report-figures";

/** `atLeast` counts each withheld part as 1, the least it can be; `partial` says some part was withheld. */
export type RollupFigure = { atLeast: number; partial: boolean };
export type HeadlineFigures = {
  requests: RollupFigure;
  complied: RollupFigure;
  declined: RollupFigure;
  detainersWithoutWarrant: RollupFigure;
  departures: RollupFigure;
};

type PublishedFigures = {
  requests: Count;
  byKindAndDecision: Record<string, Record<string, Count>>;
  detainers: { withoutJudicialWarrant: Count };
  departures: Count;
};

const add = (a: RollupFigure, c: Count): RollupFigure =>
  typeof c === "number" ? { atLeast: a.atLeast + c, partial: a.partial } : { atLeast: a.atLeast + 1, partial: true };
const zero = (): RollupFigure => ({ atLeast: 0, partial: false });

export function decisionCount(f: PublishedFigures, decision: string): Count[] {
  return Object.values(f.byKindAndDecision)
    .map((m) => m[decision])
    .filter((c): c is Count => c !== undefined);
}

/** The headline figures of one period, over the given agencies' published reports. */
export function headline(reports: PublishedFigures[]): HeadlineFigures {
  const h: HeadlineFigures = {
    requests: zero(),
    complied: zero(),
    declined: zero(),
    detainersWithoutWarrant: zero(),
    departures: zero(),
  };
  for (const f of reports) {
    h.requests = add(h.requests, f.requests);
    for (const c of decisionCount(f, "COMPLIED")) h.complied = add(h.complied, c);
    for (const c of decisionCount(f, "DECLINED")) h.declined = add(h.declined, c);
    h.detainersWithoutWarrant = add(h.detainersWithoutWarrant, f.detainers.withoutJudicialWarrant);
    h.departures = add(h.departures, f.departures);
  }
  return h;
}

/** The newest period (quarters only) that any of these reports covers. */
export function latestQuarter(
  periods: { year: number; quarter: number | null }[],
): { year: number; quarter: number } | null {
  let best: { year: number; quarter: number } | null = null;
  for (const p of periods)
    if (p.quarter && (!best || p.year * 10 + p.quarter > best.year * 10 + best.quarter))
      best = { year: p.year, quarter: p.quarter };
  return best;
}
