// One conflict as a party agency sees it: what its supervisors must do first (acknowledge, or
// answer the other side's proposed outcome), the facts, whom to call on the other side, both
// sides' acknowledgments, the outcome, every step either side took, and the notices that report
// it — updated live. Need to know: nothing of the other operation beyond contact and comms. A host
// agency notified of both operations gets a read-only view built from its own notices; for anyone
// else the conflict does not exist (not-found page).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import { getConflictForActor } from "@/lib/conflicts/conflicts";
import type { ConflictView } from "@/lib/conflicts/conflict-view";
import { getHostConflictView, type HostConflictView } from "@/lib/conflicts/host-view";
import { CONFLICT_DECIDING_ROLES } from "@/lib/conflicts/roles";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { areaInWords } from "@/lib/geo/area-in-words";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { AreaView } from "@/components/map/area-view";
import { SeverityLabel } from "@/components/conflicts/severity-label";
import { CounterpartContact } from "@/components/conflicts/counterpart-contact";
import { ConflictFacts } from "@/components/conflicts/conflict-facts";
import { ConflictButton, OutcomeForm, ReopenForm } from "@/components/conflicts/conflict-actions";
import { ConflictAcks, ConflictHistory, ConflictNotices } from "@/components/conflicts/conflict-record";
import { HostConflict } from "@/components/conflicts/host-conflict";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import {
  acknowledgeConflictAction,
  confirmOutcomeAction,
  contestOutcomeAction,
  proposeOutcomeAction,
  reopenConflictAction,
} from "../actions";

type Props = { params: Promise<{ id: string }> };

const statusTone = { OPEN: "danger", RESOLVED: "ok", CLOSED: "neutral" } as const;
const LIVE_TYPES = ["conflict", "acknowledgment", "notice"] as const;

type Loaded = { party: ConflictView } | { host: HostConflictView };

