// The agency's own operations, latest start first, filterable by status.
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
import { Pager, StatusFilter } from "@/components/operations/list-controls";
import { StatusBadge } from "./_lib/status-badge";

const STATUSES = ["DRAFT", "PLANNED", "ACTIVE", "COMPLETED", "CANCELLED"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("operations.list");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OperationsPage({ searchParams }: Props) {
  const actor = await requireActor();
  const sp = await searchParams;
  const status = typeof sp.status === "string" && (STATUSES as readonly string[]).includes(sp.status) ? sp.status : undefined;
  const page = typeof sp.page === "string" && /^\d{1,6}$/.test(sp.page) ? Number(sp.page) : 1;
  const result = await loadOrNotFound(() => listOwnOperations({ db: db(), actor, input: { status, page: Math.max(page, 1) } }));
  const [t, to, tcommon, locale] = await Promise.all([getT("operations.list"), getT("operations"), getT("common"), getLocale()]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);
  const canFile = can(actor, { roles: FILING_ROLES, agencyId: actor.agencyId });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { zone: zoneLabel(actor.agencyTimeZone, locale) })}
        actions={
          canFile ? (
            <Link href="/operations/new" className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark">
              {t("new")}
            </Link>
          ) : null
        }
      />
      <StatusFilter
        label={t("filter")}
        allLabel={t("all")}
        applyLabel={t("apply")}
        value={status ?? ""}
        options={STATUSES.map((s) => ({ value: s, label: to(`statuses.${s}`) }))}
      />
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
                  <td className="px-3 py-2">{op.openConflicts > 0 ? <span className="font-semibold text-danger">{op.openConflicts}</span> : "0"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={result.page} pages={result.pages} params={{ status }} previousLabel={t("previous")} nextLabel={t("next")} pageLabel={tcommon("page", { page: result.page, pages: result.pages })} />
    </>
  );
}
