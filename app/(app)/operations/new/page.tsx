// Filing a new operation: the form, the area editor and the live conflict check.
import type { Metadata } from "next";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { zoneLabel } from "@/lib/i18n/format";
import { PageHeader } from "@/components/ui/page-header";
import { OperationForm } from "@/components/operations/operation-form";
import { fileOperationAction, previewConflictsAction, describeAreaAction } from "../actions";
import { previewRecipientsAction } from "../../notices/actions";
import { listNotifiableAgencies } from "@/lib/notices/preview-recipients";
import { db } from "@/lib/db/client";
import { requireFiler } from "../_lib/guard";
import { mapProps } from "../_lib/map-props";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("operations.form");
  return { title: t("newTitle") };
}

export default async function NewOperationPage() {
  const actor = await requireActor();
  requireFiler(actor);
  const [t, locale, map, agencies] = await Promise.all([getT("operations.form"), getLocale(), mapProps(actor), listNotifiableAgencies({ db: db(), actor })]);
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <OperationForm
        mode="create"
        timeZone={actor.agencyTimeZone}
        zoneName={zoneLabel(actor.agencyTimeZone, locale)}
        defaultLeadAgency={actor.agencyName}
        initialBounds={map.initialBounds}
        tileUrl={map.tileUrl}
        save={fileOperationAction}
        preview={previewConflictsAction}
        describeArea={describeAreaAction}
        notices={{ preview: previewRecipientsAction, agencies }}
      />
    </>
  );
}
