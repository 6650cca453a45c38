"use client";
// The filing form's notice section: how precisely to share the area, the expected community
// impact, the media / public-information contact and the public statement (English and Spanish,
// or none authorised) — and, when the filing comes too late for a host or after the start, the
// exigent reason and the commander's sign-off without which it is refused.
import type { ChangeEvent } from "react";
import { EXIGENT_REASONS } from "@/lib/validation/notice";
import { useT } from "@/components/i18n/i18n-provider";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import type { NoticeFieldValues } from "./notice-field-values";

type Props = {
  values: NoticeFieldValues;
  onChange: (next: NoticeFieldValues) => void;
  /** The field's error text, already translated. */
  err: (name: string) => string | undefined;
  /** The filing is late for a host, or after the start: the exigent part is shown and required. */
  exigent: boolean;
};

export function NoticeFieldsSection({ values, onChange, err, exigent }: Props) {
  const t = useT("notices");
  const set = <K extends keyof NoticeFieldValues>(name: K, value: NoticeFieldValues[K]) =>
    onChange({ ...values, [name]: value });
  const text = (name: keyof NoticeFieldValues) => ({
    name,
    value: values[name] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      set(name, e.target.value as never),
    error: err(name),
  });
  const showExigent = exigent || !!err("exigentReason") || !!err("exigentSignOff") || !!err("exigentConfirmed");

  return (
    <section
      className="flex flex-col gap-4 rounded-md border border-line bg-white p-4"
      aria-labelledby="notice-fields-title"
      data-testid="notice-fields"
    >
      <div>
        <h2 id="notice-fields-title" className="text-lg font-semibold">
          {t("fields.title")}
        </h2>
        <p className="text-sm text-muted">{t("fields.intro")}</p>
      </div>

      {showExigent ? (
        <fieldset
          className="flex flex-col gap-3 rounded-md border-2 border-danger bg-red-50 p-3"
          data-testid="exigent-fields"
        >
          <legend className="px-1 font-semibold text-danger">{t("fields.exigentTitle")}</legend>
          <p className="text-sm">{t("fields.exigentIntro")}</p>
          <SelectField label={t("fields.exigentReason")} {...text("exigentReason")} required>
            <option value="">{t("fields.exigentReasonChoose")}</option>
            {EXIGENT_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`exigentReasons.${r}`)}
              </option>
            ))}
          </SelectField>
          {values.exigentReason === "OTHER" ? (
            <TextArea label={t("fields.exigentText")} rows={2} {...text("exigentText")} required />
          ) : null}
          <TextField label={t("fields.exigentSignOff")} {...text("exigentSignOff")} required maxLength={160} />
          <div className="flex flex-col gap-1">
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                id="exigentConfirmed"
                name="exigentConfirmed"
                checked={values.exigentConfirmed}
                onChange={(e) => set("exigentConfirmed", e.target.checked)}
                aria-invalid={err("exigentConfirmed") ? true : undefined}
                aria-describedby={err("exigentConfirmed") ? "exigentConfirmed-error" : undefined}
                className="mt-1"
              />
              {t("fields.exigentConfirmed")}
            </label>
            {err("exigentConfirmed") ? (
              <p id="exigentConfirmed-error" className="text-sm font-medium text-danger">
                {err("exigentConfirmed")}
              </p>
            ) : null}
          </div>
        </fieldset>
      ) : null}

      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium">{t("fields.precision")}</legend>
        {(["EXACT", "GENERALIZED"] as const).map((p) => (
          <label key={p} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="areaPrecision"
              value={p}
              checked={values.areaPrecision === p}
              onChange={() => set("areaPrecision", p)}
            />
            {p === "EXACT" ? t("fields.precisionExact") : t("fields.precisionGeneralized")}
          </label>
        ))}
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium sm:col-span-3">{t("fields.impactTitle")}</legend>
        <TextField label={t("fields.roadClosures")} {...text("impactRoadClosures")} maxLength={500} />
        <TextField label={t("fields.schools")} {...text("impactSchools")} maxLength={500} />
        <TextField label={t("fields.crowding")} {...text("impactCrowding")} maxLength={500} />
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium sm:col-span-3">{t("fields.pioTitle")}</legend>
        <TextField label={t("fields.pioName")} {...text("pioName")} maxLength={120} autoComplete="off" />
        <TextField label={t("fields.pioPhone")} {...text("pioPhone")} type="tel" maxLength={40} autoComplete="off" />
        <TextField label={t("fields.pioEmail")} {...text("pioEmail")} type="email" maxLength={254} autoComplete="off" />
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t("fields.statementTitle")}</legend>
        {(["NONE", "APPROVED"] as const).map((m) => (
          <label key={m} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="publicStatementMode"
              value={m}
              checked={values.publicStatementMode === m}
              onChange={() => set("publicStatementMode", m)}
            />
            {m === "NONE" ? t("fields.statementNone") : t("fields.statementApproved")}
          </label>
        ))}
        {values.publicStatementMode === "APPROVED" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextArea label={t("fields.statementEn")} rows={3} lang="en" {...text("publicStatementEn")} required />
            <TextArea label={t("fields.statementEs")} rows={3} lang="es" {...text("publicStatementEs")} required />
          </div>
        ) : null}
      </fieldset>
    </section>
  );
}
