"use client";
// Correcting the log of a request the agency holds. Only the fields the request still accepts are
// offered (before a decision more than after); only what was changed is sent, so an untouched
// time is never rewritten to the minute. The decision itself is not edited here.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText, useT, useTimeZone } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { zonedWallTimeToUtc } from "@/lib/i18n/format";
import { BASIS_DOCUMENTS, editRequestSchema, OFFENCE_CATEGORIES } from "@/lib/validation/request";

export type EditValues = {
  receivedAt: string;
  requesterName: string;
  dueAt: string;
  basisDocument: string;
  basisSignedByJudge: boolean;
  basisCourt: string;
  offenceCategory: string;
  localReference: string;
};

type Props = {
  id: string;
  fields: string[];
  decided: boolean;
  initial: EditValues;
  action: (input: Record<string, unknown>) => Promise<ActionResult<{ changed: string[] }>>;
};

const WALL_FIELDS = new Set(["receivedAt", "dueAt"]);

export function EditRequestForm({ id, fields, decided, initial, action }: Props) {
  const t = useT("requests");
  const issueText = useIssueText();
  const zone = useTimeZone();
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const shown = (f: keyof EditValues) => fields.includes(f);
  const err = (name: string) => (fieldErrors[name] ? issueText(fieldErrors[name]) : undefined);
  const set = (k: keyof EditValues) => (e: { target: { value: string } }) =>
    setV((x) => ({ ...x, [k]: e.target.value }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const input: Record<string, unknown> = {};
    for (const k of Object.keys(v) as (keyof EditValues)[]) {
      if (!shown(k) || v[k] === initial[k]) continue;
      input[k] = WALL_FIELDS.has(k)
        ? v[k]
          ? (zonedWallTimeToUtc(String(v[k]), zone)?.toISOString() ?? "invalid")
          : ""
        : v[k];
    }
    setSaved(null);
    setFormError(null);
    const parsed = editRequestSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "_form"), i.message])));
      setFormError("errors.validation");
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await action({ id, ...input });
      if (result.ok) {
        setSaved(result.data.changed.length);
        router.refresh();
      } else {
        setFormError(result.formError);
        setFieldErrors(result.fieldErrors);
      }
    } catch {
      setFormError("errors.generic");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="edit-request-form">
      <p className="text-sm text-muted">{decided ? t("edit.afterDecision") : t("edit.beforeDecision")}</p>
      {shown("receivedAt") ? (
        <TextField
          label={t("form.receivedAt", { zone })}
          name="receivedAt"
          type="datetime-local"
          value={v.receivedAt}
          onChange={set("receivedAt")}
          error={err("receivedAt")}
        />
      ) : null}
      {shown("requesterName") ? (
        <TextField
          label={t("edit.requesterName")}
          name="requesterName"
          value={v.requesterName}
          onChange={set("requesterName")}
          error={err("requesterName")}
          maxLength={200}
        />
      ) : null}
      {shown("dueAt") ? (
        <TextField
          label={t("form.dueAt", { zone })}
          name="dueAt"
          type="datetime-local"
          value={v.dueAt}
          onChange={set("dueAt")}
          error={err("dueAt")}
          hint={t("form.dueHint")}
        />
      ) : null}
      <SelectField
        label={t("form.basisDocument")}
        name="basisDocument"
        value={v.basisDocument}
        onChange={set("basisDocument")}
        error={err("basisDocument")}
      >
        {BASIS_DOCUMENTS.map((d) => (
          <option key={d} value={d}>
            {t(`documents.${d}`)}
          </option>
        ))}
      </SelectField>
      <div className="flex items-center gap-2">
        <input
          id="basisSignedByJudge"
          name="basisSignedByJudge"
          type="checkbox"
          className="h-4 w-4"
          checked={v.basisSignedByJudge}
          onChange={(e) => setV((x) => ({ ...x, basisSignedByJudge: e.target.checked }))}
        />
        <label htmlFor="basisSignedByJudge" className="text-sm">
          {t("form.signedByJudge")}
        </label>
      </div>
      <TextField
        label={t("form.basisCourt")}
        name="basisCourt"
        value={v.basisCourt}
        onChange={set("basisCourt")}
        error={err("basisCourt")}
        maxLength={200}
      />
      <SelectField
        label={t("form.offenceCategory")}
        name="offenceCategory"
        value={v.offenceCategory}
        onChange={set("offenceCategory")}
        error={err("offenceCategory")}
        hint={t("form.categoryHint")}
      >
        {OFFENCE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`categories.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("form.localReference")}
        name="localReference"
        value={v.localReference}
        onChange={set("localReference")}
        error={err("localReference")}
        maxLength={60}
        hint={t("form.localReferenceHint")}
      />
      <FormError message={formError ? issueText(formError) : null} />
      <p aria-live="polite" className="text-sm" data-testid="edit-saved">
        {saved === null ? "" : saved === 0 ? t("edit.nothingChanged") : t("edit.saved", { count: saved })}
      </p>
      <div>
        <Button type="submit" variant="secondary" disabled={pending} data-testid="edit-submit">
          {t("edit.submit")}
        </Button>
      </div>
    </form>
  );
}
