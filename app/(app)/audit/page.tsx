// The audit log for an agency's auditors and admins: their own agency's events, newest first, each
// as a sentence in the reader's language with links to the records it names; codes, ids and
// recorded data are folded under "Details". Filtered by a plain GET form (action group, outcome,
// person, dates in the agency's zone), paged by sequence number, downloadable as CSV.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { ListIssues } from "@/components/lists/list-paging";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { AUDIT_GROUP_NAMES } from "@/lib/audit/action-codes";
import { describeEvents, type EventView } from "@/lib/audit/describe";
import { AUDIT_EXPORT_MAX } from "@/lib/audit/export-csv";
import { auditActorChoices, queryAuditLog } from "@/lib/audit/query";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { AUDIT_OUTCOMES, auditFilterSchema, auditFilterStrictSchema, type AuditFilter } from "@/lib/validation/audit";
import { firstValues, parseListQuery } from "@/lib/validation/lists";
import { loadOrNotFound } from "../admin/_lib/load-or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("audit");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const OUTCOME_TONE = { SUCCESS: "ok", FAILURE: "warn", DENIED: "danger" } as const;
const input = "rounded-md border border-slate-400 bg-white px-3 py-2";
const FILTER_KEYS = ["group", "action", "outcome", "actor", "from", "to"] as const;

