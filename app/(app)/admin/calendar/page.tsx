// The agency's calendar feed links: a secret URL through which a calendar app shows incoming
// notices; create one (shown once), see when each was last used, revoke. Agency admins only.
import type { Metadata } from "next";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { listCalendarFeedTokens } from "@/lib/ical/feed-tokens";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { AdminNav } from "../_components/admin-nav";
import { loadOrNotFound } from "../_lib/load-or-not-found";
import { CreateCalendarFeedForm, RevokeCalendarFeedButton } from "./calendar-feed-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("notices"))("calendarAdmin.title") };
}

export default async function CalendarFeedPage() {
  const actor = await requireActor();
  const feeds = await loadOrNotFound(() => listCalendarFeedTokens({ db: db(), actor }));
  const [t, ta, tc, locale] = await Promise.all([
    getT("notices.calendarAdmin"),
    getT("admin"),
    getT("common"),
    getLocale(),
  ]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);

  return (
    <>
      <PageHeader title={ta("title")} description={ta("description", { agency: actor.agencyName })} />
      <AdminNav current="calendar" />
      <h2 className="mb-1 text-lg font-semibold">{t("title")}</h2>
      <p className="mb-1 max-w-3xl text-sm text-muted">{t("description")}</p>
      <p className="mb-6 text-sm text-muted">{tc("timeZoneNote", { zone: zoneLabel(actor.agencyTimeZone, locale) })}</p>
      <section className="mb-8 rounded-lg border border-line bg-white p-6">
        <CreateCalendarFeedForm />
      </section>
      {feeds.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm" data-testid="calendar-feeds">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("createdAt")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("lastUsed")}
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{t("revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {feeds.map((f) => (
                <tr key={f.id} className="border-t border-line" data-testid="calendar-feed-row">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {f.name} <span className="font-mono text-xs text-muted">{f.prefix}…</span>
                  </th>
                  <td className="px-3 py-2">{when(f.createdAt)}</td>
                  <td className="px-3 py-2">{f.lastUsedAt ? when(f.lastUsedAt) : t("never")}</td>
                  <td className="px-3 py-2">
                    {f.revokedAt ? (
                      <Badge tone="danger">{t("revoked")}</Badge>
                    ) : (
                      <RevokeCalendarFeedButton feedId={f.id} name={f.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
