// One published report's figures as a table: what the CSV and JSON downloads hold, in words.
import type { Translate } from "@/lib/i18n/translate";
import type { PublicReportSummary } from "@/lib/public-record/public-read";
import { showCount } from "../_lib/figures";

export function ReportTable({
  report,
  title,
  t,
  tr,
}: {
  report: PublicReportSummary;
  title: string;
  t: Translate;
  tr: Translate;
}) {
  const f = report.figures;
  const rows: [string, string][] = [
    [t("public.figures.requests"), showCount(f.requests, t)],
    [t("public.figures.detainersWith"), showCount(f.detainers.withJudicialWarrant, t)],
    [t("public.figures.detainersWithout"), showCount(f.detainers.withoutJudicialWarrant, t)],
    [t("public.figures.transfersWith"), showCount(f.transfers.withJudicialWarrant, t)],
    [t("public.figures.transfersWithout"), showCount(f.transfers.withoutJudicialWarrant, t)],
    [t("public.figures.interviews"), showCount(f.interviews.total, t)],
    [t("public.figures.counselNotified"), showCount(f.interviews.counselNotified, t)],
    [t("public.figures.departures"), showCount(f.departures, t)],
    [
      t("public.figures.medianHours"),
      typeof f.medianMinutesToDecision === "number"
        ? String(Math.round((f.medianMinutesToDecision / 60) * 10) / 10)
        : t("public.withheldMedian"),
    ],
    [t("public.figures.corrections"), showCount(f.corrections, t)],
    ...Object.entries(f.byKindAndDecision).flatMap(([kind, decisions]) =>
      Object.entries(decisions).map(([d, c]): [string, string] => [
        `${tr(`kinds.${kind}`)}: ${d === "PENDING" ? t("public.pending") : tr(`decisions.${d}`)}`,
        showCount(c, t),
      ]),
    ),
  ];
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full text-left text-sm" data-testid={`report-table-${report.period}`}>
        <caption className="px-3 py-2 text-left font-semibold">{title}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("public.figure")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("public.value")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k} className="border-t border-line">
              <th scope="row" className="px-3 py-1 font-normal">
                {k}
              </th>
              <td className="px-3 py-1 tabular-nums">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
