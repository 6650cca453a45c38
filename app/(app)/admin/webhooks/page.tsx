// The agency's webhook endpoints, for CAD and RMS systems that want to be told as things happen:
// add one (its signing secret shown once), see each one's state (failing, disabled and why),
// enable or disable it, rotate its secret, delete it, open its delivery log. Only the agency's
// own admins reach it.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import {
  listWebhookEndpoints,
  MAX_ENDPOINTS_PER_AGENCY,
  type WebhookEndpointView,
} from "@/lib/webhooks/manage-endpoints";
import { AdminNav } from "../_components/admin-nav";
import { loadOrNotFound } from "../_lib/load-or-not-found";
import { CreateEndpointForm } from "./create-endpoint-form";
import { EndpointActions } from "./endpoint-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("webhooks");
  return { title: t("title") };
}

export default async function WebhooksPage() {
  const actor = await requireActor();
  const endpoints = await loadOrNotFound(() => listWebhookEndpoints({ db: db(), actor }));
  const [t, ta, locale] = await Promise.all([getT("webhooks"), getT("admin"), getLocale()]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);
  const status = (e: WebhookEndpointView) => {
    if (!e.active) {
      const at = e.disabledAt ? when(e.disabledAt) : "";
      return (
        <Badge tone="danger">
          {e.disabledReason === "FAILING" ? t("status.disabledFailing", { at }) : t("status.disabledManual", { at })}
        </Badge>
      );
    }
    if (e.failingSince) return <Badge tone="warn">{t("status.failing", { since: when(e.failingSince) })}</Badge>;
    return <Badge tone="ok">{t("status.active")}</Badge>;
  };
  // What needs an admin's attention comes first.
  const sorted = [...endpoints].sort(
    (a, b) => Number(a.active) - Number(b.active) || Number(!a.failingSince) - Number(!b.failingSince),
  );

  return (
    <>
      <PageHeader title={ta("title")} description={ta("description", { agency: actor.agencyName })} />
      <AdminNav current="webhooks" />
      <h2 className="mb-1 text-lg font-semibold">{t("title")}</h2>
      <p className="mb-1 text-sm text-muted">{t("description")}</p>
      <p className="mb-6 text-sm text-muted">
        {t("limit", { max: MAX_ENDPOINTS_PER_AGENCY })}{" "}
        {t("timeZone", { zone: zoneLabel(actor.agencyTimeZone, locale) })}
      </p>
      {endpoints.length === 0 ? (
        <p className="mb-8">{t("none")}</p>
      ) : (
        <ul className="mb-8 flex flex-col gap-4" data-testid="webhook-endpoints">
          {sorted.map((e) => (
            <li key={e.id} className="rounded-lg border border-line bg-white p-4" data-testid={`endpoint-${e.id}`}>
              <div className="mb-2 flex flex-wrap items-center gap-2">
                <h3 className="font-mono text-sm font-semibold break-all">{e.url}</h3>
                {status(e)}
              </div>
              {e.description ? <p className="mb-1 text-sm">{e.description}</p> : null}
              {!e.active ? <p className="mb-2 text-sm text-red-800">{t("disabledNotice")}</p> : null}
              <dl className="mb-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium">{t("columns.events")}</dt>
                <dd>{e.events.map((ev) => t(`event.${ev}`)).join(", ")}</dd>
                <dt className="font-medium">{t("columns.lastSuccess")}</dt>
                <dd>{e.lastSuccessAt ? when(e.lastSuccessAt) : t("never")}</dd>
              </dl>
              <div className="flex flex-wrap items-start gap-2">
                <Link
                  href={`/admin/webhooks/${e.id}`}
                  className="inline-block rounded-md border border-line px-3 py-2 text-sm font-medium text-brand-dark hover:bg-slate-100"
                  aria-label={t("logNamed", { url: e.url })}
                >
                  {t("log")}
                </Link>
                <EndpointActions endpointId={e.id} url={e.url} active={e.active} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {endpoints.length < MAX_ENDPOINTS_PER_AGENCY ? (
        <section className="rounded-lg border border-line bg-white p-6" aria-labelledby="create-webhook-heading">
          <h3 id="create-webhook-heading" className="mb-3 font-semibold">
            {t("createTitle")}
          </h3>
          <CreateEndpointForm />
        </section>
      ) : null}
    </>
  );
}
