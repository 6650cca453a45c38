// The dashboard: what needs the viewer now, for their agency only, in the order their role acts
// on it (a supervisor's conflicts, a chief's notices and federal requests, a liaison's own
// operations and the replies to them); then the map and the next seven days. It re-reads itself
// when a live event arrives (a notice, an acknowledgment, a conflict, a request, an escalation).
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "../_auth/require-actor";
import { getLocale, getT } from "../_i18n/server";
import { loadOrNotFound } from "./admin/_lib/load-or-not-found";
import { currentTime } from "@/lib/clock";
import { readDashboard, type Section } from "@/lib/dashboard/read-dashboard";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { areaInWords } from "@/lib/geo/area-in-words";
import { formatDateTime, formatRelative, zoneLabel } from "@/lib/i18n/format";
import { DashboardSection, type Fmt } from "@/components/dashboard/dashboard-sections";
import { DashboardMap } from "@/components/dashboard/dashboard-map";
import { WeekTimeline } from "@/components/dashboard/week-timeline";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "../_i18n/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("dashboard"))("title") };
}

const SECTION_HREF: Record<Section, string> = {
  notices: "#dash-notices",
  conflicts: "#dash-conflicts",
  requests: "#dash-requests",
  operations: "#dash-operations",
  replies: "#dash-replies",
};

export default async function DashboardPage() {
  const actor = await requireActor();
  const now = await currentTime(db());
  const d = await loadOrNotFound(() => readDashboard({ db: db(), actor, now }));
  const [t, tc, tr, tn, to, tGeo, locale] = await Promise.all([
    getT("dashboard"),
    getT("conflicts"),
    getT("requests"),
    getT("notices"),
    getT("operations"),
    getT("geo"),
    getLocale(),
  ]);
  const f: Fmt = {
    when: (x) => formatDateTime(x, actor.agencyTimeZone, locale),
    relative: (x) => formatRelative(x, now, locale),
  };
  const counts: Record<Section, number> = {
    notices: d.notices.total,
    conflicts: d.conflicts.total,
    requests: d.requests?.total ?? 0,
    operations: d.operations.length,
    replies: d.replies.length,
  };
  const mapItems = d.map.items.map((m) => ({ ...m, words: areaInWords(m.area, tGeo, locale) }));

  return (
    <ClientMessages scopes={["geo", "operations.area.noVertices", "operations.area.vertexLine"]}>
      <LiveRefresh
        types={["notice", "acknowledgment", "reply", "conflict", "request", "escalation", "operation"]}
        debounceMs={100}
      />
      <PageHeader title={t("title")} description={t("intro", { agency: actor.agencyName })} />
      <p className="mb-4 text-sm text-muted">
        {t("timeZoneNote", { zone: zoneLabel(actor.agencyTimeZone, locale, now) })}
      </p>

      {/* The counts first, in the order this person acts on them: each one a large link to its list. */}
      <nav aria-label={t("summaryLabel")} className="mb-6">
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5" data-testid="dash-summary">
          {d.order.map((s) => (
            <li key={s}>
              <a
                href={SECTION_HREF[s]}
                data-testid={`dash-summary-${s}`}
                className={`flex min-h-16 flex-col justify-center rounded-lg border px-3 py-2 hover:bg-blue-50 ${counts[s] > 0 && s !== "operations" && s !== "replies" ? "border-red-700 bg-red-50" : "border-line bg-white"}`}
              >
                <span className="text-2xl font-bold">{counts[s]}</span>
                <span className="text-sm font-medium">{t(`summary.${s}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-4">
          {d.order.map((s) => (
            <div key={s} id={`dash-${s}`} className="scroll-mt-4">
              <DashboardSection section={s} d={d} f={f} tt={{ t, tc, tr, tn, to }} />
            </div>
          ))}
        </div>
        <div className="flex flex-col gap-4">
          <section aria-labelledby="dash-map-title" className="rounded-lg border border-line bg-white p-4">
            <h2 id="dash-map-title" className="mb-1 text-lg font-semibold">
              {t("map.title")}
            </h2>
            <p className="mb-3 text-sm text-muted">{t("map.intro")}</p>
            <DashboardMap
              items={mapItems.map(({ kind, id, title, precision, area }) => ({ kind, id, title, precision, area }))}
              jurisdiction={d.map.jurisdiction}
              tileUrl={env().MAP_TILE_URL ?? null}
            />
            <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
              <span>
                <span className="mr-1 inline-block h-3 w-3 rounded-sm border-2 border-blue-700 bg-blue-200 align-middle" />
                {t("map.legendOwn")}
              </span>
              <span>
                <span className="mr-1 inline-block h-3 w-3 rounded-sm border-2 border-amber-700 bg-amber-200 align-middle" />
                {t("map.legendNotice")}
              </span>
              {d.map.jurisdiction ? (
                <span>
                  <span className="mr-1 inline-block h-0 w-4 border-t-2 border-dashed border-slate-900 align-middle" />
                  {t("map.legendJurisdiction")}
                </span>
              ) : null}
            </p>
            {mapItems.length === 0 ? (
              <p className="mt-3 rounded-md bg-slate-50 p-3" data-testid="dash-map-empty">
                {t("map.empty")}
              </p>
            ) : (
              <ul className="mt-3 flex flex-col gap-2" data-testid="dash-map-list">
                {mapItems.map((m) => (
                  <li key={`${m.kind}:${m.id}`}>
                    <Link
                      href={m.href}
                      data-testid="dash-map-item"
                      data-kind={m.kind}
                      className="block min-h-12 rounded-md border border-line px-3 py-2 hover:bg-blue-50"
                    >
                      <span className="block font-semibold text-brand-dark">{m.title}</span>
                      <span className="block text-sm">
                        {m.kind === "OWN" ? t("timeline.own") : t("timeline.from", { agency: m.agencyName })} ·{" "}
                        {f.when(m.startsAt)}
                      </span>
                      {m.words ? (
                        <span className="block text-sm" data-testid="dash-area-words">
                          {m.words.text}
                        </span>
                      ) : null}
                      {m.precision === "GENERALIZED" ? (
                        <span className="block text-sm text-muted">{t("map.generalized")}</span>
                      ) : null}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <WeekTimeline items={d.timeline} now={now} timeZone={actor.agencyTimeZone} locale={locale} t={t} />
        </div>
      </div>
    </ClientMessages>
  );
}
