// Editing an agency's record, with its current boundary drawn for a quick check.
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { JurisdictionOutline } from "@/components/map/jurisdiction-outline";
import { requireActor } from "@/app/_auth/require-actor";
import { getT } from "@/app/_i18n/server";
import { getAgencyForEdit } from "@/lib/agencies/platform-agencies";
import { loadOrNotFound } from "../../../admin/_lib/load-or-not-found";
import { listAgencyAdministrators } from "@/lib/users/list-users";
import { roleNames } from "../../../admin/_lib/role-names";
import { createAgencyAdministratorAction, updateAgencyAction } from "../../actions";
import { AgencyAdminForm } from "../../_components/agency-admin-form";
import { AgencyForm } from "../../_components/agency-form";
import { agencyLabels } from "../../_components/labels";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("platform");
  return { title: t("title") };
}

export default async function EditAgencyPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const agency = await loadOrNotFound(() => getAgencyForEdit({ actor, agencyId: id }));
  const saved = (await searchParams).saved === "1";
  const [t, tc, td, administrators] = await Promise.all([
    getT("platform"),
    getT("common"),
    getT("directory"),
    listAgencyAdministrators({ actor, agencyId: agency.id }),
  ]);
  const labels = agencyLabels(tc, td);
  const initial = {
    name: agency.name,
    shortName: agency.shortName,
    slug: agency.slug,
    level: agency.level,
    kind: agency.kind,
    timeZone: agency.timeZone,
    boundary: agency.boundary ? JSON.stringify(agency.boundary) : "",
    phone24x7: agency.phone24x7,
    email: agency.email ?? "",
    backupContactName: agency.backupContactName ?? "",
    backupContactPhone: agency.backupContactPhone ?? "",
    backupContactEmail: agency.backupContactEmail ?? "",
    noticeLeadHours: String(agency.noticeLeadHours),
    proximityBufferM: String(agency.proximityBufferM),
    timeBufferMinutes: String(agency.timeBufferMinutes),
    ackWindowMinutes: String(agency.ackWindowMinutes),
  };
  return (
    <>
      <p className="mb-4">
        <Link href="/platform" className="text-brand underline">
          {t("form.back")}
        </Link>
      </p>
      <PageHeader title={t("form.editTitle", { name: agency.name })} />
      <p aria-live="polite" className="mb-4 font-medium text-ok" data-testid="agency-saved">
        {saved ? t("form.saved") : null}
      </p>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section className="rounded-lg border border-line bg-white p-6">
          <AgencyForm
            key={JSON.stringify(initial)}
            initial={initial}
            initialLanguages={agency.languages}
            initialActive={agency.active}
            levelLabels={labels.levels}
            kindLabels={labels.kinds}
            submitLabel={t("form.save")}
            save={updateAgencyAction.bind(null, agency.id)}
          />
        </section>
        {agency.boundary ? (
          <section aria-labelledby="boundary-heading" className="self-start rounded-lg border border-line bg-white p-6">
            <h2 id="boundary-heading" className="mb-4 text-lg font-semibold">
              {t("form.currentBoundary")}
            </h2>
            <JurisdictionOutline
              boundary={agency.boundary}
              label={td("entry.outline", { name: agency.name })}
              width={280}
              height={220}
            />
          </section>
        ) : null}
      </div>
      <section
        aria-labelledby="admins-heading"
        className="mt-6 rounded-lg border border-line bg-white p-6"
        data-testid="agency-admins"
      >
        <h2 id="admins-heading" className="mb-2 text-lg font-semibold">
          {t("admins.heading")}
        </h2>
        <p className="mb-4 text-sm text-muted">{t("admins.description")}</p>
        {administrators.length === 0 ? (
          <p className="mb-4 font-medium">{t("admins.none")}</p>
        ) : (
          <ul className="mb-6 divide-y divide-line">
            {administrators.map((a) => (
              <li key={a.id} className="flex flex-wrap gap-x-4 py-2">
                <span className="font-medium">{a.name}</span>
                <span>{a.email}</span>
                <span className="text-muted">
                  {!a.active ? t("admins.inactive") : a.mfaEnrolledAt ? t("admins.enrolled") : t("admins.notEnrolled")}
                </span>
              </li>
            ))}
          </ul>
        )}
        <h3 className="mb-4 font-semibold">{t("admins.add")}</h3>
        <AgencyAdminForm roleLabels={roleNames(tc)} save={createAgencyAdministratorAction.bind(null, agency.id)} />
      </section>
    </>
  );
}
