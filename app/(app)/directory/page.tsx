// The agency directory: every agency and whom to call, searchable by name, level and kind.
// A plain GET form, so it works without JavaScript and a filtered list can be bookmarked.
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { listDirectory } from "@/lib/agencies/directory";
import { AGENCY_KINDS, AGENCY_LEVELS, directoryFilterSchema } from "@/lib/validation/agency";
import { languageList } from "./_lib/language-names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("directory");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DirectoryPage({ searchParams }: Props) {
  const actor = await requireActor();
  const filter = directoryFilterSchema.parse(await searchParams);
  const [t, tc, locale] = await Promise.all([getT("directory"), getT("common"), getLocale()]);
  const agencies = await listDirectory({ actor, filter });
  const filtered = Boolean(filter.q || filter.level || filter.kind);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {/* Keyed by the filter, so "Clear filters" (a client-side navigation) also resets the fields. */}
      <form
        key={JSON.stringify(filter)}
        method="get"
        role="search"
        aria-label={t("search.legend")}
        className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-white p-4"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="text-sm font-medium">
            {t("search.q")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filter.q ?? ""}
            className="rounded-md border border-slate-400 bg-white px-3 py-2"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="level" className="text-sm font-medium">
            {t("search.level")}
          </label>
          <select
            id="level"
            name="level"
            defaultValue={filter.level ?? ""}
            className="rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            <option value="">{t("search.any")}</option>
            {AGENCY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {tc(`levels.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="kind" className="text-sm font-medium">
            {t("search.kind")}
          </label>
          <select
            id="kind"
            name="kind"
            defaultValue={filter.kind ?? ""}
            className="rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            <option value="">{t("search.any")}</option>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark"
        >
          {t("search.submit")}
        </button>
        {filtered ? (
          <Link href="/directory" className="py-2 text-sm text-brand underline">
            {t("search.reset")}
          </Link>
        ) : null}
      </form>

      <p className="mb-2 text-sm text-muted" data-testid="directory-count">
        {t("results", { count: agencies.length })}
      </p>
      {agencies.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-4">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm" data-testid="directory-table">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("columns.name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.level")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.kind")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.phone")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.languages")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.lead")}
                </th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((a) => (
                <tr key={a.id} className="border-t border-line">
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/directory/${a.slug}`} className="text-brand underline-offset-2 hover:underline">
                      {a.name}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{tc(`levels.${a.level}`)}</td>
                  <td className="px-3 py-2">{t(`kinds.${a.kind}`)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <a
                      href={`tel:${a.phone24x7.replace(/[^\d+]/g, "")}`}
                      className="underline-offset-2 hover:underline"
                    >
                      {a.phone24x7}
                    </a>
                  </td>
                  <td className="px-3 py-2">{languageList(a.languages, locale)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{t("leadHours", { hours: a.noticeLeadHours })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
