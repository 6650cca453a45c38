// The platform admin's list of every agency, active or not.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getT } from "@/app/_i18n/server";
import { listAllAgencies } from "@/lib/agencies/platform-agencies";
import { loadOrNotFound } from "../admin/_lib/load-or-not-found";
import { agencyLabels } from "./_components/labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("platform");
  return { title: t("title") };
}

export default async function PlatformPage() {
  const actor = await requireActor();
  const agencies = await loadOrNotFound(() => listAllAgencies({ actor }));
  const [t, tc, td] = await Promise.all([getT("platform"), getT("common"), getT("directory")]);
  const labels = agencyLabels(tc, td);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link
            href="/platform/agencies/new"
            className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark"
          >
            {t("agencies.add")}
          </Link>
        }
      />
      <p className="mb-2 text-sm text-muted">{t("agencies.count", { count: agencies.length })}</p>
      <div className="overflow-x-auto rounded-lg border border-line bg-white">
        <table className="w-full text-left text-sm" data-testid="platform-agencies">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-100">
            <tr>
              {(["name", "slug", "level", "kind", "users", "boundary", "status"] as const).map((c) => (
                <th key={c} scope="col" className="px-3 py-2">
                  {t(`agencies.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr key={a.id} className="border-t border-line">
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link
                    href={`/platform/agencies/${a.id}`}
                    className="text-brand underline-offset-2 hover:underline"
                    aria-label={t("agencies.edit", { name: a.name })}
                  >
                    {a.name}
                  </Link>
                </th>
                <td className="px-3 py-2 font-mono text-xs">{a.slug}</td>
                <td className="px-3 py-2">{labels.levels[a.level]}</td>
                <td className="px-3 py-2">{labels.kinds[a.kind] ?? a.kind}</td>
                <td className="px-3 py-2 tabular-nums">{a.users}</td>
                <td className="px-3 py-2">{a.hasBoundary ? t("agencies.mapped") : t("agencies.unmapped")}</td>
                <td className="px-3 py-2">
                  {a.active ? (
                    <Badge tone="ok">{t("agencies.active")}</Badge>
                  ) : (
                    <Badge tone="danger">{t("agencies.inactive")}</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
