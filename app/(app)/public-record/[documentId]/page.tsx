// The next draft of a document: its open draft, or a new version started from the last published
// one. Found only within the actor's own agency; anything else is not found.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getT } from "@/app/_i18n/server";
import { db } from "@/lib/db/client";
import { listAgencyDocuments } from "@/lib/public-record/manage";
import { PUBLIC_RECORD_DRAFTING_ROLES } from "@/lib/public-record/roles";
import { loadOrNotFound } from "../../admin/_lib/load-or-not-found";
import { DraftForm, type DraftValues } from "../_components/draft-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("publicRecord");
  return { title: t("admin.editTitle") };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export default async function EditPublicDocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const actor = await requireActor();
  if (!actor.roles.some((r) => PUBLIC_RECORD_DRAFTING_ROLES.includes(r))) notFound();
  const { documentId } = await params;
  const documents = await loadOrNotFound(() => listAgencyDocuments({ db: db(), actor }));
  const doc = documents.find((d) => d.id === documentId);
  const v = doc?.versions[0];
  if (!doc || !v) notFound();
  const es = ((v.translations ?? {}) as { es?: { title?: string; summary?: string; body?: string } }).es ?? {};
  const initial: DraftValues = {
    title: v.title,
    summary: v.summary,
    body: v.body,
    titleEs: es.title ?? "",
    summaryEs: es.summary ?? "",
    bodyEs: es.body ?? "",
    effectiveOn: day(v.effectiveOn),
    nextReviewOn: day(v.nextReviewOn),
    agreementModel: v.agreementModel ?? "",
    agreementStatus: v.agreementStatus ?? "",
    signedOn: day(v.signedOn),
    renewalOn: day(v.renewalOn),
    designatedOfficers: v.designatedOfficers === null ? "" : String(v.designatedOfficers),
  };
  const t = await getT("publicRecord");
  return (
    <>
      <PageHeader
        title={t("admin.editTitle")}
        description={v.publishedAt ? t("admin.nextVersionNote", { version: v.version + 1 }) : t("admin.draftNote")}
      />
      <DraftForm kind={doc.kind} documentId={doc.id} initial={initial} />
    </>
  );
}
