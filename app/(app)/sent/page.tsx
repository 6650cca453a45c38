// Sent notices, newest first, grouped by operation: every agency told, why, when, whether it has
// acknowledged, and — without opening each — its replies (unread ones marked) and the escalation
// steps taken. Filtered, searched and paged by the query string. Refreshes live.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { countNeedingAction, listSent, otherAgencies, type SentNotice } from "@/lib/notices/list-notices";
import { NOTICE_KINDS, NOTICE_LIST_STATUSES, noticeListSchema } from "@/lib/validation/notice";
import { firstValues, parseListQuery } from "@/lib/validation/lists";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { ListFilters } from "@/components/lists/list-filters";
import { CursorPager, ListIssues, NeedsActionBanner } from "@/components/lists/list-paging";
import { reasonsText } from "@/components/notices/notice-badges";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("notices"))("sent.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SentPage({ searchParams }: Props) {
  const actor = await requireActor();
  const { input, issues } = parseListQuery(noticeListSchema, firstValues(await searchParams));
  const [page, unread, agencies] = await loadOrNotFound(() =>
    Promise.all([
      listSent({ db: db(), actor, input }),
      countNeedingAction({ db: db(), actor, box: "sent" }),
      otherAgencies({ db: db(), actor }),
    ]),
  );
  const [t, tl, tc, tAll, locale] = await Promise.all([
    getT("notices"),
    getT("lists"),
    getT("common"),
    getT(),
    getLocale(),
  ]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);
  const zone = zoneLabel(actor.agencyTimeZone, locale);

  return (
    <>
      <LiveRefresh types={["notice", "reply", "acknowledgment", "escalation"]} debounceMs={100} />
      <PageHeader title={t("sent.title")} description={t("sent.description")} />
      <NeedsActionBanner
        count={unread}
        text={tl("sent.unreadCount", { count: unread })}
        showOnly={input.action ? null : { href: "/sent?action=1", label: tl("sent.showUnread") }}
        testId="sent-needs-action"
      />
      <ListFilters
        t={tl}
        values={input}
        clearHref="/sent"
        dateHint={tl("filters.windowHint", { zone })}
        actionLabel={tl("sent.unreadFilter")}
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
            label: tl("filters.toAgency"),
            options: agencies.map((a) => ({ value: a.id, label: a.name })),
          },
        ]}
      />
      <ListIssues issues={issues} t={tl} tAll={tAll} />
      <p className="mb-3 text-sm text-muted">{tc("timeZoneNote", { zone })}</p>
      {page.operations.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-4" data-testid="sent-empty">
          {Object.keys(input).length > 0 ? tl("empty") : t("sent.empty")}
        </p>
      ) : (
        <div className="flex flex-col gap-6">
          {page.operations.map((g, i) => {
            const total = g.acknowledged + g.awaiting;
            const headingId = `op-${g.operationId}-${i}`;
            return (
              <section
                key={headingId}
                aria-labelledby={headingId}
                className="rounded-lg border border-line bg-white p-4"
                data-testid="sent-operation"
                data-operation-id={g.operationId}
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <h2 id={headingId} className="text-lg font-semibold">
                      {g.title ?? t("sent.operation", { ref: g.operationRef })}
                    </h2>
                    <p className="text-sm text-muted">
                      {g.operationRef} · {when(g.startsAt)} – {when(g.endsAt)}
                    </p>
                  </div>
                  <span className="flex gap-1.5">
                    {g.exigent ? <Badge tone="danger">{t("status.exigent")}</Badge> : null}
                    <Badge tone={g.awaiting === 0 ? "ok" : "warn"}>
                      <span data-testid="sent-summary">
                        {t("sent.summary", { acknowledged: g.acknowledged, total })}
                      </span>
                    </Badge>
                  </span>
                </div>
                <div className="mt-3 overflow-x-auto">
                  <table className="w-full min-w-[48rem] text-left text-sm">
                    <thead className="border-b border-line text-muted">
                      <tr>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          {t("sent.recipient")}
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          {t("sent.kind")}
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          {t("sent.reasons")}
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          {t("sent.sentAt")}
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          {t("sent.acknowledgment")}
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          {tl("sent.activity")}
                        </th>
                        <th scope="col" className="py-2 font-medium">
                          <span className="sr-only">{t("sent.open")}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.recipients.map((r) => (
                        <tr
                          key={r.id}
                          className={`border-b border-line align-top last:border-0 ${r.replyUnread ? "bg-sky-50" : ""}`}
                          data-testid="sent-recipient"
                          data-agency={r.recipientAgencyName}
                          data-notice-id={r.id}
                        >
                          <th scope="row" className="py-2 pr-4 font-medium">
                            {r.recipientAgencyName}
                          </th>
                          <td className="py-2 pr-4">
                            {t(`kinds.${r.kind}`)}
                            {r.late ? (
                              <span className="ml-2">
                                <Badge tone="warn">{t("lead.late")}</Badge>
                              </span>
                            ) : null}
                            <div className="font-mono text-xs text-muted">{r.ref}</div>
                          </td>
                          <td className="py-2 pr-4">{reasonsText(t, r.reasons)}</td>
                          <td className="py-2 pr-4">{when(r.sentAt)}</td>
                          <td className="py-2 pr-4" data-testid="sent-ack">
                            {!r.requiresAck ? (
                              t("status.noAckNeeded")
                            ) : r.acknowledgedAt ? (
                              <Badge tone="ok">
                                {t("sent.acknowledgedBy", {
                                  name: r.acknowledgedByName ?? "—",
                                  at: when(r.acknowledgedAt),
                                })}
                              </Badge>
                            ) : (
                              <Badge tone="warn">{t("status.notAcknowledged")}</Badge>
                            )}
                          </td>
                          <td className="py-2 pr-4" data-testid="sent-activity">
                            <Activity r={r} t={t} tl={tl} when={when} />
                          </td>
                          <td className="py-2">
                            <Link
                              href={`/notices/${r.id}`}
                              className="font-medium text-brand-dark underline underline-offset-2"
                              aria-label={t("sent.openLabel", { agency: r.recipientAgencyName })}
                            >
                              {t("sent.open")}
                            </Link>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
        </div>
      )}
      <CursorPager path="/sent" values={input} next={page.next} prev={page.prev} t={tl} />
    </>
  );
}

function Activity({ r, t, tl, when }: { r: SentNotice; t: Translate; tl: Translate; when: (d: Date) => string }) {
  return (
    <div className="flex flex-col gap-1">
      <span className="flex flex-wrap items-center gap-1.5">
        <span data-testid="sent-replies">{tl("sent.replies", { count: r.replies })}</span>
        {r.replyUnread ? (
          <Badge tone="info">
            <span data-testid="sent-reply-unread">{tl("sent.unread")}</span>
          </Badge>
        ) : null}
      </span>
      {r.latestReply ? (
        <span className="text-xs text-muted">
          {tl("sent.latestReply", {
            name: r.latestReply.authorName,
            at: when(r.latestReply.at),
            what: r.latestReply.kind === "TEXT" ? r.latestReply.body : t(`threadKinds.${r.latestReply.kind}`),
          })}
        </span>
      ) : null}
      <span data-testid="sent-escalations">{tl("sent.escalations", { count: r.escalations })}</span>
      {r.latestEscalation ? (
        <span className="text-xs text-muted">
          {tl("sent.latestEscalation", {
            level: t(`levels.${r.latestEscalation.level}`),
            at: when(r.latestEscalation.at),
          })}
        </span>
      ) : null}
    </div>
  );
}
