"use client";
// The platform admin's agency record: identity, time zone, boundary (pasted GeoJSON) and the
// same contacts and settings an agency admin keeps. One form for registering and for editing.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextArea, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { AGENCY_KINDS, AGENCY_LEVELS, agencySchema, NOTICE_LANGUAGES } from "@/lib/validation/agency";
import { CheckboxGroup } from "../../admin/_components/checkbox-group";
import { useActionForm } from "../../admin/_components/form-state";
import { languageName } from "../../directory/_lib/language-names";

export type AgencyFormValues = {
  name: string;
  shortName: string;
  slug: string;
  level: string;
  kind: string;
  timeZone: string;
  boundary: string;
  phone24x7: string;
  email: string;
  backupContactName: string;
  backupContactPhone: string;
  backupContactEmail: string;
  noticeLeadHours: string;
  proximityBufferM: string;
  timeBufferMinutes: string;
  ackWindowMinutes: string;
};

type Props = {
  initial: AgencyFormValues;
  initialLanguages: string[];
  initialActive: boolean;
  levelLabels: Record<string, string>;
  kindLabels: Record<string, string>;
  submitLabel: string;
  save: (input: unknown) => Promise<ActionResult<{ id: string }>>;
};

export function AgencyForm({
  initial,
  initialLanguages,
  initialActive,
  levelLabels,
  kindLabels,
  submitLabel,
  save,
}: Props) {
  const t = useT("platform");
  const ta = useT("admin");
  const locale = useLocale();
  const router = useRouter();
  const form = useActionForm();
  const [values, setValues] = useState(initial);
  const [languages, setLanguages] = useState(initialLanguages);
  const [active, setActive] = useState(initialActive);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { ...values, languages, active };
    form.submit(
      agencySchema,
      input,
      () => save(input),
      (data) => {
        router.push(`/platform/agencies/${data.id}?saved=1`);
        router.refresh();
      },
    );
  }

  const set = (name: keyof AgencyFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const text = (name: keyof AgencyFormValues, label: string, props: Record<string, string | boolean> = {}) => (
    <TextField
      label={label}
      name={name}
      value={values[name]}
      onChange={set(name)}
      error={form.errorFor(name)}
      {...props}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-8" data-testid="agency-form">
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("form.identity")}</legend>
        {text("name", t("form.name"), { required: true })}
        {text("shortName", t("form.shortName"), { required: true })}
        {text("slug", t("form.slug"), { required: true, hint: t("form.slugHint") })}
        <SelectField
          label={t("form.level")}
          name="level"
          value={values.level}
          onChange={set("level")}
          error={form.errorFor("level")}
          required
        >
          <option value="">{t("form.choose")}</option>
          {AGENCY_LEVELS.map((l) => (
            <option key={l} value={l}>
              {levelLabels[l]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("form.kind")}
          name="kind"
          value={values.kind}
          onChange={set("kind")}
          error={form.errorFor("kind")}
          required
        >
          <option value="">{t("form.choose")}</option>
          {AGENCY_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabels[k]}
            </option>
          ))}
        </SelectField>
        {text("timeZone", t("form.timeZone"), { required: true, hint: t("form.timeZoneHint") })}
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            name="active"
            checked={active}
            onChange={(e) => setActive(e.target.checked)}
            className="h-4 w-4 accent-brand"
          />
          {t("form.active")}
        </label>
        <TextArea
          label={t("form.boundary")}
          name="boundary"
          rows={8}
          spellCheck={false}
          value={values.boundary}
          onChange={set("boundary")}
          error={form.errorFor("boundary")}
          hint={t("form.boundaryHint")}
        />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{ta("settings.contacts")}</legend>
        {text("phone24x7", ta("settings.phone24x7"), { type: "tel", required: true })}
        {text("email", ta("settings.email"), { type: "email" })}
        {text("backupContactName", ta("settings.backupContactName"))}
        {text("backupContactPhone", ta("settings.backupContactPhone"), { type: "tel" })}
        {text("backupContactEmail", ta("settings.backupContactEmail"), { type: "email" })}
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{ta("settings.notice")}</legend>
        <CheckboxGroup
          legend={ta("settings.languages")}
          name="languages"
          options={NOTICE_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) }))}
          selected={languages}
          onChange={setLanguages}
          error={form.errorFor("languages")}
        />
        {text("noticeLeadHours", ta("settings.noticeLeadHours"), { inputMode: "numeric", required: true })}
        {text("proximityBufferM", ta("settings.proximityBufferM"), { inputMode: "numeric", required: true })}
        {text("timeBufferMinutes", ta("settings.timeBufferMinutes"), { inputMode: "numeric", required: true })}
        {text("ackWindowMinutes", ta("settings.ackWindowMinutes"), { inputMode: "numeric", required: true })}
      </fieldset>
      <FormError message={form.formError} />
      <Button type="submit" disabled={form.pending} className="self-start">
        {submitLabel}
      </Button>
    </form>
  );
}
