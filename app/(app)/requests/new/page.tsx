// The request form: a receiving agency's clerk logs a request by hand; a federal office submits
// one through the portal to a member agency.
import type { Metadata } from "next";
import { requireActor } from "@/app/_auth/require-actor";
import { getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { authorize } from "@/lib/auth/authorize";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { utcToZonedWallTime } from "@/lib/i18n/format";
import { formAgencies, requestSide } from "@/lib/requests/form-options";
import { REQUEST_LOGGING_ROLES } from "@/lib/requests/roles";
import { RequestForm } from "@/components/requests/request-form";
import { PageHeader } from "@/components/ui/page-header";
import { logRequestAction, submitRequestAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("requests"))("form.title") };
}

export default async function NewRequestPage() {
  const actor = await requireActor();
  const side = await loadOrNotFound(async () => {
    authorize(actor, { roles: REQUEST_LOGGING_ROLES, agencyId: actor.agencyId });
    return requestSide(db(), actor);
  });
  const [t, agencies, now] = await Promise.all([getT("requests"), formAgencies(db(), actor), currentTime(db())]);
  const federal = side === "FEDERAL";
  return (
    <>
      <PageHeader
        title={federal ? t("form.submitTitle") : t("form.title")}
        description={federal ? t("form.submitDescription") : t("form.description")}
      />
      <RequestForm
        mode={federal ? "submit" : "log"}
        agencies={agencies}
        nowWall={utcToZonedWallTime(now, actor.agencyTimeZone).slice(0, 16)}
        action={federal ? submitRequestAction : logRequestAction}
      />
    </>
  );
}
