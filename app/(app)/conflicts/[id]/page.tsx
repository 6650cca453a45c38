// One conflict as a party agency sees it: the facts, whom to call on the other side, both sides'
// acknowledgments and the outcome. Need to know: nothing of the other operation beyond contact
// and comms. For an agency that is not a party the conflict does not exist (not-found page).
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { can } from "@/lib/auth/authorize";
import { getConflictForActor } from "@/lib/conflicts/conflicts";
import { CONFLICT_DECIDING_ROLES } from "@/lib/conflicts/roles";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { areaInWords } from "@/lib/geo/area-in-words";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { AreaView } from "@/components/map/area-view";
import { SeverityLabel } from "@/components/conflicts/severity-label";
import { CounterpartContact } from "@/components/conflicts/counterpart-contact";
import { ConflictFacts } from "@/components/conflicts/conflict-facts";
import { AcknowledgeButton, ResolveForm } from "@/components/conflicts/conflict-actions";
import { acknowledgeConflictAction, resolveConflictAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

const statusTone = { OPEN: "danger", RESOLVED: "ok", CLOSED: "neutral" } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor();
  const { id } = await params;
  const c = await getConflictForActor({ db: db(), actor, conflictId: id }).catch(() => null);
  if (!c) return { title: (await getT("common"))("errorPage.notFoundTitle") };
  return { title: (await getT("conflicts.detail"))("title", { agency: c.counterpart.agency.shortName }) };
}

export default async function ConflictPage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const c = await loadOrNotFound(() => getConflictForActor({ db: db(), actor, conflictId: id }));
  const [t, tc, tGeo, locale] = await Promise.all([getT("conflicts.detail"), getT("conflicts"), getT("geo"), getLocale()]);
  const when = (d: Date | string) => formatDateTime(d, actor.agencyTimeZone, locale);
  const deciding = can(actor, { roles: CONFLICT_DECIDING_ROLES, agencyId: actor.agencyId });
  const own = c.own.operation;

  return (
    <>
      <p className="mb-4">
        <Link href="/conflicts" className="text-brand underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("title", { agency: c.counterpart.agency.name })} description={zoneLabel(actor.agencyTimeZone, locale)} />
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <SeverityLabel severity={c.facts.severity} label={tc(`severities.${c.facts.severity}`)} />
        <span data-testid="conflict-status" data-status={c.status}>
          <Badge tone={statusTone[c.status]}>{tc(`statuses.${c.status}`)}</Badge>
        </span>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="flex flex-col gap-6">
          <ConflictFacts facts={c.facts} detectedAt={c.detectedAt} when={when} t={tc} />
          <CounterpartContact counterpart={c.counterpart} t={tc} />
        </div>
        <div className="flex flex-col gap-6">
          <section aria-labelledby="own-op" className="rounded-md border border-line bg-white p-4">
            <h2 id="own-op" className="mb-2 text-lg font-semibold">
              {t("yourOperation")}
            </h2>
            <p>
              <Link href={`/operations/${own.id}`} className="text-brand underline" data-testid="own-operation-link">
                {own.ref} · {own.title}
              </Link>
            </p>
            <p className="mt-1 text-sm text-muted">
              {when(own.startsAt)} – {when(own.endsAt)}
            </p>
          </section>
          <AreaView area={own.area} tileUrl={env().MAP_TILE_URL ?? null} label={t("mapCaption")} marker={c.facts.where} markerLabel={tc("facts.where")} words={areaInWords(own.area, tGeo, locale)} />
        </div>
      </div>
      <section aria-labelledby="acks" className="mt-6 rounded-md border border-line bg-white p-4">
        <h2 id="acks" className="mb-3 text-lg font-semibold">
          {t("acks")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="acks">
          <dt className="font-medium text-muted">{t("yourSide")}</dt>
          <dd data-testid="ack-own">{c.own.acknowledged ? t("ackedAt", { at: when(c.own.acknowledged.at) }) : t("notAcked")}</dd>
          <dt className="font-medium text-muted">{t("theirSide", { agency: c.counterpart.agency.name })}</dt>
          <dd data-testid="ack-counterpart">{c.counterpart.acknowledged ? t("ackedAt", { at: when(c.counterpart.acknowledged.at) }) : t("notAcked")}</dd>
        </dl>
        {deciding && c.status !== "CLOSED" && !c.own.acknowledged ? (
          <div className="mt-4">
            <AcknowledgeButton id={c.id} action={acknowledgeConflictAction} />
          </div>
        ) : null}
      </section>
      <section aria-labelledby="outcome-title" className="mt-6 rounded-md border border-line bg-white p-4">
        <h2 id="outcome-title" className="mb-3 text-lg font-semibold">
          {t("outcome")}
        </h2>
        {c.outcome ? (
          <div data-testid="conflict-outcome">
            <p className="font-semibold">{tc(`outcomes.${c.outcome.outcome}`)}</p>
            <p className="mt-1 whitespace-pre-line">{c.outcome.note}</p>
            <p className="mt-1 text-sm text-muted">{t(c.outcome.byOwnSide ? "resolvedByOwn" : "resolvedByOther", { at: when(c.outcome.at), agency: c.counterpart.agency.name })}</p>
          </div>
        ) : null}
        {c.closed ? (
          <p data-testid="conflict-closed">
            {tc(`closedReasons.${c.closed.reason}`)} <span className="text-muted">{t("closed", { at: when(c.closed.at) })}</span>
          </p>
        ) : null}
        {!c.outcome && !c.closed && c.status === "OPEN" ? (
          deciding ? (
            <ResolveForm id={c.id} action={resolveConflictAction} />
          ) : (
            <p className="text-muted">{tc("queue.readOnly")}</p>
          )
        ) : null}
      </section>
    </>
  );
}
