// Adding a rule to the agency's request policy. Only the agency's own admins reach it.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getT } from "@/app/_i18n/server";
import { authorize } from "@/lib/auth/authorize";
import { REQUEST_RULE_ROLES } from "@/lib/requests/roles";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrNotFound } from "../../_lib/load-or-not-found";
import { createRuleAction } from "../actions";
import { RuleForm } from "../rule-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("requestPolicy"))("form.addTitle") };
}

export default async function NewRulePage() {
  const actor = await requireActor();
  await loadOrNotFound(async () => authorize(actor, { roles: REQUEST_RULE_ROLES, agencyId: actor.agencyId }));
  const t = await getT("requestPolicy");
  return (
    <>
      <PageHeader title={t("form.addTitle")} description={t("form.description")} />
      <p className="mb-4 text-sm">
        <Link href="/admin/request-rules" className="text-brand-dark underline">
          {t("form.back")}
        </Link>
      </p>
      <RuleForm
        initial={{ title: "", kinds: [], condition: "", directive: "", source: "", citation: "" }}
        submitLabel={t("form.create")}
        action={createRuleAction}
      />
    </>
  );
}
