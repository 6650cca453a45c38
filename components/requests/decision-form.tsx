"use client";
// Command's decision on a request: the decision, the rule or legal basis relied on, a short
// reason, and — when the decision departs from what the rules direct — a written justification.
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText, useT, useTimeZone } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextArea, TextField } from "@/components/ui/field";
import { useNoticeAction } from "@/components/notices/use-notice-action";
import { zonedWallTimeToUtc } from "@/lib/i18n/format";
import { REQUEST_DECISIONS } from "@/lib/validation/request";

type Props = {
  id: string;
  rules: { id: string; title: string }[];
  directed: string[];
  interview: boolean;
  action: (input: Record<string, unknown>) => Promise<ActionResult>;
};

export function DecisionForm({ id, rules, directed, interview, action }: Props) {
  const t = useT("requests");
  const issueText = useIssueText();
  const zone = useTimeZone();
  const { run, pending, formError, fieldErrors } = useNoticeAction(action);
  const [decision, setDecision] = useState("");
  const departs = decision !== "" && !directed.includes(decision);
  const err = (name: string) => (fieldErrors[name] ? issueText(fieldErrors[name]) : undefined);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? "");
    const input: Record<string, unknown> = {
      id,
      decision: s("decision"),
      ruleId: s("ruleId"),
      basis: s("basis"),
      reason: s("reason"),
      justification: s("justification"),
    };
    if (interview) {
      input.counselNotified = f.get("counselNotified") === "on";
      const wall = s("counselNotifiedAt");
      input.counselNotifiedAt = wall ? (zonedWallTimeToUtc(wall, zone)?.toISOString() ?? "invalid") : "";
    }
    await run(input);
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-lg border border-line bg-white p-4"
      data-testid="decision-form"
    >
      <h2 className="text-lg font-semibold">{t("decide.title")}</h2>
      <SelectField
        label={t("decide.decision")}
        name="decision"
        value={decision}
        onChange={(e) => setDecision(e.target.value)}
        error={err("decision")}
      >
        <option value="">{t("form.choose")}</option>
        {REQUEST_DECISIONS.map((d) => (
          <option key={d} value={d}>
            {t(`decisions.${d}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("decide.rule")} name="ruleId" defaultValue={rules[0]?.id ?? ""} error={err("ruleId")}>
        <option value="">{t("decide.noRule")}</option>
        {rules.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("decide.basis")}
        name="basis"
        error={err("basis")}
        maxLength={300}
        hint={t("decide.basisHint")}
      />
      <TextArea label={t("decide.reason")} name="reason" error={err("reason")} maxLength={1000} rows={2} />
      {interview ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium">{t("decide.counsel")}</legend>
          <div className="flex items-center gap-2">
            <input id="counselNotified" name="counselNotified" type="checkbox" className="h-4 w-4" />
            <label htmlFor="counselNotified" className="text-sm">
              {t("decide.counselNotified")}
            </label>
          </div>
          <TextField
            label={t("decide.counselNotifiedAt", { zone })}
            name="counselNotifiedAt"
            type="datetime-local"
            error={err("counselNotifiedAt")}
          />
        </fieldset>
      ) : null}
      {departs || fieldErrors.justification ? (
        <p
          className="rounded-md border border-red-400 bg-red-50 p-3 text-sm text-red-900"
          data-testid="departure-warning"
        >
          {t("decide.departureWarning")}
        </p>
      ) : null}
      <TextArea
        label={t("decide.justification")}
        name="justification"
        error={err("justification")}
        maxLength={1000}
        rows={3}
        hint={t("decide.justificationHint")}
      />
      <FormError message={formError ? issueText(formError) : null} />
      <div>
        <Button type="submit" disabled={pending} data-testid="decide-submit">
          {t("decide.submit")}
        </Button>
      </div>
    </form>
  );
}
