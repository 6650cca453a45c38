// Filing a new operation: the form, the area editor and the live conflict check. With ?from=<id>
// it starts from one of the agency's own earlier operations (everything but the area and times);
// otherwise from the person's saved filing defaults. Another agency's operation id is not found.
import type { Metadata } from "next";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { currentTime } from "@/lib/clock";
import { zoneLabel } from "@/lib/i18n/format";
import { getCopySource, listCopyCandidates } from "@/lib/operations/copy-operation";
import { getFilingDefaults } from "@/lib/users/filing-defaults";
import { PageHeader } from "@/components/ui/page-header";
import { OperationForm } from "@/components/operations/operation-form";
import { CopyFromPicker } from "@/components/operations/copy-from-picker";
import { valuesFromCopy, valuesWithDefaults } from "@/components/operations/form-values";
import { noticeValuesFromOperation } from "@/components/notices/notice-field-values";
import { fileOperationAction, previewConflictsAction, describeAreaAction } from "../actions";
import { previewRecipientsAction } from "../../notices/actions";
import { listNotifiableAgencies } from "@/lib/notices/preview-recipients";
import { db } from "@/lib/db/client";
import { requireFiler } from "../_lib/guard";
import { mapProps } from "../_lib/map-props";

type Props = { searchParams: Promise<{ from?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("operations.form");
  return { title: t("newTitle") };
}

export default async function NewOperationPage({ searchParams }: Props) {
  const actor = await requireActor();
  requireFiler(actor);
  const from = (await searchParams).from;
  const fromId = typeof from === "string" && from ? from : null;
  const source = fromId
    ? await loadOrNotFound(async () =>
        getCopySource({ db: db(), actor, operationId: fromId, now: await currentTime(db()) }),
      )
    : null;
  const [t, tf, locale, map, agencies, defaults, candidates] = await Promise.all([
    getT("operations.form"),
    getT("followUp"),
    getLocale(),
    mapProps(actor),
    listNotifiableAgencies({ db: db(), actor }),
    getFilingDefaults({ db: db(), actor }),
    listCopyCandidates({ db: db(), actor }),
  ]);
  return (
    <>
      <PageHeader
        title={t("newTitle")}
        description={source ? tf("copy.copyingFrom", { ref: source.ref, title: source.title }) : t("newDescription")}
      />
      <CopyFromPicker candidates={candidates} selected={source?.id ?? null} t={tf} />
      <OperationForm
        key={source?.id ?? "blank"}
        mode="create"
        initial={source ? valuesFromCopy(source) : valuesWithDefaults(actor.agencyName, defaults)}
        timeZone={actor.agencyTimeZone}
        zoneName={zoneLabel(actor.agencyTimeZone, locale)}
        defaultLeadAgency={actor.agencyName}
        initialBounds={map.initialBounds}
        tileUrl={map.tileUrl}
        save={fileOperationAction}
        preview={previewConflictsAction}
        describeArea={describeAreaAction}
        notices={{
          preview: previewRecipientsAction,
          agencies,
          ...(source ? { initial: noticeValuesFromOperation(source) } : {}),
        }}
        rememberDefaults={actor.userId !== null}
      />
    </>
  );
}
