// The inbox: current notices other agencies sent the viewer's agency, newest first, filtered,
// searched and paged by the query string (so a view can be shared and reopens the same). What
// waits for the agency is counted above the list and marked on each row. Times in the agency's
// zone, named. It refreshes by itself when a notice, reply or escalation arrives.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { countNeedingAction, listInbox, otherAgencies } from "@/lib/notices/list-notices";
import { NOTICE_KINDS, NOTICE_LIST_STATUSES, noticeListSchema } from "@/lib/validation/notice";
import { firstValues, parseListQuery } from "@/lib/validation/lists";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ListFilters } from "@/components/lists/list-filters";
import { CursorPager, ListIssues, NeedsActionBanner } from "@/components/lists/list-paging";
import { leadTimeText, NoticeBadges } from "@/components/notices/notice-badges";
import { operationStatusLabel } from "@/components/notices/operation-status-label";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("notices"))("inbox.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InboxPage({ searchParams }: Props) {
  const actor = await requireActor();
  const { input, issues } = parseListQuery(noticeListSchema, firstValues(await searchParams));
  const [page, waiting, agencies] = await loadOrNotFound(() =>
    Promise.all([
      listInbox({ db: db(), actor, input }),
      countNeedingAction({ db: db(), actor, box: "inbox" }),
      otherAgencies({ db: db(), actor }),
    ]),
  );
  const [t, tl, tc, tf, tAll, locale] = await Promise.all([
    getT("notices"),
    getT("lists"),
    getT("common"),
    getT("followUp"),
    getT(),
    getLocale(),
  ]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);
  const zone = zoneLabel(actor.agencyTimeZone, locale);

  return (
    <>
      <LiveRefresh types={["notice", "reply", "acknowledgment", "escalation"]} debounceMs={100} />
      <PageHeader title={t("inbox.title")} description={t("inbox.description")} />
      <NeedsActionBanner
        count={waiting}
        text={tl("inbox.needsAction", { count: waiting })}
        showOnly={input.action ? null : { href: "/inbox?action=1", label: tl("inbox.showNeedsAction") }}
        testId="inbox-needs-action"
      />
      <ListFilters
        t={tl}
        values={input}
        clearHref="/inbox"
        dateHint={tl("filters.windowHint", { zone })}
        actionLabel={tl("filters.needsAction")}
        keep={{ pageSize: input.pageSize }}
        selects={[
          {
            name: "status",
            label: tl("filters.status"),
            options: NOTICE_LIST_STATUSES.map((s) => ({ value: s, label: tl(`statuses.${s}`) })),
          },
          {
            name: "kind",
            label: tl("filters.kind"),
            options: NOTICE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
          },
          {
            name: "agency",
            label: tl("filters.fromAgency"),
            options: agencies.map((a) => ({ value: a.id, label: a.name })),
          },
        ]}
      />
      <ListIssues issues={issues} t={tl} tAll={tAll} />
      <p className="mb-3 text-sm text-muted">{tc("timeZoneNote", { zone })}</p>
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-4" data-testid="inbox-empty">
          {Object.keys(input).length > 0 ? tl("empty") : t("inbox.empty")}
        </p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="inbox-list">
          {page.items.map((n) => (
            <li
              key={n.id}
              data-testid="inbox-item"
              data-notice-id={n.id}
              className={`rounded-lg border bg-white p-4 ${n.readAt ? "border-line" : "border-brand border-l-4"}`}
            >
              <span className="flex flex-wrap items-center gap-1.5">
                {n.needsAction ? (
                  <Badge tone="warn">
                    <span data-testid="badge-needs-action">{tl("inbox.needsActionBadge")}</span>
                  </Badge>
                ) : null}
                <NoticeBadges
                  n={n}
                  t={t}
                  showUnread
                  statusLabel={operationStatusLabel(n.kind, n.operationStatus, tf)}
                />
              </span>
              <h2 className={`mt-2 text-lg ${n.readAt ? "font-medium" : "font-semibold"}`}>
                <Link
                  href={`/notices/${n.id}`}
                  className="text-brand-dark underline-offset-2 hover:underline"
                  aria-label={`${n.title ?? t("inbox.conflictTitle")} — ${t("inbox.open", { ref: n.ref })}`}
                >
                  {n.title ?? t("inbox.conflictTitle")}
                </Link>
              </h2>
              <p className="font-mono text-xs text-muted" data-testid="inbox-ref">
                {n.ref}
              </p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-muted">{t("inbox.from")}</dt>
                <dd data-testid="inbox-from">{n.senderAgencyName}</dd>
                <dt className="text-muted">{t("inbox.when")}</dt>
                <dd>
                  {when(n.startsAt)} – {when(n.endsAt)}
                </dd>
                <dt className="text-muted">{t("sent.sentAt")}</dt>
                <dd>{when(n.sentAt)}</dd>
                <dt className="text-muted">{t("inbox.leadTime")}</dt>
                <dd>{leadTimeText(t, n.leadMinutes, n.requiredLeadHours)}</dd>
                {n.acknowledgedAt ? (
                  <>
                    <dt className="text-muted">{t("status.acknowledged")}</dt>
                    <dd>
                      {t("actions.acknowledgedBy", { name: n.acknowledgedByName ?? "—", at: when(n.acknowledgedAt) })}
                    </dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <CursorPager path="/inbox" values={input} next={page.next} prev={page.prev} t={tl} />
    </>
  );
}
