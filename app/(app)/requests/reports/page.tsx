// The agency's quarterly or annual request report, printable: the publishable figures (1–4 shown
// as "fewer than 5"), whether it is a draft or published (frozen), and its CSV and JSON exports.
// The chief publishes it once the period is over.
import type { Metadata } from "next";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { can } from "@/lib/auth/authorize";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getReport, parsePeriod, reportJson } from "@/lib/requests/reports";
import { PublishReportButton } from "@/components/requests/publish-report-button";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { publishReportAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("requests"))("report.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReportPage({ searchParams }: Props) {
  const actor = await requireActor();
  const sp = await searchParams;
  const now = await currentTime(db());
  const period = (() => {
    try {
      return parsePeriod({ year: sp.year ?? now.getUTCFullYear(), quarter: sp.quarter ?? "" });
    } catch {
      return parsePeriod({ year: now.getUTCFullYear() });
    }
  })();
  const report = await loadOrNotFound(() => getReport({ db: db(), actor, period }));
  const [t, locale] = await Promise.all([getT("requests"), getLocale()]);
  const j = reportJson(report);
  const f = j.figures;
  const show = (v: number | string | null) => (v === "<5" ? t("report.fewerThanFive") : v === null ? "—" : String(v));
  const q = `year=${period.year}${period.quarter ? `&quarter=${period.quarter}` : ""}`;
  const title = period.quarter
    ? t("report.quarterTitle", { year: String(period.year), quarter: String(period.quarter) })
    : t("report.yearTitle", { year: String(period.year) });
  const line = (label: string, v: number | string | null, testId?: string) => (
    <tr className="border-b border-line">
      <th scope="row" className="p-2 text-left font-normal">
        {label}
      </th>
      <td className="p-2 text-right tabular-nums" data-testid={testId}>
        {show(v)}
      </td>
    </tr>
  );
  const link =
    "rounded-md border border-line bg-white px-3 py-2 text-sm font-semibold text-brand-dark hover:bg-slate-100 print:hidden";
  return (
    <>
      <PageHeader
        title={`${title} — ${report.agencyName}`}
        description={
          report.publishedAt
            ? t("report.published", { at: formatDateTime(report.publishedAt, actor.agencyTimeZone, locale) })
            : t("report.draft")
        }
        actions={
          <>
            <a className={link} href={`/requests/reports/export?${q}&format=csv`}>
              {t("report.csv")}
            </a>
            <a className={link} href={`/requests/reports/export?${q}&format=json`}>
              {t("report.json")}
            </a>
          </>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 print:hidden" aria-label={t("report.choose")}>
        <TextField
          label={t("report.year")}
          name="year"
          type="number"
          defaultValue={String(period.year)}
          min={2000}
          max={2100}
        />
        <TextField
          label={t("report.quarter")}
          name="quarter"
          type="number"
          defaultValue={period.quarter ? String(period.quarter) : ""}
          min={1}
          max={4}
          hint={t("report.quarterHint")}
        />
        <Button type="submit" variant="secondary">
          {t("report.show")}
        </Button>
      </form>
      <p className="mb-4 text-sm text-muted">
        {t("report.periodNote", {
          start: formatDate(report.start, actor.agencyTimeZone, locale),
          end: formatDate(new Date(report.end.getTime() - 1), actor.agencyTimeZone, locale),
        })}{" "}
        {t("report.suppressionNote")}
      </p>
      <table className="mb-6 w-full max-w-2xl border-collapse bg-white text-sm" data-testid="report-table">
        <caption className="p-2 text-left font-semibold">{t("report.requests")}</caption>
        <tbody>
          {line(t("oversight.total"), f.requests, "report-requests")}
          {Object.entries(f.byKindAndDecision).flatMap(([kind, m]) =>
            Object.entries(m).map(([d, n]) => (
              <tr key={`${kind}-${d}`} className="border-b border-line">
                <th scope="row" className="p-2 text-left font-normal">
                  {t(`kinds.${kind}`)} — {d === "PENDING" ? t("queue.pending") : t(`decisions.${d}`)}
                </th>
                <td className="p-2 text-right tabular-nums">{show(n)}</td>
              </tr>
            )),
          )}
          {line(t("report.detainersWith"), f.detainers.withJudicialWarrant)}
          {line(t("report.detainersWithout"), f.detainers.withoutJudicialWarrant, "report-detainers-without")}
          {line(t("report.transfersWith"), f.transfers.withJudicialWarrant)}
          {line(t("report.transfersWithout"), f.transfers.withoutJudicialWarrant)}
          {line(t("report.interviews"), f.interviews.total)}
          {line(t("report.counselNotified"), f.interviews.counselNotified)}
          {line(t("oversight.departures"), f.departures, "report-departures")}
          {line(
            t("oversight.median"),
            typeof f.medianMinutesToDecision === "number"
              ? t("oversight.minutes", { n: Math.round(f.medianMinutesToDecision) })
              : null,
          )}
          {line(t("report.corrections"), f.corrections)}
        </tbody>
      </table>
      <table className="w-full max-w-2xl border-collapse bg-white text-sm">
        <caption className="p-2 text-left font-semibold">{t("report.coordination")}</caption>
        <tbody>
          {line(t("report.noticesReceived"), f.notices.received)}
          {Object.entries(f.notices.medianLeadMinutesByLevel).map(([level, m]) => (
            <tr key={level} className="border-b border-line">
              <th scope="row" className="p-2 text-left font-normal">
                {t("report.medianLead", { level: t(`levels.${level}`) })}
              </th>
              <td className="p-2 text-right tabular-nums">
                {typeof m === "number" ? t("oversight.minutes", { n: Math.round(m) }) : "—"}
              </td>
            </tr>
          ))}
          {line(t("report.late"), f.notices.late)}
          {line(t("report.exigent"), f.notices.exigent)}
          {line(t("report.conflicts"), f.conflicts.found)}
          {Object.entries(f.conflicts.byOutcome).map(([k, n]) => (
            <tr key={k} className="border-b border-line">
              <th scope="row" className="p-2 text-left font-normal">
                {t("report.conflictOutcome", { outcome: k })}
              </th>
              <td className="p-2 text-right tabular-nums">{show(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!report.publishedAt && can(actor, { roles: ["CHIEF"], agencyId: actor.agencyId }) && report.end <= now ? (
        <div className="mt-6 print:hidden">
          <PublishReportButton year={period.year} quarter={period.quarter} action={publishReportAction} />
        </div>
      ) : null}
    </>
  );
}
