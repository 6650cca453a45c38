// The inbox: notices other agencies sent the viewer's agency, unread first, then by start time,
// in the agency's time zone. It refreshes by itself when a notice, reply or escalation arrives.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { listInbox } from "@/lib/notices/read-notices";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { leadTimeText, NoticeBadges } from "@/components/notices/notice-badges";
import { operationStatusLabel } from "@/components/notices/operation-status-label";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("notices"))("inbox.title") };
}

export default async function InboxPage() {
  const actor = await requireActor();
  const notices = await loadOrNotFound(() => listInbox({ db: db(), actor }));
  const [t, tc, tf, locale] = await Promise.all([getT("notices"), getT("common"), getT("followUp"), getLocale()]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);

  return (
    <>
      <LiveRefresh types={["notice", "reply", "acknowledgment", "escalation"]} debounceMs={100} />
      <PageHeader title={t("inbox.title")} description={t("inbox.description")} />
      <p className="mb-3 text-sm text-muted">{tc("timeZoneNote", { zone: zoneLabel(actor.agencyTimeZone, locale) })}</p>
      {notices.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-4" data-testid="inbox-empty">
          {t("inbox.empty")}
        </p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="inbox-list">
          {notices.map((n) => (
            <li key={n.id} data-testid="inbox-item" data-notice-id={n.id} className={`rounded-lg border bg-white p-4 ${n.readAt ? "border-line" : "border-brand border-l-4"}`}>
              <NoticeBadges n={n} t={t} showUnread statusLabel={operationStatusLabel(n.kind, n.operationStatus, tf)} />
              <h2 className={`mt-2 text-lg ${n.readAt ? "font-medium" : "font-semibold"}`}>
                <Link href={`/notices/${n.id}`} className="text-brand-dark underline-offset-2 hover:underline" aria-label={`${n.title ?? t("inbox.conflictTitle")} — ${t("inbox.open", { ref: n.ref })}`}>
                  {n.title ?? t("inbox.conflictTitle")}
                </Link>
              </h2>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-muted">{t("inbox.from")}</dt>
                <dd data-testid="inbox-from">{n.senderAgencyName}</dd>
                <dt className="text-muted">{t("inbox.when")}</dt>
                <dd>
                  {when(n.startsAt)} – {when(n.endsAt)}
                </dd>
                <dt className="text-muted">{t("inbox.leadTime")}</dt>
                <dd>{leadTimeText(t, n.leadMinutes, n.requiredLeadHours)}</dd>
                {n.acknowledgedAt ? (
                  <>
                    <dt className="text-muted">{t("status.acknowledged")}</dt>
                    <dd>{t("actions.acknowledgedBy", { name: n.acknowledgedByName ?? "—", at: when(n.acknowledgedAt) })}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
