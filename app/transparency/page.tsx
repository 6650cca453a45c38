// The public record's front page: the participating agencies' jurisdictions on a map coloured by
// 287(g) status and whether a current policy is published, the latest published quarter's
// figures across them, and a link to every agency. No sign-in; published records only.
import type { Metadata } from "next";
import { JurisdictionsSvg, STATUS_COLORS, Swatch } from "@/components/map/jurisdictions-svg";
import { getT } from "@/app/_i18n/server";
import { headline, latestQuarter } from "@/lib/public-record/rollup";
import { cachedAllRecords, cachedParticipating } from "./_lib/cache";
import { showRollup } from "./_lib/figures";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("publicRecord");
  return {
    title: t("public.overviewTitle"),
    alternates: { types: { "application/atom+xml": "/transparency/feed.xml" } },
  };
}

export default async function TransparencyOverview() {
  const [t, agencies, records] = await Promise.all([getT("publicRecord"), cachedParticipating(), cachedAllRecords()]);
  const latest = latestQuarter(records.flatMap((r) => r.reports));
  const inLatest = latest
    ? records.flatMap((r) => r.reports.filter((p) => p.year === latest.year && p.quarter === latest.quarter))
    : [];
  const h = headline(inLatest.map((r) => r.figures as never));
  const items = agencies.map((a) => ({
    ...a,
    label: t("public.mapLabel", {
      agency: a.name,
      status: t(`status.${a.status}`),
      policy: a.hasPolicy ? t("public.policyPublished") : t("public.noPolicy"),
    }),
  }));

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-bold">{t("public.overviewTitle")}</h1>
        <p className="mt-2 max-w-3xl">{t("public.overviewIntro")}</p>
      </div>

      {latest ? (
        <section aria-labelledby="headline-title" data-testid="headline">
          <h2 id="headline-title" className="text-xl font-semibold">
            {t("public.headlineTitle", { quarter: latest.quarter, year: String(latest.year) })}
          </h2>
          <p className="text-sm text-muted">{t("public.headlineNote", { count: inLatest.length })}</p>
          <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
            {(["requests", "complied", "declined", "detainersWithoutWarrant", "departures"] as const).map((k) => (
              <div key={k} className="rounded-lg border border-line bg-white p-3">
                <dt className="text-sm text-muted">{t(`public.headline.${k}`)}</dt>
                <dd className="text-2xl font-semibold tabular-nums">{showRollup(h[k], t)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="map-title" className="flex flex-col gap-3">
        <h2 id="map-title" className="text-xl font-semibold">
          {t("public.mapTitle")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-[16rem_1fr]">
          <JurisdictionsSvg items={items} title={t("public.mapTitle")} />
          <ul className="flex flex-col gap-2 text-sm" aria-label={t("public.legend")}>
            {(["ACTIVE", "EXPIRED", "TERMINATED", "NONE"] as const).map((s) => (
              <li key={s}>
                <Swatch color={STATUS_COLORS[s]} /> {t(`public.legendStatus.${s}`)}
              </li>
            ))}
            <li>
              <Swatch color="#ffffff" /> {t("public.policyPublished")}
            </li>
            <li>
              <Swatch color="#ffffff" dashed /> {t("public.noPolicy")}
            </li>
          </ul>
        </div>
      </section>

      <section aria-labelledby="agencies-title">
        <h2 id="agencies-title" className="text-xl font-semibold">
          {t("public.agenciesTitle")}
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="agency-list">
          {agencies.map((a) => (
            <li key={a.slug} className="rounded-lg border border-line bg-white p-3">
              <a href={`/transparency/${a.slug}`} className="font-semibold text-brand underline">
                {a.name}
              </a>
              <p className="text-sm">
                {t("public.agreementStatus")}: {t(`status.${a.status}`)}
              </p>
              <p className="text-sm">{a.hasPolicy ? t("public.policyPublished") : t("public.noPolicy")}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
