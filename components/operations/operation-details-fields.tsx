"use client";
// The "who, how and what else" part of the filing form: command, communications, risk flags
// and notes, with the warning against recording anything about the people targeted.
import { RISK_FLAGS } from "@/lib/validation/operation";
import { useT } from "@/components/i18n/i18n-provider";
import { TextArea, TextField } from "@/components/ui/field";
import type { OperationFormValues } from "./form-values";

type Props = {
  values: OperationFormValues;
  set: (name: keyof OperationFormValues) => (value: string | string[]) => void;
  err: (name: string) => string | undefined;
};

export function OperationDetailsFields({ values, set, err }: Props) {
  const t = useT("operations.form");
  const to = useT("operations");
  const text = (name: keyof OperationFormValues) => ({
    name,
    value: values[name] as string,
    onChange: (e: { target: { value: string } }) => set(name)(e.target.value),
    error: err(name),
  });
  const toggleFlag = (flag: string, on: boolean) =>
    set("riskFlags")(on ? [...values.riskFlags, flag] : values.riskFlags.filter((f) => f !== flag));
  return (
    <>
      <section className="grid gap-4 sm:grid-cols-2" aria-labelledby="op-who">
        <h2 id="op-who" className="text-lg font-semibold sm:col-span-2">
          {t("sectionWho")}
        </h2>
        <TextField label={t("leadAgencyName")} {...text("leadAgencyName")} required />
        <TextField
          label={t("personnelCount")}
          {...text("personnelCount")}
          type="number"
          inputMode="numeric"
          min={1}
          max={2000}
          required
        />
        <TextField label={t("commanderName")} {...text("commanderName")} autoComplete="off" required />
        <TextField
          label={t("commanderPhone")}
          {...text("commanderPhone")}
          type="tel"
          hint={t("commanderPhoneHint")}
          required
        />
      </section>
      <section className="grid gap-4 sm:grid-cols-3" aria-labelledby="op-comms">
        <h2 id="op-comms" className="text-lg font-semibold sm:col-span-3">
          {t("sectionComms")}
        </h2>
        <div className="sm:col-span-3">
          <TextArea label={t("commsPlan")} {...text("commsPlan")} rows={3} hint={t("commsPlanHint")} required />
        </div>
        <TextField label={t("radioChannel")} {...text("radioChannel")} />
        <TextField label={t("talkgroup")} {...text("talkgroup")} />
        <TextField label={t("interopChannel")} {...text("interopChannel")} />
      </section>
      <fieldset className="flex flex-col gap-2" aria-describedby={err("riskFlags") ? "riskFlags-error" : undefined}>
        <legend className="mb-2 text-lg font-semibold">{t("riskFlags")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {RISK_FLAGS.map((flag) => (
            <label key={flag} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="riskFlags"
                value={flag}
                checked={values.riskFlags.includes(flag)}
                onChange={(e) => toggleFlag(flag, e.target.checked)}
                data-testid={`risk-${flag}`}
              />
              {to(`riskFlags.${flag}`)}
            </label>
          ))}
        </div>
        {err("riskFlags") ? (
          <p id="riskFlags-error" className="text-sm font-medium text-danger">
            {err("riskFlags")}
          </p>
        ) : null}
      </fieldset>
      <section className="flex flex-col gap-2" aria-labelledby="op-notes">
        <h2 id="op-notes" className="text-lg font-semibold">
          {t("sectionNotes")}
        </h2>
        <p
          id="notes-warning"
          className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="notes-warning"
        >
          {t("notesWarning")}
        </p>
        <TextArea
          label={t("notes")}
          {...text("notes")}
          rows={4}
          hint={t("notesHint")}
          aria-describedby={err("notes") ? "notes-warning notes-hint notes-error" : "notes-warning notes-hint"}
        />
      </section>
    </>
  );
}
