// An agency's public page: its statement, its 287(g) agreement, its published policies and its
// published reports over time (charts with their tables, then each report's own table and
// downloads). Only what the agency published; an agency that published nothing is not found.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BarChart, type ChartRow } from "@/components/charts/bar-chart";
import { PolicyMarkdown } from "@/components/public-record/markdown";
import { getLocale, getT } from "@/app/_i18n/server";
import { cachedAgencyRecord } from "../_lib/cache";
import { quarterLabel } from "../_lib/figures";
import { calendarDay, localized } from "../_lib/localize";
import { ReportTable } from "../_components/report-table";

type Props = { params: Promise<{ slug: string }> };

const DECISION_ORDER = [
  "COMPLIED",
  "PARTIALLY_COMPLIED",
  "DECLINED",
  "REFERRED_TO_COUNSEL",
  "NOT_APPLICABLE",
  "PENDING",
];
const PALETTE = ["#7c3aed", "#0369a1", "#0f766e", "#b45309", "#475569", "#be123c"];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const record = await cachedAgencyRecord((await params).slug);
  return { title: record?.agency.name ?? "—" };
}

export default async function AgencyTransparencyPage({ params }: Props) {
  const { slug } = await params;
  const record = await cachedAgencyRecord(slug);
  if (!record) notFound();
  const [t, tr, locale] = await Promise.all([getT("publicRecord"), getT("requests"), getLocale()]);
  const { agency, documents, reports } = record;
  const statement = documents.find((d) => d.kind === "STATEMENT");
  const agreement = documents.find((d) => d.kind === "AGREEMENT_287G");
  const policies = documents.filter((d) => d.kind === "POLICY");
  const quarters = reports.filter((r) => r.kind === "QUARTER");
  const rows = (
    pick: (f: (typeof quarters)[number]["figures"]) => Record<string, ChartRow["values"][string]>,
  ): ChartRow[] => quarters.map((q) => ({ label: quarterLabel(q), values: pick(q.figures) }));
  const chartLabels = {
    period: t("public.period"),
    withheld: t("public.fewerThanFive"),
    table: t("public.chartTable"),
  };
  const total = quarters.reduce((s, q) => s + (typeof q.figures.requests === "number" ? q.figures.requests : 0), 0);
  // Every answer the agency gave a detainer in any quarter, in a fixed order.
  const detainerDecisions = DECISION_ORDER.filter((d) =>
    quarters.some((q) => q.figures.byKindAndDecision.DETAINER?.[d] !== undefined),
  );
  const first = quarters[0];
  const last = quarters[quarters.length - 1];

  return (
    <div className="flex flex-col gap-10">
      <div>
        <p className="text-sm">
          <a href="/transparency" className="text-brand underline">
            {t("public.backToOverview")}
          </a>
        </p>
        <h1 className="mt-1 text-2xl font-bold">{agency.name}</h1>
      </div>

      {statement ? (
        <section aria-labelledby="statement-title" data-testid="statement">
          <h2 id="statement-title" className="text-xl font-semibold">
            {t("public.statementTitle")}
          </h2>
          <div
            lang={localized(statement.current, locale).lang}
            className="mt-2 rounded-lg border border-line bg-white p-4"
          >
            <PolicyMarkdown text={localized(statement.current, locale).body} />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="agreement-title" data-testid="agreement">
        <h2 id="agreement-title" className="text-xl font-semibold">
          {t("public.agreementTitle")}
        </h2>
        {agreement ? (
          <div
            className="mt-2 rounded-lg border border-line bg-white p-4"
            lang={localized(agreement.current, locale).lang}
          >
            <dl className="grid gap-2 sm:grid-cols-2">
              <div>
                <dt className="text-sm text-muted">{t("fields.agreementStatus")}</dt>
                <dd className="font-semibold" data-testid="agreement-status">
                  {t(`status.${agreement.current.agreementStatus ?? "NONE"}`)}
                </dd>
              </div>
              {agreement.current.agreementModel ? (
                <div>
                  <dt className="text-sm text-muted">{t("fields.agreementModel")}</dt>
                  <dd>{t(`models.${agreement.current.agreementModel}`)}</dd>
                </div>
              ) : null}
              {agreement.current.signedOn ? (
                <div>
                  <dt className="text-sm text-muted">{t("fields.signedOn")}</dt>
                  <dd>{calendarDay(agreement.current.signedOn, locale)}</dd>
                </div>
              ) : null}
              {agreement.current.renewalOn ? (
                <div>
                  <dt className="text-sm text-muted">{t("fields.renewalOn")}</dt>
                  <dd>{calendarDay(agreement.current.renewalOn, locale)}</dd>
                </div>
              ) : null}
              {agreement.current.designatedOfficers !== null ? (
                <div>
                  <dt className="text-sm text-muted">{t("fields.designatedOfficers")}</dt>
                  <dd>{agreement.current.designatedOfficers}</dd>
                </div>
              ) : null}
            </dl>
            <h3 className="mt-3 font-semibold">{t("public.scope")}</h3>
            <p className="mt-1">{localized(agreement.current, locale).summary}</p>
            <p className="mt-2">
              <a className="text-brand underline" href={`/transparency/${agency.slug}/documents/${agreement.slug}`}>
                {t("public.readAgreement")}
              </a>
            </p>
          </div>
        ) : (
          <p className="mt-2">{t("public.noAgreement")}</p>
        )}
      </section>

      <section aria-labelledby="policies-title" data-testid="policies">
        <h2 id="policies-title" className="text-xl font-semibold">
          {t("public.policiesTitle")}
        </h2>
        {policies.length === 0 ? <p className="mt-2">{t("public.noPolicies")}</p> : null}
        <ul className="mt-2 flex flex-col gap-3">
          {policies.map((p) => {
            const text = localized(p.current, locale);
            return (
              <li key={p.slug} className="rounded-lg border border-line bg-white p-4" lang={text.lang}>
                <h3 className="text-lg font-semibold">
                  <a className="text-brand underline" href={`/transparency/${agency.slug}/documents/${p.slug}`}>
                    {text.title}
                  </a>
                </h3>
                <p className="text-sm text-muted">
                  {p.current.effectiveOn
                    ? t("public.effective", { date: calendarDay(p.current.effectiveOn, locale) })
                    : null}
                  {p.current.nextReviewOn
                    ? ` · ${t("public.nextReview", { date: calendarDay(p.current.nextReviewOn, locale) })}`
                    : null}
                  {` · ${t("public.versionCount", { count: p.versions })}`}
                </p>
                <p className="mt-2">{text.summary}</p>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="reports-title" className="flex flex-col gap-4">
        <h2 id="reports-title" className="text-xl font-semibold">
          {t("public.reportsTitle")}
        </h2>
        <p className="text-sm text-muted">{t("public.suppressionNote")}</p>
        {quarters.length === 0 ? (
          <p>{t("public.noReports")}</p>
        ) : (
          <>
            <BarChart
              id="chart-requests"
              title={t("public.charts.requests")}
              summary={t("public.charts.requestsSummary", {
                count: quarters.length,
                total,
                first: quarterLabel(first),
                last: quarterLabel(last),
              })}
              series={[{ key: "requests", label: t("public.figures.requests"), color: "#1d4ed8" }]}
              rows={rows((f) => ({ requests: f.requests }))}
              labels={chartLabels}
            />
            <BarChart
              id="chart-detainers"
              title={t("public.charts.detainers")}
              summary={t("public.charts.detainersSummary", { first: quarterLabel(first), last: quarterLabel(last) })}
              series={[
                { key: "with", label: t("public.figures.detainersWith"), color: "#15803d" },
                { key: "without", label: t("public.figures.detainersWithout"), color: "#b45309" },
              ]}
              rows={rows((f) => ({
                with: f.detainers.withJudicialWarrant,
                without: f.detainers.withoutJudicialWarrant,
              }))}
              labels={chartLabels}
            />
            <BarChart
              id="chart-decisions"
              title={t("public.charts.decisions")}
              summary={t("public.charts.decisionsSummary", { first: quarterLabel(first), last: quarterLabel(last) })}
              series={detainerDecisions.map((d, i) => ({
                key: d,
                label: d === "PENDING" ? t("public.pending") : tr(`decisions.${d}`),
                color: PALETTE[i % PALETTE.length],
              }))}
              rows={rows((f) =>
                Object.fromEntries(detainerDecisions.map((d) => [d, f.byKindAndDecision.DETAINER?.[d] ?? 0])),
              )}
              labels={chartLabels}
            />
          </>
        )}
        {[...reports].reverse().map((r) => (
          <div key={r.period} className="flex flex-col gap-2" data-testid="report">
            <h3 className="text-lg font-semibold">
              {r.quarter
                ? t("public.quarterReport", { quarter: r.quarter, year: String(r.year) })
                : t("public.yearReport", { year: String(r.year) })}
            </h3>
            <ReportTable report={r} title={t("public.reportCaption", { period: quarterLabel(r) })} t={t} tr={tr} />
            <p className="flex gap-4 text-sm">
              <a
                className="text-brand underline"
                href={`/transparency/${agency.slug}/reports/${r.period}.csv`}
                download
              >
                {t("public.downloadCsv", { period: quarterLabel(r) })}
              </a>
              <a
                className="text-brand underline"
                href={`/transparency/${agency.slug}/reports/${r.period}.json`}
                download
              >
                {t("public.downloadJson", { period: quarterLabel(r) })}
              </a>
            </p>
          </div>
        ))}
      </section>
    </div>
  );
}
