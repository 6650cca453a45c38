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

const CSV_FIGURES = [
  ["requests", (f: PublishedFigures) => [f.requests]],
  ["complied", (f: PublishedFigures) => decisionCount(f, "COMPLIED")],
  ["declined", (f: PublishedFigures) => decisionCount(f, "DECLINED")],
  ["detainersWithoutJudicialWarrant", (f: PublishedFigures) => [f.detainers.withoutJudicialWarrant]],
  ["departures", (f: PublishedFigures) => [f.departures]],
] as const;

/** A spreadsheet cell: quoted when needed, and never read as a formula. */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The statewide roll-up of one quarter as CSV: a row per agency with its published figures
 * ("<5" where withheld), then the total, which reads ">=N" where a part was withheld.
 */
export function statewideCsv(
  period: { year: number; quarter: number },
  rows: { agency: { slug: string; name: string }; figures: PublishedFigures }[],
): string {
  const sum = (counts: Count[]) => counts.reduce<RollupFigure>((a, c) => add(a, c), zero());
  const lines = [["year", "quarter", "agencySlug", "agency", ...CSV_FIGURES.map(([k]) => k)].join(",")];
  for (const r of rows) {
    const values = CSV_FIGURES.map(([, pick]) => {
      const counts = pick(r.figures);
      const total = sum(counts);
      return counts.length === 1 ? String(counts[0]) : total.partial ? `>=${total.atLeast}` : String(total.atLeast);
    });
    lines.push([period.year, period.quarter, cell(r.agency.slug), cell(r.agency.name), ...values].join(","));
  }
  const totals = CSV_FIGURES.map(([, pick]) => {
    const t = sum(rows.flatMap((r) => pick(r.figures)));
    return t.partial ? `>=${t.atLeast}` : String(t.atLeast);
  });
  lines.push([period.year, period.quarter, "", "total", ...totals].join(","));
  return `${lines.join("\r\n")}\r\n`;
}
