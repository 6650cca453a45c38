// One agency's directory entry: who they are, how to reach them around the clock, how much
// notice they ask for, and the outline of their jurisdiction. No user accounts are shown.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { JurisdictionOutline } from "@/components/map/jurisdiction-outline";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { getDirectoryEntry } from "@/lib/agencies/directory";
import { zoneLabel } from "@/lib/i18n/format";
import { loadOrNotFound } from "../../admin/_lib/load-or-not-found";
import { languageList } from "../_lib/language-names";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("directory");
  return { title: t("title") };
}

export default async function DirectoryEntryPage({ params }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const agency = await loadOrNotFound(() => getDirectoryEntry({ actor, slug }));
  const [t, tc, locale] = await Promise.all([getT("directory"), getT("common"), getLocale()]);
  const deg = (n: number | null) => (n === null ? "" : `${n.toFixed(3)}°`);
  const notSet = <span className="text-muted">{t("entry.notSet")}</span>;
  const backup = [agency.backupContactName, agency.backupContactPhone, agency.backupContactEmail]
    .filter(Boolean)
    .join(" · ");

  const facts: [string, ReactNode][] = [
    [t("entry.level"), tc(`levels.${agency.level}`)],
    [t("entry.kind"), t(`kinds.${agency.kind}`)],
    [t("entry.timeZone"), zoneLabel(agency.timeZone, locale)],
  ];
  const contacts: [string, ReactNode][] = [
    [
      t("entry.phone"),
      <a key="p" href={`tel:${agency.phone24x7.replace(/[^\d+]/g, "")}`} className="text-brand underline">
        {agency.phone24x7}
      </a>,
    ],
    [
      t("entry.email"),
      agency.email ? (
        <a key="e" href={`mailto:${agency.email}`} className="text-brand underline">
          {agency.email}
        </a>
      ) : (
        notSet
      ),
    ],
    [t("entry.backup"), backup || notSet],
  ];
  const notice: [string, ReactNode][] = [
    [t("entry.languages"), languageList(agency.languages, locale)],
    [t("entry.lead"), t("leadHours", { hours: agency.noticeLeadHours })],
  ];

  return (
    <>
      <p className="mb-4">
        <Link href="/directory" className="text-brand underline">
          {t("entry.back")}
        </Link>
      </p>
      <PageHeader title={agency.name} description={agency.shortName} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="flex flex-col gap-6">
          <Facts id="summary" title={t("entry.summary")} rows={facts} />
          <Facts id="contacts" title={t("entry.contacts")} rows={contacts} />
          <Facts id="notice" title={t("entry.notice")} rows={notice} />
        </div>
        <section aria-labelledby="jurisdiction-heading" className="rounded-lg border border-line bg-white p-6">
          <h2 id="jurisdiction-heading" className="mb-4 text-lg font-semibold">
            {t("entry.jurisdiction")}
          </h2>
          {agency.boundary ? (
            <>
              <JurisdictionOutline boundary={agency.boundary} label={t("entry.outline", { name: agency.name })} />
              <p className="mt-3 text-sm text-muted">
                {t("entry.extent", {
                  west: deg(agency.bboxMinLon),
                  east: deg(agency.bboxMaxLon),
                  south: deg(agency.bboxMinLat),
                  north: deg(agency.bboxMaxLat),
                })}
              </p>
            </>
          ) : (
            <p data-testid="no-boundary">{t("entry.noBoundary")}</p>
          )}
        </section>
      </div>
    </>
  );
}

function Facts({ id, title, rows }: { id: string; title: string; rows: [string, ReactNode][] }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-line bg-white p-6">
      <h2 id={`${id}-heading`} className="mb-4 text-lg font-semibold">
        {title}
      </h2>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid={`entry-${id}`}>
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-muted">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
