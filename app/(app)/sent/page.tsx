// Sent notices: per operation, every agency told, why, when, and whether it has acknowledged —
// so the sender sees at a glance who has not. Refreshes live on acknowledgments and replies.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { listSent } from "@/lib/notices/read-notices";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { reasonsText } from "@/components/notices/notice-badges";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("notices"))("sent.title") };
}

export default async function SentPage() {
  const actor = await requireActor();
  const groups = await loadOrNotFound(() => listSent({ db: db(), actor }));
  const [t, tc, locale] = await Promise.all([getT("notices"), getT("common"), getLocale()]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);

  return (
    <>
      <LiveRefresh types={["notice", "reply", "acknowledgment", "escalation"]} debounceMs={100} />
      <PageHeader title={t("sent.title")} description={t("sent.description")} />
      <p className="mb-3 text-sm text-muted">{tc("timeZoneNote", { zone: zoneLabel(actor.agencyTimeZone, locale) })}</p>
      {groups.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-4" data-testid="sent-empty">
          {t("sent.empty")}
        </p>
      ) : (
        <div className="flex flex-col gap-6">
          {groups.map((g) => {
            const needing = g.recipients.filter((r) => r.requiresAck);
            const acked = needing.filter((r) => r.acknowledgedAt).length;
            return (
              <section key={g.operationId} aria-labelledby={`op-${g.operationId}`} className="rounded-lg border border-line bg-white p-4" data-testid="sent-operation" data-operation-id={g.operationId}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <h2 id={`op-${g.operationId}`} className="text-lg font-semibold">
                      {g.title ?? t("sent.operation", { ref: g.operationRef })}
                    </h2>
                    <p className="text-sm text-muted">
                      {g.operationRef} · {when(g.startsAt)} – {when(g.endsAt)}
                    </p>
                  </div>
                  <span className="flex gap-1.5">
                    {g.exigent ? <Badge tone="danger">{t("status.exigent")}</Badge> : null}
                    <Badge tone={acked === needing.length ? "ok" : "warn"}>
                      <span data-testid="sent-summary">{t("sent.summary", { acknowledged: acked, total: needing.length })}</span>
                    </Badge>
                  </span>
                </div>
                <div className="mt-3 overflow-x-auto">
                  <table className="w-full text-left text-sm">
                    <thead className="border-b border-line text-muted">
                      <tr>
                        <th scope="col" className="py-2 pr-4 font-medium">{t("sent.recipient")}</th>
                        <th scope="col" className="py-2 pr-4 font-medium">{t("sent.kind")}</th>
                        <th scope="col" className="py-2 pr-4 font-medium">{t("sent.reasons")}</th>
                        <th scope="col" className="py-2 pr-4 font-medium">{t("sent.sentAt")}</th>
                        <th scope="col" className="py-2 pr-4 font-medium">{t("sent.acknowledgment")}</th>
                        <th scope="col" className="py-2 font-medium">
                          <span className="sr-only">{t("sent.open")}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.recipients.map((r) => (
                        <tr key={r.id} className="border-b border-line last:border-0" data-testid="sent-recipient" data-agency={r.recipientAgencyName} data-notice-id={r.id}>
                          <th scope="row" className="py-2 pr-4 font-medium">{r.recipientAgencyName}</th>
                          <td className="py-2 pr-4">
                            {t(`kinds.${r.kind}`)}
                            {r.late ? <span className="ml-2"><Badge tone="warn">{t("lead.late")}</Badge></span> : null}
                          </td>
                          <td className="py-2 pr-4">{reasonsText(t, r.reasons)}</td>
                          <td className="py-2 pr-4">{when(r.sentAt)}</td>
                          <td className="py-2 pr-4" data-testid="sent-ack">
                            {!r.requiresAck ? (
                              t("status.noAckNeeded")
                            ) : r.acknowledgedAt ? (
                              <Badge tone="ok">{t("sent.acknowledgedBy", { name: r.acknowledgedByName ?? "—", at: when(r.acknowledgedAt) })}</Badge>
                            ) : (
                              <Badge tone="warn">{t("status.notAcknowledged")}</Badge>
                            )}
                          </td>
                          <td className="py-2">
                            <Link href={`/notices/${r.id}`} className="font-medium text-brand-dark underline underline-offset-2" aria-label={t("sent.openLabel", { agency: r.recipientAgencyName })}>
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
    </>
  );
}
