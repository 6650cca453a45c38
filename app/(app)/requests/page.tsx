// Federal requests. For a receiving agency: the command queue — pending requests, soonest due
// first, each with its clock and the rules that apply — live. For a federal office: what it
// submitted through the portal and the decisions, live.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { can } from "@/lib/auth/authorize";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { canDecide } from "@/lib/requests/access";
import { minutesLeft } from "@/lib/requests/due";
import { RULE_READING_ROLES } from "@/lib/requests/manage-rules";
import { requestSide } from "@/lib/requests/form-options";
import { listQueue, listSubmitted } from "@/lib/requests/read-requests";
import { REPORT_READING_ROLES } from "@/lib/requests/reports";
import { REQUEST_LOGGING_ROLES, REQUEST_OVERSIGHT_ROLES } from "@/lib/requests/roles";
import { DecisionBadge, dueClock } from "@/components/requests/request-labels";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("requests"))("queue.title") };
}

export default async function RequestsPage() {
  const actor = await requireActor();
  const side = await loadOrNotFound(() => requestSide(db(), actor));
  const [t, tc, locale, now] = await Promise.all([getT("requests"), getT("common"), getLocale(), currentTime(db())]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);
  const mayLog = can(actor, { roles: REQUEST_LOGGING_ROLES, agencyId: actor.agencyId });
  const link =
    "rounded-md border border-line bg-white px-3 py-2 text-sm font-semibold text-brand-dark hover:bg-slate-100";

  if (side === "FEDERAL") {
    const sent = await listSubmitted({ db: db(), actor });
    return (
      <>
        <LiveRefresh types={["request", "escalation"]} debounceMs={100} />
        <PageHeader
          title={t("submitted.title")}
          description={t("submitted.description")}
          actions={
            mayLog ? (
              <Link href="/requests/new" className={link}>
                {t("submitted.new")}
              </Link>
            ) : null
          }
        />
        <p className="mb-3 text-sm text-muted">
          {tc("timeZoneNote", { zone: zoneLabel(actor.agencyTimeZone, locale) })}
        </p>
        {sent.length === 0 ? (
          <p className="rounded-lg border border-line bg-white p-4">{t("submitted.empty")}</p>
        ) : null}
        <ul className="flex flex-col gap-3" data-testid="submitted-list">
          {sent.map((r) => (
            <li
              key={r.id}
              className="rounded-lg border border-line bg-white p-4"
              data-testid="submitted-item"
              data-request-id={r.id}
            >
              <DecisionBadge t={t} decision={r.decision} />
              <h2 className="mt-2 text-lg font-medium">
                <Link href={`/requests/${r.id}`} className="text-brand-dark underline-offset-2 hover:underline">
                  {t(`kinds.${r.kind}`)} — {r.agencyName}
                </Link>
              </h2>
              <p className="text-sm text-muted">
                {r.ref} · {when(r.receivedAt)}
              </p>
            </li>
          ))}
        </ul>
      </>
    );
  }

  const queue = await listQueue({ db: db(), actor });
  const oversight = can(actor, { roles: REQUEST_OVERSIGHT_ROLES, agencyId: actor.agencyId });
  const tp = await getT("requestPolicy");
  const decider = await canDecide(db(), actor);
  const chief = actor.roles.includes("CHIEF");
  return (
    <>
      <LiveRefresh types={["request", "escalation"]} debounceMs={100} />
      <PageHeader
        title={t("queue.title")}
        description={t("queue.description")}
        actions={
          <>
            {mayLog ? (
              <Link href="/requests/new" className={link}>
                {t("queue.log")}
              </Link>
            ) : null}
            {oversight ? (
              <Link href="/requests/oversight" className={link}>
                {t("oversight.title")}
              </Link>
            ) : null}
            {can(actor, { roles: [...REPORT_READING_ROLES], agencyId: actor.agencyId }) ? (
              <Link href="/requests/reports" className={link}>
                {t("report.title")}
              </Link>
            ) : null}
            {chief ? (
              <Link href="/requests/command" className={link}>
                {tp("command.title")}
              </Link>
            ) : null}
            {can(actor, { roles: [...RULE_READING_ROLES], agencyId: actor.agencyId }) ? (
              <Link href="/admin/request-rules" className={link}>
                {tp("rules.title")}
              </Link>
            ) : null}
          </>
        }
      />
      <p
        className={`mb-3 rounded-lg border p-3 text-sm ${decider ? "border-brand bg-blue-50 font-medium text-ink" : "border-line bg-white"}`}
        data-testid={decider ? "queue-you-decide" : "queue-command-only"}
      >
        {decider ? (chief ? tp("command.queueChief") : tp("command.queueDesignated")) : t("errors.commandOnly")}
      </p>
      <p className="mb-3 text-sm text-muted">{tc("timeZoneNote", { zone: zoneLabel(actor.agencyTimeZone, locale) })}</p>
      {queue.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-4" data-testid="queue-empty">
          {t("queue.empty")}
        </p>
      ) : (
        <ol className="flex flex-col gap-3" data-testid="queue-list">
          {queue.map((r) => {
            const left = minutesLeft(r.dueAt, now);
            return (
              <li
                key={r.id}
                className={`rounded-lg border bg-white p-4 ${left !== null && left < 0 ? "border-danger border-l-4" : "border-line"}`}
                data-testid="queue-item"
                data-request-id={r.id}
              >
                <h2 className="text-lg font-semibold">
                  <Link href={`/requests/${r.id}`} className="text-brand-dark underline-offset-2 hover:underline">
                    {t(`kinds.${r.kind}`)} — {r.requesterName}
                  </Link>
                </h2>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-muted">{t("queue.due")}</dt>
                  <dd data-testid="queue-clock">
                    {r.dueAt ? `${when(r.dueAt)} · ` : ""}
                    {dueClock(t, left)}
                  </dd>
                  <dt className="text-muted">{t("detail.channel")}</dt>
                  <dd>
                    {t(`channels.${r.channel}`)} · {r.ref}
                  </dd>
                  <dt className="text-muted">{t("detail.basis")}</dt>
                  <dd>{t(`documents.${r.basisDocument}`)}</dd>
                  <dt className="text-muted">{t("detail.rules")}</dt>
                  <dd data-testid="queue-rules">
                    {r.rules.length === 0
                      ? t("detail.noRules")
                      : r.rules.map((x) => `${x.title} → ${t(`directives.${x.directive}`)}`).join("; ")}
                  </dd>
                </dl>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
