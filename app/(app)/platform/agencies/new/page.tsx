// Registering an agency.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getT } from "@/app/_i18n/server";
import { can } from "@/lib/auth/authorize";
import { createAgencyAction } from "../../actions";
import { AgencyForm } from "../../_components/agency-form";
import { agencyLabels } from "../../_components/labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("platform");
  return { title: t("form.newTitle") };
}

const BLANK = {
  name: "",
  shortName: "",
  slug: "",
  level: "",
  kind: "",
  timeZone: "America/Chicago",
  boundary: "",
  phone24x7: "",
  email: "",
  backupContactName: "",
  backupContactPhone: "",
  backupContactEmail: "",
  noticeLeadHours: "24",
  proximityBufferM: "500",
  timeBufferMinutes: "60",
  ackWindowMinutes: "30",
};

export default async function NewAgencyPage() {
  const actor = await requireActor();
  if (!can(actor, { platformAdmin: true })) notFound();
  const [t, tc, td] = await Promise.all([getT("platform"), getT("common"), getT("directory")]);
  const labels = agencyLabels(tc, td);
  return (
    <>
      <p className="mb-4">
        <Link href="/platform" className="text-brand underline">
          {t("form.back")}
        </Link>
      </p>
      <PageHeader title={t("form.newTitle")} />
      <section className="rounded-lg border border-line bg-white p-6">
        <AgencyForm
          initial={BLANK}
          initialLanguages={["en"]}
          initialActive
          levelLabels={labels.levels}
          kindLabels={labels.kinds}
          submitLabel={t("form.create")}
          save={createAgencyAction}
        />
      </section>
    </>
  );
}
