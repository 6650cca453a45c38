// The conflict queue: every conflict the agency is party to, OPEN first, then most severe, then
// newest. Supervisors and chiefs work it; liaisons and others see it read-only.
import type { Metadata } from "next";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { can } from "@/lib/auth/authorize";
import { listConflictsForActor } from "@/lib/conflicts/conflicts";
import { CONFLICT_DECIDING_ROLES } from "@/lib/conflicts/roles";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { CONFLICT_STATUSES } from "@/lib/validation/conflict";
import { PageHeader } from "@/components/ui/page-header";
import { ConflictList } from "@/components/conflicts/conflict-list";
import { Pager, StatusFilter } from "@/components/operations/list-controls";
import { LiveRefresh } from "@/components/realtime/live-refresh";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("conflicts.queue");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConflictQueuePage({ searchParams }: Props) {
  const actor = await requireActor();
  const sp = await searchParams;
  const status = typeof sp.status === "string" && (CONFLICT_STATUSES as readonly string[]).includes(sp.status) ? sp.status : undefined;
  const page = typeof sp.page === "string" && /^\d{1,6}$/.test(sp.page) ? Math.max(Number(sp.page), 1) : 1;
  const result = await loadOrNotFound(() => listConflictsForActor({ db: db(), actor, input: { status, page } }));
  const [t, tc, tcommon, locale] = await Promise.all([getT("conflicts.queue"), getT("conflicts"), getT("common"), getLocale()]);
  const when = (d: Date | string) => formatDateTime(d, actor.agencyTimeZone, locale);
  const deciding = can(actor, { roles: CONFLICT_DECIDING_ROLES, agencyId: actor.agencyId });

  return (
    <>
      <LiveRefresh types={["conflict", "acknowledgment"]} />
      <PageHeader title={t("title")} description={t("description", { zone: zoneLabel(actor.agencyTimeZone, locale) })} />
      {deciding ? null : (
        <p className="mb-4 rounded-md border border-line bg-white px-3 py-2 text-sm text-muted" data-testid="queue-read-only">
          {t("readOnly")}
        </p>
      )}
      <StatusFilter label={t("filter")} allLabel={t("all")} applyLabel={t("apply")} value={status ?? ""} options={CONFLICT_STATUSES.map((s) => ({ value: s, label: tc(`statuses.${s}`) }))} />
      <div className="mt-4">
        {result.items.length === 0 ? (
          <p className="text-muted" data-testid="conflicts-empty">
            {t("empty")}
          </p>
        ) : (
          <ConflictList items={result.items} when={when} showOwnOperation t={tc} />
        )}
      </div>
      <Pager page={result.page} pages={result.pages} params={{ status }} previousLabel={t("previous")} nextLabel={t("next")} pageLabel={tcommon("page", { page: result.page, pages: result.pages })} />
    </>
  );
}
