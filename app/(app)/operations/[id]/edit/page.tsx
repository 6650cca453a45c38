// Editing an operation: the filing form again, filled in. Saving re-runs the conflict check.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { db } from "@/lib/db/client";
import { zoneLabel } from "@/lib/i18n/format";
import { getOwnOperation } from "@/lib/operations/read-operations";
import { PageHeader } from "@/components/ui/page-header";
import { OperationForm } from "@/components/operations/operation-form";
import { valuesFromOperation } from "@/components/operations/form-values";
import { areaBounds } from "@/components/map/geometry";
import { describeAreaAction, previewConflictsAction, updateOperationAction } from "../../actions";
import { previewRecipientsAction } from "../../../notices/actions";
import { getNoticeFields, listNotifiableAgencies } from "@/lib/notices/preview-recipients";
import { noticeValuesFromOperation } from "@/components/notices/notice-field-values";
import { requireFiler } from "../../_lib/guard";
import { mapProps } from "../../_lib/map-props";

type Props = { params: Promise<{ id: string }> };

const EDITABLE = new Set(["DRAFT", "PLANNED", "ACTIVE"]);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor();
  const { id } = await params;
  const op = await getOwnOperation({ db: db(), actor, operationId: id }).catch(() => null);
  const t = await getT("operations.form");
  return { title: op ? t("editTitle", { ref: op.ref }) : (await getT("common"))("errorPage.notFoundTitle") };
}

export default async function EditOperationPage({ params }: Props) {
  const actor = await requireActor();
  requireFiler(actor);
  const { id } = await params;
  const op = await loadOrNotFound(() => getOwnOperation({ db: db(), actor, operationId: id }));
  if (!EDITABLE.has(op.status)) notFound();
  const [t, locale, map, agencies, noticeFields] = await Promise.all([
    getT("operations.form"),
    getLocale(),
    mapProps(actor),
    listNotifiableAgencies({ db: db(), actor }),
    getNoticeFields({ db: db(), actor, operationId: op.id }),
  ]);
  return (
    <>
      <PageHeader title={t("editTitle", { ref: op.ref })} description={t("editDescription")} />
      <OperationForm
        mode="edit"
        operationId={op.id}
        version={op.version}
        initial={valuesFromOperation(op, actor.agencyTimeZone)}
        initialArea={op.area}
        timeZone={actor.agencyTimeZone}
        zoneName={zoneLabel(actor.agencyTimeZone, locale)}
        defaultLeadAgency={actor.agencyName}
        initialBounds={areaBounds(op.area) ?? map.initialBounds}
        tileUrl={map.tileUrl}
        save={updateOperationAction.bind(null, op.id)}
        preview={previewConflictsAction}
        describeArea={describeAreaAction}
        notices={{ preview: previewRecipientsAction, agencies, initial: noticeValuesFromOperation(noticeFields) }}
      />
    </>
  );
}
