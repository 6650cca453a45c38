// Oversight figures from a set of requests: totals by kind, decision, legal basis and offence
// category, the departures from policy and the median time to decision. Pure.
export type StatRow = {
  kind: string;
  decision: string | null;
  basisDocument: string;
  offenceCategory: string;
  departure: boolean;
  receivedAt: Date;
  decidedAt: Date | null;
};

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const countBy = (rows: StatRow[], key: (r: StatRow) => string) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
};

export function oversightStats(rows: StatRow[]) {
  const decided = rows.filter((r) => r.decidedAt);
  return {
    total: rows.length,
    pending: rows.length - decided.length,
    byKind: countBy(rows, (r) => r.kind),
    byDecision: countBy(decided, (r) => r.decision ?? "PENDING"),
    byBasis: countBy(rows, (r) => r.basisDocument),
    byCategory: countBy(rows, (r) => r.offenceCategory),
    departures: rows.filter((r) => r.departure).length,
    /** Minutes from receipt to decision, over decided requests. */
    medianMinutesToDecision: median(
      decided.map((r) => Math.round((r.decidedAt!.getTime() - r.receivedAt.getTime()) / 60_000)),
    ),
  };
}
