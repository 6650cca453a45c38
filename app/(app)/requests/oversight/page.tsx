// The auditor's view of the agency's requests: filters, totals by kind, decision, legal basis and
// category, the departures from policy, the median time to decision, and a CSV export.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { listForOversight, parseFilter } from "@/lib/requests/read-requests";
import { oversightStats } from "@/lib/requests/stats";
import { BASIS_DOCUMENTS, OFFENCE_CATEGORIES, REQUEST_DECISIONS, REQUEST_KINDS } from "@/lib/validation/request";
import { DecisionBadge } from "@/components/requests/request-labels";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("requests"))("oversight.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OversightPage({ searchParams }: Props) {
  const actor = await requireActor();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const filter = (() => {
    try {
      return parseFilter(raw);
    } catch {
      return parseFilter({});
    }
  })();
  const rows = await loadOrNotFound(() => listForOversight({ db: db(), actor, filter }));
  const [t, tc, locale] = await Promise.all([getT("requests"), getT("common"), getLocale()]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);
  const stats = oversightStats(rows.map((r) => ({ ...r, departure: r.internal?.departure ?? false })));
  const query = new URLSearchParams(raw).toString();
  const totals = (title: string, counts: Record<string, number>, label: (k: string) => string, testId: string) => (
    <section className="rounded-lg border border-line bg-white p-4" aria-label={title}>
      <h2 className="mb-2 font-semibold">{title}</h2>
      <table className="w-full text-sm" data-testid={testId}>
        <tbody>
          {Object.entries(counts).map(([k, n]) => (
            <tr key={k}>
              <th scope="row" className="text-left font-normal">
                {label(k)}
              </th>
              <td className="text-right tabular-nums">{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
  const select = (name: string, label: string, values: readonly string[], text: (v: string) => string) => (
    <SelectField label={label} name={name} defaultValue={raw[name] ?? ""}>
      <option value="">{t("oversight.any")}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {text(v)}
        </option>
      ))}
    </SelectField>
  );
  return (
    <>
      <PageHeader
        title={t("oversight.title")}
        description={t("oversight.description")}
        actions={
          <a
            href={`/requests/oversight/export${query ? `?${query}` : ""}`}
            className="rounded-md border border-line bg-white px-3 py-2 text-sm font-semibold text-brand-dark hover:bg-slate-100"
            data-testid="oversight-export"
          >
            {t("oversight.export")}
          </a>
        }
      />
      <form
        method="get"
        className="mb-6 grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-4"
        aria-label={t("oversight.filters")}
      >
        {select("kind", t("form.kind"), REQUEST_KINDS, (v) => t(`kinds.${v}`))}
        {select("decision", t("decide.decision"), REQUEST_DECISIONS, (v) => t(`decisions.${v}`))}
        {select("basis", t("form.basisDocument"), BASIS_DOCUMENTS, (v) => t(`documents.${v}`))}
        {select("category", t("form.offenceCategory"), OFFENCE_CATEGORIES, (v) => t(`categories.${v}`))}
        {select("departure", t("oversight.departure"), ["true", "false"], (v) => (v === "true" ? tc("yes") : tc("no")))}
        <TextField label={t("oversight.from")} name="from" type="date" defaultValue={raw.from ?? ""} />
        <TextField label={t("oversight.to")} name="to" type="date" defaultValue={raw.to ?? ""} />
        <div className="flex items-end">
          <Button type="submit">{t("oversight.apply")}</Button>
        </div>
      </form>
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <section className="rounded-lg border border-line bg-white p-4" aria-label={t("oversight.summary")}>
          <dl className="grid grid-cols-[1fr_auto] gap-y-1 text-sm" data-testid="oversight-summary">
            <dt>{t("oversight.total")}</dt>
            <dd className="tabular-nums">{stats.total}</dd>
            <dt>{t("queue.pending")}</dt>
            <dd className="tabular-nums">{stats.pending}</dd>
            <dt>{t("oversight.departures")}</dt>
            <dd className="tabular-nums" data-testid="oversight-departures">
              {stats.departures}
            </dd>
            <dt>{t("oversight.median")}</dt>
            <dd className="tabular-nums">
              {stats.medianMinutesToDecision === null
                ? "—"
                : t("oversight.minutes", { n: Math.round(stats.medianMinutesToDecision) })}
            </dd>
          </dl>
        </section>
        {totals(t("oversight.byKind"), stats.byKind, (k) => t(`kinds.${k}`), "by-kind")}
        {totals(
          t("oversight.byDecision"),
          stats.byDecision,
          (k) => (k === "PENDING" ? t("queue.pending") : t(`decisions.${k}`)),
          "by-decision",
        )}
        {totals(t("oversight.byBasis"), stats.byBasis, (k) => t(`documents.${k}`), "by-basis")}
        {totals(t("oversight.byCategory"), stats.byCategory, (k) => t(`categories.${k}`), "by-category")}
      </div>
      <p className="mb-2 text-sm text-muted">{tc("timeZoneNote", { zone: zoneLabel(actor.agencyTimeZone, locale) })}</p>
      <table
        className="w-full border-collapse rounded-lg border border-line bg-white text-sm"
        data-testid="oversight-table"
      >
        <thead>
          <tr className="border-b border-line text-left">
            <th scope="col" className="p-2">
              {t("oversight.ref")}
            </th>
            <th scope="col" className="p-2">
              {t("form.kind")}
            </th>
            <th scope="col" className="p-2">
              {t("detail.received")}
            </th>
            <th scope="col" className="p-2">
              {t("detail.basis")}
            </th>
            <th scope="col" className="p-2">
              {t("detail.status")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-line" data-testid="oversight-row" data-request-id={r.id}>
              <td className="p-2">
                <Link href={`/requests/${r.id}`} className="text-brand-dark underline">
                  {r.ref}
                </Link>
              </td>
              <td className="p-2">{t(`kinds.${r.kind}`)}</td>
              <td className="p-2">{when(r.receivedAt)}</td>
              <td className="p-2">{t(`documents.${r.basisDocument}`)}</td>
              <td className="p-2">
                <DecisionBadge t={t} decision={r.decision} departure={r.internal?.departure} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
