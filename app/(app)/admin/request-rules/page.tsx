// The agency's request rules: what its policy directs for each kind of federal request, and the
// law or policy each rule comes from. Admins adopt a preset (seeing first what it would add), add,
// edit, retire and restore rules; a retired rule stays listed because past decisions name it.
// The chief, who decides under these rules, reads them here. Nobody else reaches the page.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getT } from "@/app/_i18n/server";
import { can } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { listRules, previewPreset, type PresetPreview } from "@/lib/requests/manage-rules";
import { PRESETS } from "@/lib/requests/presets";
import { REQUEST_RULE_ROLES } from "@/lib/requests/roles";
import { ActionButton } from "@/components/requests/action-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { AdminNav } from "../_components/admin-nav";
import { loadOrNotFound } from "../_lib/load-or-not-found";
import { adoptPresetAction, setRuleActiveAction } from "./actions";
import { RuleSummary } from "./rule-summary";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("requestPolicy"))("rules.title") };
}

type Props = { searchParams: Promise<{ preset?: string | string[] }> };

export default async function RequestRulesPage({ searchParams }: Props) {
  const actor = await requireActor();
  const rules = await loadOrNotFound(() => listRules({ db: db(), actor }));
  const keeper = can(actor, { roles: REQUEST_RULE_ROLES, agencyId: actor.agencyId });
  const [t, tr, ta] = await Promise.all([getT("requestPolicy"), getT("requests"), getT("admin")]);
  const raw = (await searchParams).preset;
  const presetKey = typeof raw === "string" && PRESETS.some((p) => p.key === raw) ? raw : null;
  const preview: PresetPreview | null =
    keeper && presetKey ? await previewPreset({ db: db(), actor, presetKey }) : null;
  const active = rules.filter((r) => r.active);
  const retired = rules.filter((r) => !r.active);
  const presetName = (key: string) => tr(`presets.names.${key}`);

  return (
    <>
      {keeper ? (
        <>
          <PageHeader title={ta("title")} description={ta("description", { agency: actor.agencyName })} />
          <AdminNav current="requestRules" />
        </>
      ) : (
        <PageHeader title={t("rules.title")} description={t("rules.readOnly")} />
      )}
      {keeper ? (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <div>
            <h2 className="text-lg font-semibold">{t("rules.title")}</h2>
            <p className="text-sm text-muted">{t("rules.description")}</p>
          </div>
          <Link
            href="/admin/request-rules/new"
            className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark"
          >
            {t("rules.add")}
          </Link>
        </div>
      ) : null}

      {keeper ? (
        <section className="mb-8 rounded-lg border border-line bg-white p-4" aria-labelledby="preset-h">
          <h3 id="preset-h" className="mb-1 font-semibold">
            {t("presets.title")}
          </h3>
          <p className="mb-3 text-sm text-muted">{t("presets.description")}</p>
          <form method="get" action="/admin/request-rules" className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="preset" className="text-sm font-medium">
                {t("presets.choose")}
              </label>
              <select
                id="preset"
                name="preset"
                defaultValue={presetKey ?? ""}
                className="rounded-md border border-slate-400 bg-white px-3 py-2"
              >
                <option value="">{tr("form.choose")}</option>
                {PRESETS.map((p) => (
                  <option key={p.key} value={p.key}>
                    {presetName(p.key)}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="secondary" data-testid="preset-preview">
              {t("presets.preview")}
            </Button>
          </form>
          {preview ? (
            <div className="mt-4 border-t border-line pt-4" data-testid="preset-preview-result">
              <h4 className="font-semibold">
                {t("presets.wouldAdd", { preset: presetName(preview.key), count: preview.add.length })}
              </h4>
              {preview.present.length > 0 ? (
                <p className="text-sm text-muted">{t("presets.alreadyPresent", { count: preview.present.length })}</p>
              ) : null}
              {preview.add.length > 0 ? (
                <>
                  <ul className="my-3 flex flex-col gap-2">
                    {preview.add.map((r) => (
                      <li key={r.key} className="rounded-md border border-line p-3" data-testid="preset-rule">
                        <RuleSummary rule={r} tr={tr} t={t} />
                      </li>
                    ))}
                  </ul>
                  <ActionButton
                    variant="primary"
                    label={t("presets.adopt", { count: preview.add.length })}
                    action={adoptPresetAction.bind(null, preview.key)}
                    testId="preset-adopt"
                  />
                </>
              ) : (
                <p className="mt-2 text-sm" data-testid="preset-nothing">
                  {t("presets.nothingToAdd")}
                </p>
              )}
            </div>
          ) : null}
        </section>
      ) : null}

      <section className="mb-8" aria-labelledby="active-h">
        <h3 id="active-h" className="mb-2 text-lg font-semibold">
          {t("rules.active", { count: active.length })}
        </h3>
        {active.length === 0 ? (
          <p className="rounded-lg border border-line bg-white p-4" data-testid="rules-empty">
            {t("rules.none")}
          </p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="active-rules">
            {active.map((r) => (
              <li
                key={r.id}
                className="rounded-lg border border-line bg-white p-4"
                data-testid="rule"
                data-rule-title={r.title}
              >
                <RuleSummary rule={r} tr={tr} t={t} preset={r.presetKey ? presetName(r.presetKey) : null} />
                {keeper ? (
                  <div className="mt-3 flex flex-wrap gap-2">
                    <Link
                      href={`/admin/request-rules/${r.id}`}
                      className="rounded-md border border-line bg-white px-4 py-2 text-sm font-semibold text-brand-dark hover:bg-slate-100"
                      aria-label={t("rules.editNamed", { title: r.title })}
                    >
                      {t("rules.edit")}
                    </Link>
                    <ActionButton
                      label={t("rules.retire")}
                      ariaLabel={t("rules.retireNamed", { title: r.title })}
                      action={setRuleActiveAction.bind(null, r.id, false)}
                      testId="rule-retire"
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="retired-h">
        <h3 id="retired-h" className="mb-1 text-lg font-semibold">
          {t("rules.retired", { count: retired.length })}
        </h3>
        <p className="mb-2 text-sm text-muted">{t("rules.retiredNote")}</p>
        {retired.length === 0 ? null : (
          <ul className="flex flex-col gap-3" data-testid="retired-rules">
            {retired.map((r) => (
              <li
                key={r.id}
                className="rounded-lg border border-line bg-slate-50 p-4"
                data-testid="rule"
                data-rule-title={r.title}
              >
                <Badge tone="warn">{t("rules.retiredBadge")}</Badge>
                <RuleSummary rule={r} tr={tr} t={t} preset={r.presetKey ? presetName(r.presetKey) : null} />
                {keeper ? (
                  <div className="mt-3">
                    <ActionButton
                      label={t("rules.restore")}
                      ariaLabel={t("rules.restoreNamed", { title: r.title })}
                      action={setRuleActiveAction.bind(null, r.id, true)}
                      testId="rule-restore"
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
