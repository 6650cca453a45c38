// The audit log for an agency's auditors and admins: their own agency's events, filtered by a
// plain GET form and paged by sequence number, times in the agency's zone with the zone named.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { auditActorChoices, queryAuditLog, type AuditRow } from "@/lib/audit/query";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { AUDIT_OUTCOMES, auditFilterSchema, type AuditFilter } from "@/lib/validation/audit";
import { loadOrNotFound } from "../admin/_lib/load-or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("audit");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const OUTCOME_TONE = { SUCCESS: "ok", FAILURE: "warn", DENIED: "danger" } as const;
const input = "rounded-md border border-slate-400 bg-white px-3 py-2";

function pageHref(filter: AuditFilter, cursor: { before?: string; after?: string }): string {
  const params = new URLSearchParams();
  for (const key of ["action", "outcome", "actor", "from", "to"] as const) if (filter[key]) params.set(key, filter[key]!);
  if (cursor.before) params.set("before", cursor.before);
  if (cursor.after) params.set("after", cursor.after);
  return `/audit?${params.toString()}`;
}

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActor();
  const filter = auditFilterSchema.parse(await searchParams);
  const [page, people] = await loadOrNotFound(() => Promise.all([queryAuditLog({ actor, filter }), auditActorChoices({ actor })]));
  const [t, tc, locale] = await Promise.all([getT("audit"), getT("common"), getLocale()]);
  const filtered = Boolean(filter.action || filter.outcome || filter.actor || filter.from || filter.to);

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { agency: actor.agencyName })} />
      {/* Keyed by the filter, so "Clear filters" (a client-side navigation) also resets the fields. */}
      <form key={JSON.stringify(filter)} method="get" aria-label={t("filters.legend")} className="mb-4 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-white p-4" data-testid="audit-filters">
        <div className="flex flex-col gap-1">
          <label htmlFor="action" className="text-sm font-medium">{t("filters.action")}</label>
          <input id="action" name="action" defaultValue={filter.action ?? ""} aria-describedby="action-hint" className={input} />
          <p id="action-hint" className="text-xs text-muted">{t("filters.actionHint")}</p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="outcome" className="text-sm font-medium">{t("filters.outcome")}</label>
          <select id="outcome" name="outcome" defaultValue={filter.outcome ?? ""} className={input}>
            <option value="">{t("filters.any")}</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>{t(`outcomes.${o}`)}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="actor" className="text-sm font-medium">{t("filters.actor")}</label>
          <select id="actor" name="actor" defaultValue={filter.actor ?? ""} className={input}>
            <option value="">{t("filters.any")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{`${p.name} (${p.email})`}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="from" className="text-sm font-medium">{t("filters.from")}</label>
          <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} className={input} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="text-sm font-medium">{t("filters.to")}</label>
          <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} className={input} />
        </div>
        <button type="submit" className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark">{t("filters.apply")}</button>
        {filtered ? <Link href="/audit" className="py-2 text-sm text-brand underline">{t("filters.clear")}</Link> : null}
      </form>
      <p className="mb-2 text-sm text-muted">{tc("timeZoneNote", { zone: zoneLabel(actor.agencyTimeZone, locale) })}</p>
      {page.events.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-4" data-testid="audit-empty">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm" data-testid="audit-table">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                {(["seq", "at", "actor", "action", "target", "outcome", "details"] as const).map((c) => (
                  <th key={c} scope="col" className="px-3 py-2">{t(`columns.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.events.map((e) => (
                <EventRow key={e.seq} event={e} when={formatDateTime(e.at, actor.agencyTimeZone, locale)} outcome={t(`outcomes.${e.outcome}`)} system={t("system")} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("pages")} className="mt-4 flex gap-4">
        {page.newer ? <Link href={pageHref(filter, { after: page.newer })} className="text-brand underline" data-testid="audit-newer">{t("newer")}</Link> : null}
        {page.older ? <Link href={pageHref(filter, { before: page.older })} className="text-brand underline" data-testid="audit-older">{t("older")}</Link> : null}
      </nav>
    </>
  );
}

function EventRow({ event: e, when, outcome, system }: { event: AuditRow; when: string; outcome: string; system: string }) {
  const details = e.details === null || e.details === undefined ? "" : JSON.stringify(e.details);
  return (
    <tr className="border-t border-line align-top" data-testid="audit-row">
      <td className="px-3 py-2 tabular-nums">{e.seq}</td>
      <td className="px-3 py-2 whitespace-nowrap">{when}</td>
      <td className="px-3 py-2">{e.actorLabel ?? system}</td>
      <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
      <td className="px-3 py-2 text-xs">{e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "—"}</td>
      <td className="px-3 py-2"><Badge tone={OUTCOME_TONE[e.outcome]}>{outcome}</Badge></td>
      <td className="max-w-md px-3 py-2 font-mono text-xs break-all">{details.length > 300 ? `${details.slice(0, 300)}…` : details}</td>
    </tr>
  );
}