function query(filter: AuditFilter, cursor: { before?: string; after?: string } = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key]) params.set(key, filter[key]!);
  if (cursor.before) params.set("before", cursor.before);
  if (cursor.after) params.set("after", cursor.after);
  return params.toString();
}

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActor();
  const { input: clean, issues } = parseListQuery(auditFilterStrictSchema, firstValues(await searchParams));
  const filter = auditFilterSchema.parse(clean);
  const [t, ta, tl, tc, tAll, locale] = await Promise.all([
    getT("audit"),
    getT("auditlog"),
    getT("lists"),
    getT("common"),
    getT(),
    getLocale(),
  ]);
  const [page, people, events] = await loadOrNotFound(async () => {
    const [p, choices] = await Promise.all([queryAuditLog({ actor, filter }), auditActorChoices({ actor })]);
    return [p, choices, await describeEvents({ db: db(), actor, events: p.events, t: tAll })] as const;
  });
  const filtered = FILTER_KEYS.some((k) => filter[k]);
  const zone = zoneLabel(actor.agencyTimeZone, locale);
  const pageHref = (cursor: { before?: string; after?: string }) => `/audit?${query(filter, cursor)}`;

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { agency: actor.agencyName })} />
      {/* Keyed by the filter, so "Clear filters" (a client-side navigation) also resets the fields. */}
      <form
        key={JSON.stringify(filter)}
        method="get"
        role="search"
        aria-label={t("filters.legend")}
        className="mb-4 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-white p-4"
        data-testid="audit-filters"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="group" className="text-sm font-medium">
            {ta("group")}
          </label>
          <select id="group" name="group" defaultValue={filter.group ?? ""} className={input}>
            <option value="">{t("filters.any")}</option>
            {AUDIT_GROUP_NAMES.map((g) => (
              <option key={g} value={g}>
                {ta(`groups.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="outcome" className="text-sm font-medium">
            {t("filters.outcome")}
          </label>
          <select id="outcome" name="outcome" defaultValue={filter.outcome ?? ""} className={input}>
            <option value="">{t("filters.any")}</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcomes.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="actor" className="text-sm font-medium">
            {t("filters.actor")}
          </label>
          <select id="actor" name="actor" defaultValue={filter.actor ?? ""} className={`${input} max-w-[18rem]`}>
            <option value="">{t("filters.any")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{`${p.name} (${p.email})`}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="from" className="text-sm font-medium">
            {t("filters.from")}
          </label>
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={filter.from ?? ""}
            aria-describedby="dates-hint"
            className={input}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="text-sm font-medium">
            {t("filters.to")}
          </label>
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={filter.to ?? ""}
            aria-describedby="dates-hint"
            className={input}
          />
        </div>
        {filter.action ? <input type="hidden" name="action" value={filter.action} /> : null}
        <button
          type="submit"
          className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark"
        >
          {t("filters.apply")}
        </button>
        {filtered ? (
          <Link href="/audit" className="py-2 text-sm text-brand underline">
            {t("filters.clear")}
          </Link>
        ) : null}
        <p id="dates-hint" className="basis-full text-xs text-muted">
          {tc("timeZoneNote", { zone })}
          {filter.action ? (
            <span data-testid="audit-code-filter"> · {ta("codeFilter", { action: filter.action })}</span>
          ) : null}
        </p>
      </form>
      <ListIssues issues={issues} t={tl} tAll={tAll} />
      <p className="mb-2 flex flex-wrap items-center gap-3 text-sm">
        <a
          href={`/audit/export?${query(filter)}`}
          className="font-medium text-brand underline"
          data-testid="audit-export"
          download
        >
          {ta("export")}
        </a>
        <span className="text-muted">{ta("exportHint", { max: AUDIT_EXPORT_MAX })}</span>
      </p>
      {events.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-4" data-testid="audit-empty">
          {t("none")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm" data-testid="audit-table">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                {(["when", "event", "outcome"] as const).map((c) => (
                  <th key={c} scope="col" className="px-3 py-2">
                    {ta(`columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <EventRow
                  key={e.seq}
                  event={e}
                  when={formatDateTime(e.at, actor.agencyTimeZone, locale)}
                  outcome={t(`outcomes.${e.outcome}`)}
                  ta={ta}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("pages")} className="mt-4 flex gap-4">
        {page.newer ? (
          <Link href={pageHref({ after: page.newer })} className="text-brand underline" data-testid="audit-newer">
            {t("newer")}
          </Link>
        ) : null}
        {page.older ? (
          <Link href={pageHref({ before: page.older })} className="text-brand underline" data-testid="audit-older">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}

function EventRow({ event: e, when, outcome, ta }: { event: EventView; when: string; outcome: string; ta: Translate }) {
  const details = e.details === null || e.details === undefined ? null : JSON.stringify(e.details, null, 2);
  return (
    <tr className="border-t border-line align-top" data-testid="audit-row" data-seq={e.seq} data-action={e.action}>
      <td className="whitespace-nowrap px-3 py-2" data-testid="audit-when">
        {when}
      </td>
      <td className="px-3 py-2">
        <p data-testid="audit-sentence">
          {e.parts.map((p, i) =>
            typeof p === "string" ? (
              <span key={i}>{p}</span>
            ) : p.href ? (
              <Link key={i} href={p.href} className="font-medium text-brand underline">
                {p.text}
              </Link>
            ) : (
              <span key={i} className="font-medium">
                {p.text}
              </span>
            ),
          )}
        </p>
        <details className="mt-1 text-xs text-muted">
          <summary className="cursor-pointer">{ta("details.summary")}</summary>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            <dt>{ta("details.seq")}</dt>
            <dd className="tabular-nums">{e.seq}</dd>
            <dt>{ta("details.code")}</dt>
            <dd>
              <code className="font-mono">{e.action}</code>
            </dd>
            <dt>{ta("details.utc")}</dt>
            <dd className="font-mono">{e.at.toISOString()}</dd>
            {e.targetType ? (
              <>
                <dt>{ta("details.target")}</dt>
                <dd className="font-mono break-all">{`${e.targetType} ${e.targetId ?? ""}`}</dd>
              </>
            ) : null}
            {e.requestId ? (
              <>
                <dt>{ta("details.requestId")}</dt>
                <dd className="font-mono break-all">{e.requestId}</dd>
              </>
            ) : null}
            {e.sourceIp ? (
              <>
                <dt>{ta("details.sourceIp")}</dt>
                <dd className="font-mono">{e.sourceIp}</dd>
              </>
            ) : null}
            {details ? (
              <>
                <dt>{ta("details.recorded")}</dt>
                <dd>
                  <pre className="max-w-xl overflow-x-auto whitespace-pre-wrap break-all font-mono">
                    {details.length > 2_000 ? `${details.slice(0, 2_000)}…` : details}
                  </pre>
                </dd>
              </>
            ) : null}
          </dl>
        </details>
      </td>
      <td className="px-3 py-2">
        <Badge tone={OUTCOME_TONE[e.outcome]}>{outcome}</Badge>
      </td>
    </tr>
  );
}
