"use client";
// The agency's contacts and deconfliction settings. Numbers travel as text and the shared schema
// turns them into integers, so an empty or malformed field gets its own message.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { agencySettingsSchema, NOTICE_LANGUAGES } from "@/lib/validation/agency";
import { languageName } from "../../directory/_lib/language-names";
import { updateSettingsAction } from "../actions";
import { CheckboxGroup } from "./checkbox-group";
import { useActionForm } from "./form-state";

export type SettingsValues = {
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

export function SettingsForm({ initial, initialLanguages }: { initial: SettingsValues; initialLanguages: string[] }) {
  const t = useT("admin");
  const locale = useLocale();
  const router = useRouter();
  const form = useActionForm();
  const [values, setValues] = useState(initial);
  const [languages, setLanguages] = useState(initialLanguages);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { ...values, languages };
    form.submit(
      agencySettingsSchema,
      input,
      () => updateSettingsAction(input),
      () => router.refresh(),
    );
  }

  const field = (name: keyof SettingsValues, props: Record<string, string | boolean> = {}) => (
    <TextField
      label={t(`settings.${name}`)}
      name={name}
      value={values[name]}
      onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      error={form.errorFor(name)}
      {...props}
    />
  );
  const number = (name: keyof SettingsValues, hint: string) =>
    field(name, { type: "text", inputMode: "numeric", hint, required: true });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-8" data-testid="settings-form">
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("settings.contacts")}</legend>
        {field("phone24x7", { type: "tel", autoComplete: "tel", required: true })}
        {field("email", { type: "email" })}
        {field("backupContactName")}
        {field("backupContactPhone", { type: "tel" })}
        {field("backupContactEmail", { type: "email" })}
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("settings.notice")}</legend>
        <CheckboxGroup
          legend={t("settings.languages")}
          name="languages"
          options={NOTICE_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) }))}
          selected={languages}
          onChange={setLanguages}
          error={form.errorFor("languages")}
        />
        {number("noticeLeadHours", t("settings.noticeLeadHint"))}
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("settings.deconfliction")}</legend>
        {number("proximityBufferM", t("settings.proximityHint"))}
        {number("timeBufferMinutes", t("settings.timeBufferHint"))}
        {number("ackWindowMinutes", t("settings.ackWindowHint"))}
      </fieldset>
      <FormError message={form.formError} />
      <p aria-live="polite" className="text-sm font-medium text-ok" data-testid="settings-saved">
        {form.done ? t("settings.saved") : null}
      </p>
      <Button type="submit" disabled={form.pending} className="self-start">
        {t("settings.save")}
      </Button>
    </form>
  );
}
