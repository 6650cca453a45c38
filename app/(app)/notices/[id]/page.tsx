// One notice, for its sender or its recipient agency only (anyone else sees the not-found page):
// what it says, in the viewer's time zone; the area at the precision the filer chose; the
// acknowledgment, the assistance decision and the thread both agencies share, live.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { can } from "@/lib/auth/authorize";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { areaInWords } from "@/lib/geo/area-in-words";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { ASSISTANCE_DECIDING_ROLES } from "@/lib/notices/assistance";
import { getNoticeView, markNoticeRead } from "@/lib/notices/notice-view";
import { NOTICE_ACTING_ROLES } from "@/lib/notices/roles";
import { CONFLICT_DECIDING_ROLES } from "@/lib/conflicts/roles";
import { AreaView } from "@/components/map/area-view";
import { AcknowledgeNoticeButton } from "@/components/notices/acknowledge-notice-button";
import { AssistanceDecisionForm, AssistanceRequestForm } from "@/components/notices/assistance-forms";
import { NoticeBadges } from "@/components/notices/notice-badges";
import { operationStatusLabel } from "@/components/notices/operation-status-label";
import { AfterActionAccount } from "@/components/operations/after-action-account";
import { getSharedAfterAction, sharedAfterActionDue } from "@/lib/operations/after-action";
import { NoticeFacts } from "@/components/notices/notice-facts";
import { NoticeThread } from "@/components/notices/notice-thread";
import { NoticeTracking } from "@/components/notices/notice-tracking";
import { ReplyForm } from "@/components/notices/reply-form";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { NoticeConflictLinks } from "@/components/conflicts/notice-conflict-links";
import { PageHeader } from "@/components/ui/page-header";
import {
  acknowledgeNoticeAction,
  decideAssistanceAction,
  replyToNoticeAction,
  requestAssistanceAction,
} from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor();
  const { id } = await params;
  const n = await getNoticeView({ db: db(), actor, noticeId: id }).catch(() => null);
  const tAll = await getT();
  return { title: n ? `${n.ref} · ${tAll(`notices.kinds.${n.kind}`)}` : tAll("common.errorPage.notFoundTitle") };
}

