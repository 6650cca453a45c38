"use client";
// Adding or editing one of the agency's request rules: its title, the kinds of request it covers,
// when it applies, what it directs, and the law or policy it comes from. The same schema checks
// the form here and the input on the server.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { CheckboxGroup } from "../_components/checkbox-group";
import { useActionForm } from "../_components/form-state";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { REQUEST_KINDS, RULE_CONDITIONS, RULE_DIRECTIVES, RULE_SOURCES, ruleSchema } from "@/lib/validation/request";

export type RuleValues = {
  title: string;
  kinds: string[];
  condition: string;
  directive: string;
  source: string;
  citation: string;
};

type Props = {
  initial: RuleValues;
  submitLabel: string;
  action: (input: RuleValues) => Promise<ActionResult<{ id: string }>>;
};

export function RuleForm({ initial, submitLabel, action }: Props) {
  const t = useT("requests");
  const tp = useT("requestPolicy");
  const router = useRouter();
  const form = useActionForm();
  const [v, setV] = useState(initial);
  const set = (k: keyof RuleValues) => (e: { target: { value: string } }) =>
    setV((x) => ({ ...x, [k]: e.target.value }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    form.submit(
      ruleSchema,
      v,
      () => action(v),
      () => {
        router.push("/admin/request-rules");
        router.refresh();
      },
    );
  }

  const select = (name: "condition" | "directive" | "source", options: readonly string[], group: string) => (
    <SelectField
      label={tp(`form.${name}`)}
      name={name}
      value={v[name]}
      onChange={set(name)}
      error={form.errorFor(name)}
    >
      <option value="">{t("form.choose")}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {t(`${group}.${o}`)}
        </option>
      ))}
    </SelectField>
  );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex max-w-2xl flex-col gap-4 rounded-lg border border-line bg-white p-4"
      data-testid="rule-form"
    >
      <TextField
        label={tp("form.title")}
        name="title"
        value={v.title}
        onChange={set("title")}
        error={form.errorFor("title")}
        maxLength={200}
        required
      />
      <CheckboxGroup
        legend={tp("form.kinds")}
        name="kinds"
        options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        selected={v.kinds}
        onChange={(kinds) => setV((x) => ({ ...x, kinds }))}
        error={form.errorFor("kinds")}
      />
      {select("condition", RULE_CONDITIONS, "conditions")}
      {select("directive", RULE_DIRECTIVES, "directives")}
      {select("source", RULE_SOURCES, "sources")}
      <TextField
        label={tp("form.citation")}
        name="citation"
        value={v.citation}
        onChange={set("citation")}
        error={form.errorFor("citation")}
        maxLength={300}
        hint={tp("form.citationHint")}
        required
      />
      <FormError message={form.formError} />
      <div>
        <Button type="submit" disabled={form.pending} data-testid="rule-submit">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
