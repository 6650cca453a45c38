// The statewide roll-up: every participating agency's published figures for the latest quarter
// side by side, and the totals across them. A total adds only published figures, so where an
// agency's count was withheld ("fewer than 5") the total reads "at least".
import type { Metadata } from "next";
import { BarChart } from "@/components/charts/bar-chart";
import { getT } from "@/app/_i18n/server";
import { headline, latestQuarter } from "@/lib/public-record/rollup";
import { cachedAllRecords } from "../_lib/cache";
import { showCount, showRollup } from "../_lib/figures";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("publicRecord");
  return { title: t("public.statewideTitle") };
}

export default async function StatewidePage() {
  const [t, records] = await Promise.all([getT("publicRecord"), cachedAllRecords()]);
  const latest = latestQuarter(records.flatMap((r) => r.reports));
  const rows = latest
    ? records.flatMap((r) => {
        const rep = r.reports.find((p) => p.year === latest.year && p.quarter === latest.quarter);
        return rep ? [{ agency: r.agency, figures: rep.figures }] : [];
      })
    : [];
  const h = headline(rows.map((r) => r.figures as never));

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("public.statewideTitle")}</h1>
        <p className="mt-2 max-w-3xl">{t("public.statewideIntro")}</p>
      </div>
      {!latest ? (
        <p>{t("public.noReports")}</p>
      ) : (
        <>
          <BarChart
            id="chart-statewide"
            title={t("public.charts.statewide", { quarter: latest.quarter, year: String(latest.year) })}
            summary={t("public.charts.statewideSummary", { count: rows.length, total: showRollup(h.requests, t) })}
            series={[
              { key: "requests", label: t("public.figures.requests"), color: "#1d4ed8" },
              { key: "departures", label: t("public.figures.departures"), color: "#b91c1c" },
            ]}
            rows={rows.map((r) => ({
              label: r.agency.shortName,
              values: { requests: r.figures.requests, departures: r.figures.departures },
            }))}
            labels={{ period: t("public.agency"), withheld: t("public.fewerThanFive"), table: t("public.chartTable") }}
          />
          <p className="text-sm">
            <a className="text-brand underline" href="/transparency/statewide.csv" download>
              {t("rollup.downloadCsv")}
            </a>
          </p>
          <div className="overflow-x-auto rounded-lg border border-line bg-white">
            <table className="w-full text-left text-sm" data-testid="statewide-table">
              <caption className="px-3 py-2 text-left font-semibold">
                {t("public.statewideCaption", { quarter: latest.quarter, year: String(latest.year) })}
              </caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("public.agency")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("public.figures.requests")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("public.figures.detainersWithout")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("public.figures.departures")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.agency.slug} className="border-t border-line">
                    <th scope="row" className="px-3 py-1 font-normal">
                      <a className="text-brand underline" href={`/transparency/${r.agency.slug}`}>
                        {r.agency.name}
                      </a>
                    </th>
                    <td className="px-3 py-1 tabular-nums">{showCount(r.figures.requests, t)}</td>
                    <td className="px-3 py-1 tabular-nums">
                      {showCount(r.figures.detainers.withoutJudicialWarrant, t)}
                    </td>
                    <td className="px-3 py-1 tabular-nums">{showCount(r.figures.departures, t)}</td>
                  </tr>
                ))}
                <tr className="border-t-2 border-ink font-semibold">
                  <th scope="row" className="px-3 py-1">
                    {t("public.total")}
                  </th>
                  <td className="px-3 py-1 tabular-nums">{showRollup(h.requests, t)}</td>
                  <td className="px-3 py-1 tabular-nums">{showRollup(h.detainersWithoutWarrant, t)}</td>
                  <td className="px-3 py-1 tabular-nums">{showRollup(h.departures, t)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
