// The conflict queue: every conflict the agency is party to, OPEN first, then most severe, then
// newest; filtered, searched (the agency's own operation) and keyset-paged by the query string.
// Supervisors and chiefs work it; liaisons and others see it read-only.
import type { Metadata } from "next";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { can } from "@/lib/auth/authorize";
import { listConflictsForActor } from "@/lib/conflicts/conflicts";
import { CONFLICT_DECIDING_ROLES } from "@/lib/conflicts/roles";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { CONFLICT_STATUSES, listConflictsSchema, SEVERITIES } from "@/lib/validation/conflict";
import { firstValues, parseListQuery } from "@/lib/validation/lists";
import { otherAgencies } from "@/lib/notices/list-notices";
import { PageHeader } from "@/components/ui/page-header";
import { ConflictList } from "@/components/conflicts/conflict-list";
import { ListFilters } from "@/components/lists/list-filters";
import { CursorPager, ListIssues } from "@/components/lists/list-paging";
import { LiveRefresh } from "@/components/realtime/live-refresh";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("conflicts.queue");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConflictQueuePage({ searchParams }: Props) {
  const actor = await requireActor();
  const { input, issues } = parseListQuery(listConflictsSchema, firstValues(await searchParams));
  const [result, agencies] = await loadOrNotFound(() =>
    Promise.all([listConflictsForActor({ db: db(), actor, input }), otherAgencies({ db: db(), actor })]),
  );
  const [t, tc, tl, tAll, locale] = await Promise.all([
    getT("conflicts.queue"),
    getT("conflicts"),
    getT("lists"),
    getT(),
    getLocale(),
  ]);
  const when = (d: Date | string) => formatDateTime(d, actor.agencyTimeZone, locale);
  const deciding = can(actor, { roles: CONFLICT_DECIDING_ROLES, agencyId: actor.agencyId });

  return (
    <>
      <LiveRefresh types={["conflict", "acknowledgment"]} />
      <PageHeader
        title={t("title")}
        description={t("description", { zone: zoneLabel(actor.agencyTimeZone, locale) })}
      />
      {deciding ? null : (
        <p
          className="mb-4 rounded-md border border-line bg-white px-3 py-2 text-sm text-muted"
          data-testid="queue-read-only"
        >
          {t("readOnly")}
        </p>
      )}
      <ListFilters
        t={tl}
        values={input}
        clearHref="/conflicts"
        dateHint={tl("filters.detectedHint", { zone: zoneLabel(actor.agencyTimeZone, locale) })}
        actionLabel={tl("conflictsNeedsAction")}
        keep={{ pageSize: input.pageSize, operationId: input.operationId }}
        selects={[
          {
            name: "status",
            label: tl("filters.status"),
            options: CONFLICT_STATUSES.map((s) => ({ value: s, label: tc(`statuses.${s}`) })),
          },
          {
            name: "severity",
            label: tl("filters.severity"),
            options: SEVERITIES.map((s) => ({ value: s, label: tc(`severities.${s}`) })),
          },
          {
            name: "agency",
            label: tl("filters.counterpart"),
            options: agencies.map((a) => ({ value: a.id, label: a.name })),
          },
        ]}
      />
      <ListIssues issues={issues} t={tl} tAll={tAll} />
      <p className="text-sm text-muted" data-testid="conflicts-total">
        {tl("matches", { count: result.total })}
      </p>
      <div className="mt-4">
        {result.items.length === 0 ? (
          <p className="text-muted" data-testid="conflicts-empty">
            {t("empty")}
          </p>
        ) : (
          <ConflictList items={result.items} when={when} showOwnOperation t={tc} />
        )}
      </div>
      <CursorPager path="/conflicts" values={input} next={result.next} prev={result.prev} t={tl} />
    </>
  );
}
