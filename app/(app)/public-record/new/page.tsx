// A new policy, the agency's 287(g) agreement or its statement: drafted by the agency's admins.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getT } from "@/app/_i18n/server";
import { PUBLIC_RECORD_DRAFTING_ROLES } from "@/lib/public-record/roles";
import { DOCUMENT_KINDS } from "@/lib/validation/public-record";
import { DraftForm, EMPTY_DRAFT } from "../_components/draft-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("publicRecord");
  return { title: t("admin.newTitle") };
}

export default async function NewPublicDocumentPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const actor = await requireActor();
  if (!actor.roles.some((r) => PUBLIC_RECORD_DRAFTING_ROLES.includes(r))) notFound();
  const wanted = (await searchParams).kind;
  const kind = DOCUMENT_KINDS.find((k) => k === wanted) ?? "POLICY";
  const t = await getT("publicRecord");
  return (
    <>
      <PageHeader title={t(`admin.new.${kind}`)} description={t("admin.draftNote")} />
      <DraftForm kind={kind} initial={EMPTY_DRAFT} />
    </>
  );
}
