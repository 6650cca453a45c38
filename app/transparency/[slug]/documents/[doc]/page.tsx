// One published document: the chosen version's full text (the current one unless ?v= names an
// earlier one), every published version in its history, and what changed from the version before.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PolicyMarkdown } from "@/components/public-record/markdown";
import { getLocale, getT } from "@/app/_i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { versionChanges } from "@/lib/public-record/diff";
import { cachedAgencyRecord, cachedDocument } from "../../../_lib/cache";
import { calendarDay, localized } from "../../../_lib/localize";

type Props = { params: Promise<{ slug: string; doc: string }>; searchParams: Promise<{ v?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, doc } = await params;
  const d = await cachedDocument(slug, doc);
  return { title: d?.versions[0]?.title ?? "—" };
}

export default async function PublicDocumentPage({ params, searchParams }: Props) {
  const { slug, doc } = await params;
  const [document, record] = await Promise.all([cachedDocument(slug, doc), cachedAgencyRecord(slug)]);
  if (!document || !record) notFound();
  const requested = Number((await searchParams).v);
  const current = document.versions.find((v) => v.version === requested) ?? document.versions[0];
  const previous = document.versions.find((v) => v.version === current.version - 1);
  const [t, locale] = await Promise.all([getT("publicRecord"), getLocale()]);
  const text = localized(current, locale);
  const changes = previous ? versionChanges(previous, current, locale) : [];
  const tz = record.agency.timeZone;

  return (
    <article className="flex flex-col gap-8">
      <div>
        <p className="text-sm">
          <a href={`/transparency/${slug}`} className="text-brand underline">
            {record.agency.name}
          </a>
        </p>
        <h1 className="mt-1 text-2xl font-bold" lang={text.lang}>
          {text.title}
        </h1>
        <p className="mt-1 text-sm text-muted" data-testid="version-line">
          {t("public.versionOf", { version: current.version, count: document.versions.length })}
          {current.version !== document.versions[0].version ? ` · ${t("public.notCurrent")}` : ""}
          {current.effectiveOn ? ` · ${t("public.effective", { date: calendarDay(current.effectiveOn, locale) })}` : ""}
          {current.nextReviewOn
            ? ` · ${t("public.nextReview", { date: calendarDay(current.nextReviewOn, locale) })}`
            : ""}
        </p>
        {current.version !== document.versions[0].version ? (
          <p className="mt-2 rounded border border-amber-400 bg-amber-50 p-2 text-sm" data-testid="old-version-notice">
            {t("public.oldVersion")}{" "}
            <a className="text-brand underline" href={`/transparency/${slug}/documents/${doc}`}>
              {t("public.readCurrent")}
            </a>
          </p>
        ) : null}
      </div>

      <section aria-labelledby="summary-title" lang={text.lang}>
        <h2 id="summary-title" className="text-xl font-semibold">
          {document.kind === "AGREEMENT_287G" ? t("public.scope") : t("public.summary")}
        </h2>
        <p className="mt-2">{text.summary}</p>
      </section>

      <section aria-labelledby="text-title" lang={text.lang} data-testid="document-text">
        <h2 id="text-title" className="text-xl font-semibold">
          {t("public.fullText")}
        </h2>
        <div className="mt-2 rounded-lg border border-line bg-white p-4">
          <PolicyMarkdown text={text.body} />
        </div>
      </section>

      {previous ? (
        <section aria-labelledby="changes-title" data-testid="what-changed">
          <h2 id="changes-title" className="text-xl font-semibold">
            {t("public.whatChanged", { from: previous.version, to: current.version })}
          </h2>
          <p className="text-sm text-muted">{t("public.diffLegend")}</p>
          {changes.length === 0 ? <p>{t("public.noChanges")}</p> : null}
          <dl className="mt-2 flex flex-col gap-3">
            {changes.map((c) => (
              <div key={c.field} className="rounded-lg border border-line bg-white p-3">
                <dt className="font-semibold">{t(`fields.${c.field}`)}</dt>
                <dd className="mt-1 whitespace-pre-wrap break-words">
                  {c.parts.map((p, i) =>
                    p.added ? (
                      <ins key={i} className="bg-green-100 text-green-900 underline">
                        {p.value}
                      </ins>
                    ) : p.removed ? (
                      <del key={i} className="bg-red-100 text-red-900 line-through">
                        {p.value}
                      </del>
                    ) : (
                      <span key={i}>{p.value}</span>
                    ),
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="text-xl font-semibold">
          {t("public.history")}
        </h2>
        <ol className="mt-2 flex flex-col gap-1" data-testid="version-history">
          {document.versions.map((v) => (
            <li key={v.version}>
              {v.version === current.version ? (
                <span aria-current="page" className="font-semibold">
                  {t("public.historyEntry", { version: v.version, date: formatDate(v.publishedAt, tz, locale) })}
                </span>
              ) : (
                <a className="text-brand underline" href={`/transparency/${slug}/documents/${doc}?v=${v.version}`}>
                  {t("public.historyEntry", { version: v.version, date: formatDate(v.publishedAt, tz, locale) })}
                </a>
              )}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
