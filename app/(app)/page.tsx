import { requireActor } from "../_auth/require-actor";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "../_i18n/server";

export default async function DashboardPage() {
  const actor = await requireActor();
  const t = await getT("common");
  return (
    <>
      <PageHeader title={t("dashboard.title")} />
      <p className="text-lg">{t("dashboard.welcome", { name: actor.name })}</p>
      <p className="text-muted">{t("dashboard.agency", { agency: actor.agencyName })}</p>
    </>
  );
}
