// The figures of a quarterly or annual report, built from the request log and the notices and
// conflicts of the same period. Pure: plain rows in, figures out. `publishable` turns every
// count of 1–4 into "<5" (small counts could identify a person); zero and 5+ stay as they are.
import type { FederalRequestKind, RequestDecision } from "../db/generated/enums";
import { hasJudicialWarrant } from "./evaluate";
import { median } from "./stats";

export const SUPPRESSED = "<5" as const;
export type Count = number | typeof SUPPRESSED;

export type ReportRequestRow = {
  kind: FederalRequestKind;
  basisDocument: Parameters<typeof hasJudicialWarrant>[0]["basisDocument"];
  basisSignedByJudge: boolean;
  decision: RequestDecision | null;
  departure: boolean;
  counselNotified: boolean | null;
  receivedAt: Date;
  decidedAt: Date | null;
};
export type ReportNoticeRow = { senderLevel: string; leadMinutes: number; late: boolean; exigent: boolean };
export type ReportConflictRow = { status: string; outcome: string | null };

export type ReportFigures = {
  requests: number;
  byKindAndDecision: Record<string, Record<string, number>>;
  detainers: { withJudicialWarrant: number; withoutJudicialWarrant: number };
  transfers: { withJudicialWarrant: number; withoutJudicialWarrant: number };
  interviews: { total: number; counselNotified: number };
  departures: number;
  medianMinutesToDecision: number | null;
  notices: { received: number; late: number; exigent: number; medianLeadMinutesByLevel: Record<string, number | null> };
  conflicts: { found: number; byOutcome: Record<string, number> };
  corrections: number;
};

export function buildFigures(o: {
  requests: ReportRequestRow[];
  notices: ReportNoticeRow[];
  conflicts: ReportConflictRow[];
  corrections: number;
}): ReportFigures {
  const byKindAndDecision: Record<string, Record<string, number>> = {};
  for (const r of o.requests) {
    const d = r.decision ?? "PENDING";
    byKindAndDecision[r.kind] ??= {};
    byKindAndDecision[r.kind][d] = (byKindAndDecision[r.kind][d] ?? 0) + 1;
  }
  const split = (kind: FederalRequestKind) => {
    const rows = o.requests.filter((r) => r.kind === kind);
    const judicial = rows.filter((r) => hasJudicialWarrant(r)).length;
    return { withJudicialWarrant: judicial, withoutJudicialWarrant: rows.length - judicial };
  };
  const interviews = o.requests.filter((r) => r.kind === "CUSTODIAL_INTERVIEW");
  const decided = o.requests.filter((r) => r.decidedAt);
  const levels = [...new Set(o.notices.map((n) => n.senderLevel))].sort();
  const byOutcome: Record<string, number> = {};
  for (const c of o.conflicts) {
    const k = c.outcome ?? c.status;
    byOutcome[k] = (byOutcome[k] ?? 0) + 1;
  }
  return {
    requests: o.requests.length,
    byKindAndDecision,
    detainers: split("DETAINER"),
    transfers: split("CUSTODY_TRANSFER"),
    interviews: { total: interviews.length, counselNotified: interviews.filter((r) => r.counselNotified).length },
    departures: o.requests.filter((r) => r.departure).length,
    medianMinutesToDecision: median(
      decided.map((r) => Math.round((r.decidedAt!.getTime() - r.receivedAt.getTime()) / 60_000)),
    ),
    notices: {
      received: o.notices.length,
      late: o.notices.filter((n) => n.late).length,
      exigent: o.notices.filter((n) => n.exigent).length,
      medianLeadMinutesByLevel: Object.fromEntries(
        levels.map((l) => [l, median(o.notices.filter((n) => n.senderLevel === l).map((n) => n.leadMinutes))]),
      ),
    },
    conflicts: { found: o.conflicts.length, byOutcome },
    corrections: o.corrections,
  };
}

export const suppress = (n: number): Count => (n >= 1 && n <= 4 ? SUPPRESSED : n);

type Publishable<T> = T extends number
  ? Count
  : T extends null
    ? null
    : T extends object
      ? { [K in keyof T]: Publishable<T[K]> }
      : T;

/** Every count with 1–4 shown as "<5"; medians (not counts) are kept, and withheld when computed from fewer than 5 values. */
export function publishable(f: ReportFigures): Publishable<ReportFigures> {
  const deep = (v: unknown): unknown =>
    typeof v === "number"
      ? suppress(v)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]))
        : v;
  const out = deep({
    ...f,
    medianMinutesToDecision: 0,
    notices: { ...f.notices, medianLeadMinutesByLevel: {} },
  }) as Publishable<ReportFigures>;
  const decidedCount = Object.values(f.byKindAndDecision).reduce(
    (s, m) =>
      s +
      Object.entries(m)
        .filter(([d]) => d !== "PENDING")
        .reduce((a, [, n]) => a + n, 0),
    0,
  );
  (out as { medianMinutesToDecision: number | null }).medianMinutesToDecision =
    decidedCount >= 5 ? f.medianMinutesToDecision : null;
  (out.notices as { medianLeadMinutesByLevel: Record<string, number | null> }).medianLeadMinutesByLevel =
    f.notices.received >= 5
      ? f.notices.medianLeadMinutesByLevel
      : Object.fromEntries(Object.keys(f.notices.medianLeadMinutesByLevel).map((k) => [k, null]));
  return out;
}