export default async function NoticePage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  // Opening a notice addressed to one's agency marks it read (once; audited).
  await loadOrNotFound(() => getNoticeView({ db: db(), actor, noticeId: id }));
  await markNoticeRead({ db: db(), actor, noticeId: id, now: await currentTime(db()) });
  const n = await getNoticeView({ db: db(), actor, noticeId: id });
  const [t, tOps, tGeo, tf, tLinks, locale] = await Promise.all([
    getT("notices"),
    getT("operations"),
    getT("geo"),
    getT("followUp"),
    getT("conflicts.twoSided.noticeLinks"),
    getLocale(),
  ]);
  const when = (d: Date | string) => formatDateTime(d, actor.agencyTimeZone, locale);
  const acting = can(actor, { roles: NOTICE_ACTING_ROLES, agencyId: actor.agencyId });
  const c = n.content;
  // An exigent operation's after-action account, for the sender and the recipients of the full notice.
  const shareScope = { operationId: n.operationId, scope: c.scope, side: n.side } as const;
  const afterAction = n.exigent ? await getSharedAfterAction(db(), shareScope) : null;
  const afterActionDue = n.exigent && !afterAction ? await sharedAfterActionDue(db(), shareScope) : null;
  const title = c.operation?.title ?? t("inbox.conflictTitle");
  const latest = n.notices.filter((x) => x.current && x.kind !== "ASSISTANCE_REQUEST").at(-1);
  // A notice reporting a conflict that awaits this agency is acknowledged with it, by a supervisor or chief.
  const conflictGate =
    n.conflict?.awaitsOwnAck && !can(actor, { roles: CONFLICT_DECIDING_ROLES, agencyId: actor.agencyId });
  const canAck =
    acting && !conflictGate && n.side === "RECIPIENT" && n.requiresAck && !n.acknowledgedAt && !n.superseded;
  const canDecide =
    n.side === "RECIPIENT" &&
    n.kind === "ASSISTANCE_REQUEST" &&
    !n.assistanceDecision &&
    can(actor, { roles: ASSISTANCE_DECIDING_ROLES, agencyId: actor.agencyId });
  const canRequest =
    acting && n.side === "SENDER" && !n.superseded && n.kind !== "CANCELLATION" && n.kind !== "ASSISTANCE_REQUEST";

  return (
    <>
      <LiveRefresh types={["notice", "reply", "acknowledgment", "escalation", "conflict"]} debounceMs={100} />
      <PageHeader
        title={title}
        description={`${n.ref} · ${c.operationRef} · ${t("detail.timeZoneNote", { zone: zoneLabel(actor.agencyTimeZone, locale) })}`}
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <NoticeBadges n={n} t={t} statusLabel={operationStatusLabel(n.kind, c.status, tf)} />
        {n.side === "SENDER" ? (
          <Link
            href={`/operations/${n.operationId}`}
            className="text-sm font-medium text-brand-dark underline underline-offset-2"
          >
            {t("detail.operationLink", { ref: c.operationRef })}
          </Link>
        ) : null}
        {n.superseded && latest ? (
          <Link
            href={`/notices/${latest.id}`}
            className="text-sm font-medium text-brand-dark underline underline-offset-2"
            data-testid="latest-notice"
          >
            {t("status.superseded")}: {latest.ref}
          </Link>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-4">
          <section
            aria-labelledby="ack-title"
            className="rounded-lg border border-line bg-white p-4"
            data-testid="ack-panel"
          >
            <h2 id="ack-title" className="mb-2 text-lg font-semibold">
              {t("detail.acknowledgment")}
            </h2>
            {n.acknowledgedAt ? (
              <p data-testid="acknowledged-by">
                {t("actions.acknowledgedBy", { name: n.acknowledgedByName ?? "—", at: when(n.acknowledgedAt) })}
              </p>
            ) : n.requiresAck ? (
              <p className="mb-3" data-testid="not-acknowledged">
                {t("status.notAcknowledged")}
              </p>
            ) : (
              <p>{t("status.noAckNeeded")}</p>
            )}
            {canAck ? <AcknowledgeNoticeButton id={n.id} action={acknowledgeNoticeAction} /> : null}
            {conflictGate && n.side === "RECIPIENT" && !n.acknowledgedAt ? (
              <p className="text-sm text-muted">{tLinks("supervisorAcknowledges")}</p>
            ) : null}
            {canDecide ? (
              <div className="mt-4">
                <AssistanceDecisionForm id={n.id} action={decideAssistanceAction} />
              </div>
            ) : null}
          </section>
          {afterAction || afterActionDue ? (
            <section
              aria-labelledby="shared-after-action-title"
              className="rounded-lg border border-line bg-white p-4"
              data-testid="shared-after-action"
            >
              <h2 id="shared-after-action-title" className="mb-2 text-lg font-semibold">
                {tf("afterAction.sharedTitle")}
              </h2>
              {afterAction ? (
                <AfterActionAccount account={afterAction} t={tf} when={when} />
              ) : (
                <p>{tf("afterAction.sharedPending", { at: when(afterActionDue!) })}</p>
              )}
            </section>
          ) : null}
          <NoticeConflictLinks n={n} t={tLinks} when={when} />
          <NoticeFacts n={n} t={t} tOps={tOps} when={when} />
          {c.area ? (
            <section aria-labelledby="area-title" className="rounded-lg border border-line bg-white p-4">
              <h2 id="area-title" className="mb-2 text-lg font-semibold">
                {t("detail.area")}
              </h2>
              {c.area.precision === "GENERALIZED" ? (
                <p className="mb-2 text-sm" data-testid="generalized-note">
                  {t("detail.generalizedNote")}
                </p>
              ) : null}
              {/* The area as this viewer may see it: a generalised notice is described as generalised. */}
              <AreaView
                area={c.area.area}
                tileUrl={env().MAP_TILE_URL ?? null}
                label={t("detail.areaMapLabel", { precision: t(`precision.${c.area.precision}`) })}
                words={areaInWords(c.area.area, tGeo, locale)}
              />
            </section>
          ) : null}
        </div>
        <div className="flex flex-col gap-4">
          <section aria-labelledby="thread-title" className="rounded-lg border border-line bg-white p-4">
            <h2 id="thread-title" className="mb-1 text-lg font-semibold">
              {t("thread.title")}
            </h2>
            <p className="mb-3 text-sm text-muted">{t("thread.intro")}</p>
            <NoticeThread entries={n.thread} t={t} when={when} ownSide={n.side} />
            {acting ? (
              <div className="mt-4">
                <ReplyForm id={n.id} action={replyToNoticeAction} />
              </div>
            ) : null}
          </section>
          {canRequest ? (
            <section className="rounded-lg border border-line bg-white p-4">
              <AssistanceRequestForm id={n.id} agencyName={n.recipient.name} action={requestAssistanceAction} />
            </section>
          ) : null}
          <NoticeTracking n={n} t={t} when={when} />
          {/* Exports for dispatch and alerting software: useful, but not what a person opens the notice for. */}
          <section
            aria-labelledby="exports-title"
            className="rounded-lg border border-line bg-white p-4"
            data-testid="notice-exports"
          >
            <h2 id="exports-title" className="mb-1 text-lg font-semibold">
              {t("exports.title")}
            </h2>
            <p className="mb-3 text-sm text-muted">{t("exports.intro")}</p>
            <ul className="flex flex-col gap-2 text-sm">
              <li>
                <a
                  href={`/notices/${n.id}/cap`}
                  className="inline-flex min-h-11 items-center font-medium text-brand-dark underline underline-offset-2"
                  data-testid="cap-download"
                  download
                >
                  {t("exports.cap")}
                </a>
              </li>
              {n.acknowledgedAt ? (
                <li>
                  <a
                    href={`/notices/${n.id}/cap?ack=1`}
                    className="inline-flex min-h-11 items-center font-medium text-brand-dark underline underline-offset-2"
                    download
                  >
                    {t("exports.capAck")}
                  </a>
                </li>
              ) : null}
            </ul>
          </section>
        </div>
      </div>
    </>
  );
}
