// Editing one rule of the agency's request policy, and retiring or restoring it. Another agency's
// rule, or a malformed id, is the not-found page. Only the agency's own admins reach it.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getT } from "@/app/_i18n/server";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { getRule } from "@/lib/requests/manage-rules";
import { REQUEST_RULE_ROLES } from "@/lib/requests/roles";
import { ActionButton } from "@/components/requests/action-button";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrNotFound } from "../../_lib/load-or-not-found";
import { setRuleActiveAction, updateRuleAction } from "../actions";
import { RuleForm } from "../rule-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("requestPolicy"))("form.editTitle") };
}

export default async function EditRulePage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const rule = await loadOrNotFound(async () => {
    authorize(actor, { roles: REQUEST_RULE_ROLES, agencyId: actor.agencyId });
    return getRule({ db: db(), actor, ruleId: id });
  });
  const t = await getT("requestPolicy");
  return (
    <>
      <PageHeader
        title={t("form.editTitle")}
        description={rule.active ? t("form.editDescription") : t("form.retiredDescription")}
      />
      <p className="mb-4 text-sm">
        <Link href="/admin/request-rules" className="text-brand-dark underline">
          {t("form.back")}
        </Link>
      </p>
      <RuleForm
        initial={{
          title: rule.title,
          kinds: rule.kinds,
          condition: rule.condition,
          directive: rule.directive,
          source: rule.source,
          citation: rule.citation,
        }}
        submitLabel={t("form.save")}
        action={updateRuleAction.bind(null, rule.id)}
      />
      <section className="mt-6 max-w-2xl rounded-lg border border-line bg-white p-4" aria-labelledby="status-h">
        <h2 id="status-h" className="mb-1 font-semibold">
          {rule.active ? t("form.retireTitle") : t("form.restoreTitle")}
        </h2>
        <p className="mb-3 text-sm text-muted">{rule.active ? t("form.retireHint") : t("form.restoreHint")}</p>
        <ActionButton
          label={rule.active ? t("rules.retire") : t("rules.restore")}
          action={setRuleActiveAction.bind(null, rule.id, !rule.active)}
          testId={rule.active ? "rule-retire" : "rule-restore"}
        />
      </section>
    </>
  );
}
