// The outbox: email addressed to the viewer's agency (or to the viewer), with its delivery
// status. Without SMTP it is where mail goes instead of being sent.
import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { canViewOutbox, listOutbox } from "@/lib/mail/outbox";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("mail");
  return { title: t("outbox.title") };
}

const STATUS_TONE = {
  QUEUED: "neutral",
  SENDING: "info",
  RETRYING: "warn",
  SENT: "ok",
  STORED: "info",
  FAILED: "danger",
} as const;

export default async function OutboxPage() {
  const actor = await requireActor();
  const smtpConfigured = Boolean(env().SMTP_URL);
  const [t, tc, locale] = await Promise.all([getT("mail"), getT("common"), getLocale()]);
  if (!canViewOutbox(actor, smtpConfigured)) {
    return (
      <>
        <PageHeader title={t("outbox.title")} />
        <p className="rounded-lg border border-line bg-white p-4" data-testid="outbox-unavailable">
          {t("outbox.unavailable")}
        </p>
      </>
    );
  }
  const rows = await listOutbox({ db: db(), actor, smtpConfigured });
  const when = (d: Date | null) => (d ? formatDateTime(d, actor.agencyTimeZone, locale) : "—");

  return (
    <>
      <LiveRefresh types={["mail", "notice", "escalation"]} />
      <PageHeader
        title={t("outbox.title")}
        description={smtpConfigured ? t("outbox.descriptionSmtp") : t("outbox.description")}
      />
      <p className="mb-2 text-sm text-muted">{tc("timeZoneNote", { zone: zoneLabel(actor.agencyTimeZone, locale) })}</p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-4" data-testid="outbox-empty">
          {t("outbox.empty")}
        </p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="outbox-list">
          {rows.map((m) => (
            <li key={m.id} className="rounded-lg border border-line bg-white p-4" data-testid="outbox-message">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="font-semibold">{m.subject}</p>
                  <p className="text-sm text-muted">
                    {t("outbox.to")}: {m.toName ? `${m.toName} <${m.toAddress}>` : m.toAddress}
                  </p>
                </div>
                <Badge tone={STATUS_TONE[m.status]}>{t(`outbox.statuses.${m.status}`)}</Badge>
              </div>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-muted">{t("outbox.created")}</dt>
                <dd>{when(m.createdAt)}</dd>
                <dt className="text-muted">{t("outbox.sent")}</dt>
                <dd>{when(m.sentAt)}</dd>
                <dt className="text-muted">{t("outbox.attempts")}</dt>
                <dd className="tabular-nums">{m.attempts}</dd>
                <dt className="text-muted">{t("outbox.messageId")}</dt>
                <dd className="font-mono text-xs break-all">{m.messageId}</dd>
                {m.lastError ? (
                  <>
                    <dt className="text-muted">{t("outbox.lastError")}</dt>
                    <dd className="break-all">{m.lastError}</dd>
                  </>
                ) : null}
              </dl>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-brand">{t("outbox.show")}</summary>
                <pre className="mt-2 whitespace-pre-wrap rounded bg-slate-50 p-3 font-sans text-sm">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
