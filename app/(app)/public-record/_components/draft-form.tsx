"use client";
// The draft of a policy, the 287(g) agreement or the agency's statement, with its Spanish text.
// The shared schema checks it here first and again on the server; every field shows its own error.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextArea, TextField } from "@/components/ui/field";
import { AGREEMENT_MODELS, AGREEMENT_STATUSES, draftSchema } from "@/lib/validation/public-record";
import { useActionForm } from "../../admin/_components/form-state";
import { saveDraftAction } from "../actions";

export type DraftValues = {
  title: string;
  summary: string;
  body: string;
  titleEs: string;
  summaryEs: string;
  bodyEs: string;
  effectiveOn: string;
  nextReviewOn: string;
  agreementModel: string;
  agreementStatus: string;
  signedOn: string;
  renewalOn: string;
  designatedOfficers: string;
};
export const EMPTY_DRAFT: DraftValues = {
  title: "",
  summary: "",
  body: "",
  titleEs: "",
  summaryEs: "",
  bodyEs: "",
  effectiveOn: "",
  nextReviewOn: "",
  agreementModel: "",
  agreementStatus: "",
  signedOn: "",
  renewalOn: "",
  designatedOfficers: "",
};

export function DraftForm({
  kind,
  documentId,
  initial,
}: {
  kind: "POLICY" | "AGREEMENT_287G" | "STATEMENT";
  documentId?: string;
  initial: DraftValues;
}) {
  const t = useT("publicRecord");
  const router = useRouter();
  const form = useActionForm();
  const [values, setValues] = useState(initial);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { ...values, kind, documentId };
    form.submit(
      draftSchema,
      input,
      () => saveDraftAction(input),
      () => {
        router.push("/public-record");
        router.refresh();
      },
    );
  }

  const set = (name: keyof DraftValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const text = (name: keyof DraftValues, props: Record<string, string | boolean> = {}) => (
    <TextField
      label={t(`fields.${name}`)}
      name={name}
      value={values[name]}
      onChange={set(name)}
      error={form.errorFor(name)}
      {...props}
    />
  );
  const area = (name: keyof DraftValues, rows: number, hint?: string) => (
    <TextArea
      label={t(`fields.${name}`)}
      name={name}
      value={values[name]}
      onChange={set(name)}
      error={form.errorFor(name)}
      rows={rows}
      hint={hint}
    />
  );
  const agreement = kind === "AGREEMENT_287G";

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-8" data-testid="draft-form">
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("form.english")}</legend>
        {text("title", { required: true })}
        {area("summary", 3, agreement ? t("form.scopeHint") : undefined)}
        {area("body", 14, t("form.markdownHint"))}
      </fieldset>
      {kind !== "STATEMENT" ? (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-lg font-semibold">{t("form.dates")}</legend>
          {text("effectiveOn", { type: "date", required: true })}
          {text("nextReviewOn", { type: "date" })}
        </fieldset>
      ) : null}
      {agreement ? (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-lg font-semibold">{t("form.agreement")}</legend>
          <SelectField
            label={t("fields.agreementStatus")}
            name="agreementStatus"
            value={values.agreementStatus}
            onChange={set("agreementStatus")}
            error={form.errorFor("agreementStatus")}
          >
            <option value="">{t("form.choose")}</option>
            {AGREEMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("fields.agreementModel")}
            name="agreementModel"
            value={values.agreementModel}
            onChange={set("agreementModel")}
            error={form.errorFor("agreementModel")}
          >
            <option value="">{t("form.choose")}</option>
            {AGREEMENT_MODELS.map((m) => (
              <option key={m} value={m}>
                {t(`models.${m}`)}
              </option>
            ))}
          </SelectField>
          {text("signedOn", { type: "date" })}
          {text("renewalOn", { type: "date" })}
          {text("designatedOfficers", { inputMode: "numeric" })}
        </fieldset>
      ) : null}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("form.spanish")}</legend>
        <p className="text-sm text-muted">{t("form.spanishHint")}</p>
        {text("titleEs", { lang: "es" })}
        {area("summaryEs", 3)}
        {area("bodyEs", 10)}
      </fieldset>
      <FormError message={form.formError} />
      <div>
        <Button type="submit" disabled={form.pending} data-testid="save-draft">
          {t("form.save")}
        </Button>
      </div>
    </form>
  );
}
