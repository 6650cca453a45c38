// The admin's own agency's contacts and settings. No agency id in the address: it is always the
// admin's agency.
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { getOwnAgencySettings } from "@/lib/agencies/agency-settings";
import { zoneLabel } from "@/lib/i18n/format";
import { AdminNav } from "../_components/admin-nav";
import { SettingsForm } from "../_components/settings-form";
import { loadOrNotFound } from "../_lib/load-or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("admin");
  return { title: t("settings.title") };
}

export default async function AdminSettingsPage() {
  const actor = await requireActor();
  const agency = await loadOrNotFound(() => getOwnAgencySettings({ actor }));
  const [t, locale] = await Promise.all([getT("admin"), getLocale()]);
  const initial = {
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
      <PageHeader title={t("title")} description={t("description", { agency: agency.name })} />
      <AdminNav current="settings" />
      <h2 className="mb-1 text-lg font-semibold">{t("settings.title")}</h2>
      <p className="mb-1 text-sm text-muted">{t("settings.description")}</p>
      <p className="mb-6 text-sm text-muted">{t("settings.timeZone", { zone: zoneLabel(agency.timeZone, locale) })}</p>
      <section className="rounded-lg border border-line bg-white p-6">
        <SettingsForm initial={initial} initialLanguages={agency.languages} />
      </section>
    </>
  );
}