async function load(actor: Actor, id: string): Promise<Loaded | null> {
  const refused = (e: unknown) => e instanceof NotFoundError || e instanceof ForbiddenError;
  try {
    return { party: await getConflictForActor({ db: db(), actor, conflictId: id }) };
  } catch (e) {
    if (!refused(e)) throw e;
  }
  try {
    return { host: await getHostConflictView({ db: db(), actor, conflictId: id }) };
  } catch (e) {
    if (!refused(e)) throw e;
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor();
  const { id } = await params;
  const c = await load(actor, id).catch(() => null);
  if (!c) return { title: (await getT("common"))("errorPage.notFoundTitle") };
  if ("host" in c) return { title: (await getT("conflicts.twoSided.host"))("title") };
  return { title: (await getT("conflicts.detail"))("title", { agency: c.party.counterpart.agency.shortName }) };
}

export default async function ConflictPage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const loaded = await load(actor, id);
  if (!loaded) notFound();
  const locale = await getLocale();
  const when = (d: Date | string) => formatDateTime(d, actor.agencyTimeZone, locale);
  if ("host" in loaded) {
    const th = await getT("conflicts.twoSided.host");
    return (
      <>
        <LiveRefresh types={[...LIVE_TYPES]} />
        <PageHeader title={th("title")} description={zoneLabel(actor.agencyTimeZone, locale)} />
        <HostConflict c={loaded.host} t={th} when={when} />
      </>
    );
  }
  const c = loaded.party;
  const [t, tc, t2, tn, tGeo] = await Promise.all([
    getT("conflicts.detail"),
    getT("conflicts"),
    getT("conflicts.twoSided"),
    getT("notices"),
    getT("geo"),
  ]);
  const deciding = can(actor, { roles: CONFLICT_DECIDING_ROLES, agencyId: actor.agencyId });
  const own = c.own.operation;
  const theirs = c.counterpart.agency.name;
  const answerable = deciding && c.status === "OPEN" && c.proposal && !c.proposal.byOwnSide;
  const mustAck = deciding && c.status !== "CLOSED" && !c.own.acknowledged;

  return (
    <>
      <LiveRefresh types={[...LIVE_TYPES]} />
      <p className="mb-4">
        <Link href="/conflicts" className="text-brand underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={t("title", { agency: theirs })}
        description={t2("zone", { zone: zoneLabel(actor.agencyTimeZone, locale) })}
      />
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <SeverityLabel severity={c.facts.severity} label={tc(`severities.${c.facts.severity}`)} />
        <span data-testid="conflict-status" data-status={c.status}>
          <Badge tone={statusTone[c.status]}>{tc(`statuses.${c.status}`)}</Badge>
        </span>
      </div>

      {c.proposal ? (
        <section
          aria-labelledby="proposal-title"
          className="mb-6 rounded-md border-2 border-amber-500 bg-amber-50 p-4"
          data-testid="conflict-proposal"
          data-by={c.proposal.byOwnSide ? "OWN" : "OTHER"}
        >
          <h2 id="proposal-title" className="mb-2 text-lg font-semibold">
            {c.proposal.byOwnSide
              ? t2("proposal.waiting", { agency: theirs })
              : t2("proposal.fromOther", { agency: theirs })}
          </h2>
          <p className="font-semibold">{tc(`outcomes.${c.proposal.outcome}`)}</p>
          <p className="mt-1 whitespace-pre-line">{c.proposal.note}</p>
          <p className="mt-1 text-sm text-muted">
            {t2("proposal.by", { name: c.proposal.byName ?? "—", at: when(c.proposal.at) })}
          </p>
          {answerable ? (
            <div className="mt-4 flex flex-col gap-4">
              <ConflictButton id={c.id} action={confirmOutcomeAction} label={t2("confirm")} testId="confirm" />
              <OutcomeForm id={c.id} action={contestOutcomeAction} mode="contest" />
            </div>
          ) : null}
        </section>
      ) : null}
      {mustAck && !answerable ? (
        <section
          aria-labelledby="ack-first"
          className="mb-6 rounded-md border-2 border-danger bg-red-50 p-4"
          data-testid="ack-callout"
        >
          <h2 id="ack-first" className="mb-2 text-lg font-semibold">
            {t2("ackFirst")}
          </h2>
          <ConflictButton id={c.id} action={acknowledgeConflictAction} label={t("acknowledge")} testId="acknowledge" />
        </section>
      ) : null}

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
          <AreaView
            area={own.area}
            tileUrl={env().MAP_TILE_URL ?? null}
            label={t("mapCaption")}
            marker={c.facts.where}
            markerLabel={tc("facts.where")}
            words={areaInWords(own.area, tGeo, locale)}
          />
        </div>
      </div>
      <section aria-labelledby="acks" className="mt-6 rounded-md border border-line bg-white p-4">
        <h2 id="acks" className="mb-3 text-lg font-semibold">
          {t("acks")}
        </h2>
        <ConflictAcks c={c} t={t2} tc={tc} when={when} />
      </section>
      <section aria-labelledby="outcome-title" className="mt-6 rounded-md border border-line bg-white p-4">
        <h2 id="outcome-title" className="mb-3 text-lg font-semibold">
          {t("outcome")}
        </h2>
        {c.outcome ? (
          <div data-testid="conflict-outcome">
            <p className="font-semibold">{tc(`outcomes.${c.outcome.outcome}`)}</p>
            <p className="mt-1 whitespace-pre-line">{c.outcome.note}</p>
            <p className="mt-1 text-sm text-muted">
              {c.outcome.byOwnSide
                ? t2("confirmedByOwn", { name: c.outcome.byName ?? "—", at: when(c.outcome.at) })
                : t2("confirmedByOther", { agency: theirs, name: c.outcome.byName ?? "—", at: when(c.outcome.at) })}
            </p>
          </div>
        ) : null}
        {c.closed ? (
          <p data-testid="conflict-closed">
            {tc(`closedReasons.${c.closed.reason}`)}{" "}
            <span className="text-muted">{t("closed", { at: when(c.closed.at) })}</span>
          </p>
        ) : null}
        {c.status === "OPEN" && !c.proposal ? (
          deciding ? (
            <OutcomeForm id={c.id} action={proposeOutcomeAction} mode="propose" />
          ) : (
            <p className="text-muted">{t2("readOnly")}</p>
          )
        ) : null}
        {c.status === "OPEN" && c.proposal && !deciding ? <p className="text-muted">{t2("readOnly")}</p> : null}
        {c.status === "RESOLVED" && deciding ? <ReopenForm id={c.id} action={reopenConflictAction} /> : null}
      </section>
      <ConflictHistory c={c} t={t2} tc={tc} when={when} />
      <ConflictNotices c={c} t={t2} tn={tn} when={when} />
    </>
  );
}
