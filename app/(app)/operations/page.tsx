// The agency's own operations, latest start first: filtered (status, type, dates, open conflicts),
// searched by title and reference, and keyset-paged, all in the query string.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { can } from "@/lib/auth/authorize";
import { listOwnOperations } from "@/lib/operations/read-operations";
import { FILING_ROLES } from "@/lib/operations/roles";
import { PageHeader } from "@/components/ui/page-header";
import { ListFilters } from "@/components/lists/list-filters";
import { CursorPager, ListIssues } from "@/components/lists/list-paging";
import { listOperationsSchema, OPERATION_STATUSES, OPERATION_TYPES } from "@/lib/validation/operation";
import { firstValues, parseListQuery } from "@/lib/validation/lists";
import { StatusBadge } from "./_lib/status-badge";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("operations.list");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OperationsPage({ searchParams }: Props) {
  const actor = await requireActor();
  const { input, issues } = parseListQuery(listOperationsSchema, firstValues(await searchParams));
  const result = await loadOrNotFound(() => listOwnOperations({ db: db(), actor, input }));
  const [t, to, tl, tAll, locale] = await Promise.all([
    getT("operations.list"),
    getT("operations"),
    getT("lists"),
    getT(),
    getLocale(),
  ]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);
  const canFile = can(actor, { roles: FILING_ROLES, agencyId: actor.agencyId });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { zone: zoneLabel(actor.agencyTimeZone, locale) })}
        actions={
          canFile ? (
            <Link
              href="/operations/new"
              className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark"
            >
              {t("new")}
            </Link>
          ) : null
        }
      />
      <ListFilters
        t={tl}
        values={input}
        clearHref="/operations"
        dateHint={tl("filters.windowHint", { zone: zoneLabel(actor.agencyTimeZone, locale) })}
        actionLabel={tl("opsNeedsAction")}
        keep={{ pageSize: input.pageSize }}
        selects={[
          {
            name: "status",
            label: tl("filters.status"),
            options: OPERATION_STATUSES.map((s) => ({ value: s, label: to(`statuses.${s}`) })),
          },
          {
            name: "type",
            label: tl("filters.type"),
            options: OPERATION_TYPES.map((k) => ({ value: k, label: to(`types.${k}`) })),
          },
        ]}
      />
      <ListIssues issues={issues} t={tl} tAll={tAll} />
      <p className="text-sm text-muted" data-testid="operations-total">
        {tl("matches", { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <p className="mt-6 text-muted" data-testid="operations-empty">
          {t("empty")}
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-md border border-line bg-white">
          <table className="w-full min-w-[44rem] text-left text-sm" data-testid="operations-table">
            <thead className="border-b border-line bg-slate-50">
              <tr>
                {[t("ref"), t("titleCol"), t("type"), t("status"), t("window"), t("conflicts")].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.items.map((op) => (
                <tr key={op.id} className="border-b border-line last:border-0" data-testid="operation-row">
                  <td className="px-3 py-2 font-mono text-xs">
                    <Link href={`/operations/${op.id}`} className="text-brand underline">
                      {op.ref}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{op.title}</td>
                  <td className="px-3 py-2">{to(`types.${op.type}`)}</td>
                  <td className="px-3 py-2">
                    <StatusBadge status={op.status} label={to(`statuses.${op.status}`)} />
                  </td>
                  <td className="px-3 py-2">
                    {when(op.startsAt)} – {when(op.endsAt)}
                  </td>
                  <td className="px-3 py-2">
                    {op.openConflicts > 0 ? <span className="font-semibold text-danger">{op.openConflicts}</span> : "0"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CursorPager path="/operations" values={input} next={result.next} prev={result.prev} t={tl} />
    </>
  );
}
