// The agency's public record as its admins and command keep it: every document with its versions,
// drafts to edit, and — for command — the button that publishes a draft. Only the actor's own
// agency's documents are listed; there is no agency id in any of these addresses.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { listAgencyDocuments } from "@/lib/public-record/manage";
import { canDecide } from "@/lib/requests/access";
import { loadOrNotFound } from "../admin/_lib/load-or-not-found";
import { PublishButton } from "./_components/publish-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("publicRecord");
  return { title: t("admin.title") };
}

export default async function PublicRecordAdminPage() {
  const actor = await requireActor();
  const documents = await loadOrNotFound(() => listAgencyDocuments({ db: db(), actor }));
  const [t, locale, mayPublish] = await Promise.all([getT("publicRecord"), getLocale(), canDecide(db(), actor)]);
  const mayDraft = actor.roles.includes("AGENCY_ADMIN");
  const hasAgreement = documents.some((d) => d.kind === "AGREEMENT_287G");
  const hasStatement = documents.some((d) => d.kind === "STATEMENT");
  const slug = (await db().agency.findUnique({ where: { id: actor.agencyId }, select: { slug: true } }))?.slug;

  return (
    <>
      <PageHeader title={t("admin.title")} description={t("admin.description", { agency: actor.agencyName })} />
      <p className="mb-4 text-sm">
        <Link className="text-brand underline" href={`/transparency/${slug}`}>
          {t("admin.viewPublic")}
        </Link>
      </p>
      {mayDraft ? (
        <nav aria-label={t("admin.newLabel")} className="mb-6 flex flex-wrap gap-2">
          <Link
            href="/public-record/new?kind=POLICY"
            className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white"
            data-testid="new-policy"
          >
            {t("admin.newPolicy")}
          </Link>
          {!hasAgreement ? (
            <Link
              href="/public-record/new?kind=AGREEMENT_287G"
              className="rounded-md border border-brand px-4 py-2 text-sm font-semibold text-brand"
              data-testid="new-agreement"
            >
              {t("admin.newAgreement")}
            </Link>
          ) : null}
          {!hasStatement ? (
            <Link
              href="/public-record/new?kind=STATEMENT"
              className="rounded-md border border-brand px-4 py-2 text-sm font-semibold text-brand"
            >
              {t("admin.newStatement")}
            </Link>
          ) : null}
        </nav>
      ) : null}
      <p className="mb-4 text-sm text-muted">{mayPublish ? t("admin.mayPublish") : t("admin.mayNotPublish")}</p>
      {documents.length === 0 ? <p>{t("admin.none")}</p> : null}
      <ul className="flex flex-col gap-4">
        {documents.map((d) => {
          const latest = d.versions[0];
          return (
            <li key={d.id} className="rounded-lg border border-line bg-white p-4" data-testid="record-document">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">{latest?.title}</h2>
                <span className="text-sm text-muted">{t(`kinds.${d.kind}`)}</span>
              </div>
              <ol className="mt-2 flex flex-col gap-2">
                {d.versions.map((v) => (
                  <li key={v.id} className="flex flex-wrap items-center gap-3 text-sm">
                    <span>{t("admin.version", { version: v.version })}</span>
                    {v.publishedAt ? (
                      <Badge tone="ok">
                        {t("admin.publishedAt", { at: formatDateTime(v.publishedAt, actor.agencyTimeZone, locale) })}
                      </Badge>
                    ) : (
                      <>
                        <Badge tone="warn">{t("admin.draft")}</Badge>
                        {mayDraft ? (
                          <Link className="text-brand underline" href={`/public-record/${d.id}`}>
                            {t("admin.editDraft")}
                          </Link>
                        ) : null}
                        {mayPublish ? (
                          <PublishButton
                            versionId={v.id}
                            label={t("admin.publishLabel", { title: v.title, version: v.version })}
                          />
                        ) : null}
                      </>
                    )}
                  </li>
                ))}
              </ol>
              {mayDraft && latest?.publishedAt ? (
                <Link
                  className="mt-2 inline-block text-sm text-brand underline"
                  href={`/public-record/${d.id}`}
                  data-testid="new-version"
                >
                  {t("admin.newVersion")}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
