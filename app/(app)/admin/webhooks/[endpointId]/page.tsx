// One endpoint's delivery log: the latest 50 deliveries (older ones a page away), each with its
// webhook-id, attempts and last response, and a redeliver button. Only the agency's own admins.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { DELIVERY_PAGE_SIZE, listWebhookDeliveries } from "@/lib/webhooks/deliveries";
import { isWebhookEvent } from "@/lib/webhooks/events";
import { getWebhookEndpoint } from "@/lib/webhooks/manage-endpoints";
import { AdminNav } from "../../_components/admin-nav";
import { loadOrNotFound } from "../../_lib/load-or-not-found";
import { RedeliverButton } from "./redeliver-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("webhooks");
  return { title: t("deliveries.title") };
}

const TONE = { PENDING: "warn", DELIVERED: "ok", FAILED: "danger" } as const;

export default async function WebhookDeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ endpointId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const actor = await requireActor();
  const { endpointId } = await params;
  const requested = Number((await searchParams).page ?? "1");
  const [endpoint, log] = await loadOrNotFound(() =>
    Promise.all([
      getWebhookEndpoint({ db: db(), actor, endpointId }),
      listWebhookDeliveries({ db: db(), actor, endpointId, page: Number.isFinite(requested) ? requested : 1 }),
    ]),
  );
  const [t, ta, locale] = await Promise.all([getT("webhooks"), getT("admin"), getLocale()]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);

  return (
    <>
      <PageHeader title={ta("title")} description={ta("description", { agency: actor.agencyName })} />
      <AdminNav current="webhooks" />
      <p className="mb-4 text-sm">
        <Link href="/admin/webhooks" className="text-brand-dark underline">
          {t("deliveries.back")}
        </Link>
      </p>
      <h2 className="mb-1 text-lg font-semibold">{t("logNamed", { url: endpoint.url })}</h2>
      {!endpoint.active ? <p className="mb-2 text-sm text-red-800">{t("disabledNotice")}</p> : null}
      <p className="mb-1 text-sm text-muted">{t("deliveries.description", { count: DELIVERY_PAGE_SIZE })}</p>
      <p className="mb-6 text-sm text-muted">{t("timeZone", { zone: zoneLabel(actor.agencyTimeZone, locale) })}</p>
      {log.items.length === 0 ? (
        <p>{t("deliveries.none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm" data-testid="webhook-deliveries">
            <caption className="sr-only">{t("deliveries.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("deliveries.columns.created")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("deliveries.columns.event")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("deliveries.columns.status")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("deliveries.columns.attempts")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("deliveries.columns.response")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("deliveries.columns.id")}
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{t("deliveries.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((d) => (
                <tr key={d.id} className="border-t border-line" data-testid={`delivery-${d.id}`}>
                  <td className="px-3 py-2 whitespace-nowrap">{when(d.createdAt)}</td>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {isWebhookEvent(d.eventType) ? t(`event.${d.eventType}`) : d.eventType}
                  </th>
                  <td className="px-3 py-2">
                    <Badge tone={TONE[d.status]}>{t(`deliveries.status.${d.status}`)}</Badge>
                  </td>
                  <td className="px-3 py-2">{d.attempts}</td>
                  <td className="max-w-xs px-3 py-2 break-words">
                    {d.lastError ??
                      (d.lastResponseStatus ? `HTTP ${d.lastResponseStatus}` : t("deliveries.noResponse"))}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{d.id}</td>
                  <td className="px-3 py-2">
                    {d.status === "PENDING" || !endpoint.active ? null : <RedeliverButton deliveryId={d.id} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.pages > 1 ? (
        <nav className="mt-4 flex items-center gap-4 text-sm" aria-label={t("deliveries.title")}>
          {log.page > 1 ? (
            <Link href={`?page=${log.page - 1}`} className="text-brand-dark underline">
              {t("deliveries.previous")}
            </Link>
          ) : null}
          <span>{t("deliveries.page", { page: log.page, pages: log.pages })}</span>
          {log.page < log.pages ? (
            <Link href={`?page=${log.page + 1}`} className="text-brand-dark underline">
              {t("deliveries.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
