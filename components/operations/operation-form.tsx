"use client";
// Filing and editing an operation. Times are typed as wall-clock times in the agency's zone;
// the conflict preview updates as the area and window change. A failed save keeps every field.
// On a phone the conflict check and the recipients come before the submit button, not after it.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { operationInputSchema, operationUpdateSchema, OPERATION_TYPES } from "@/lib/validation/operation";
import type { Area } from "@/lib/deconfliction/types";
import { zonedWallTimeToUtc } from "@/lib/i18n/format";
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { AreaEditor, type DescribeAreaAction } from "@/components/map/area-editor";
import type { AreaStatus } from "@/components/map/area-sketch";
import type { Bounds } from "@/components/map/geometry";
import { ConflictPreview } from "./conflict-preview";
import { useConflictPreview, type PreviewAction } from "./use-conflict-preview";
import { OperationDetailsFields } from "./operation-details-fields";
import { emptyValues, type OperationFormValues } from "./form-values";
import { NoticeFieldsSection } from "@/components/notices/notice-fields-section";
import { NoticeRecipientsAside } from "@/components/notices/notice-recipients-aside";
import { useNoticeFormPart, type NoticeFormProps } from "@/components/notices/use-notice-form-part";

export type SaveAction = (input: unknown) => Promise<ActionResult<{ id: string }>>;

type Props = {
  mode: "create" | "edit";
  operationId?: string;
  version?: number;
  initial?: OperationFormValues;
  initialArea?: Area | null;
  timeZone: string;
  zoneName: string;
  defaultLeadAgency: string;
  initialBounds?: Bounds | null;
  tileUrl?: string | null;
  save: SaveAction;
  preview: PreviewAction;
  /** The area in words, shown under the map as the filer draws. */
  describeArea?: DescribeAreaAction;
  /** The notice part: who will be notified, and what they are told besides the operation. */
  notices?: NoticeFormProps;
  /** Offer "remember these for my next filing" (a person's own defaults; not for an API token). */
  rememberDefaults?: boolean;
};

const iso = (wall: string, zone: string) => zonedWallTimeToUtc(wall, zone)?.toISOString();

export function OperationForm(props: Props) {
  const { mode, timeZone } = props;
  const t = useT("operations.form");
  const to = useT("operations");
  const tf = useT("followUp.form");
  const issueText = useIssueText();
  const router = useRouter();
  const [values, setValues] = useState<OperationFormValues>(
    () => props.initial ?? emptyValues(props.defaultLeadAgency),
  );
  const [area, setArea] = useState<Area | null>(props.initialArea ?? null);
  const [areaStatus, setAreaStatus] = useState<AreaStatus>(props.initialArea ? "valid" : "empty");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [remember, setRemember] = useState(false);

  const startsAt = iso(values.startsAt, timeZone);
  const endsAt = iso(values.endsAt, timeZone);
  const preview = useConflictPreview(props.preview, {
    area,
    startsAt,
    endsAt,
    riskFlags: values.riskFlags,
    operationId: props.operationId,
  });
  const notice = useNoticeFormPart(props.notices, { area, startsAt, endsAt, operationId: props.operationId });

  /** Drops the errors of what was just edited: a stale message next to a corrected field misleads. */
  const clearErrors = (match: (path: string) => boolean) =>
    setErrors((e) =>
      Object.keys(e).some(match) ? Object.fromEntries(Object.entries(e).filter(([k]) => !match(k))) : e,
    );
  const set = (name: keyof OperationFormValues) => (value: string | string[]) => {
    setValues((v) => ({ ...v, [name]: value }));
    // The window's rules are reported on the end; fixing the start may be what resolves them.
    const names: string[] = name === "startsAt" || name === "endsAt" ? ["startsAt", "endsAt"] : [name];
    clearErrors((k) => names.some((n) => k === n || k.startsWith(`${n}.`)));
  };

  function buildInput(status: "DRAFT" | "PLANNED") {
    const base = {
      ...notice.input(),
      ...values,
      area: area ?? undefined,
      startsAt: values.startsAt ? (startsAt ?? values.startsAt) : undefined,
      endsAt: values.endsAt ? (endsAt ?? values.endsAt) : undefined,
    };
    return mode === "create"
      ? { ...base, status, ...(remember ? { rememberDefaults: true } : {}) }
      : { ...base, version: props.version };
  }

  async function submit(status: "DRAFT" | "PLANNED") {
    const input = buildInput(status);
    const schema = mode === "create" ? operationInputSchema : operationUpdateSchema;
    const parsed = schema.safeParse(input);
    if (!parsed.success || areaStatus === "invalid" || areaStatus === "incomplete") {
      const next: Record<string, string> = {};
      for (const i of parsed.success ? [] : parsed.error.issues) {
        const path = i.path.map(String).join(".");
        if (!(path in next)) next[path] = i.message;
      }
      if (areaStatus === "incomplete") next.area = "operations.form.areaIncomplete";
      setErrors(next);
      setFormError("errors.validation");
      focusFirstError(next);
      return;
    }
    setPending(true);
    setFormError(null);
    try {
      const result = await props.save(input);
      if (result.ok) {
        router.push(`/operations/${result.data.id}`);
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors);
      setFormError(result.formError);
      focusFirstError(result.fieldErrors);
    } catch {
      setFormError("operations.form.saveFailed");
    } finally {
      setPending(false);
    }
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void submit(submitter?.value === "DRAFT" ? "DRAFT" : "PLANNED");
  }

  const err = (name: string) => (errors[name] ? issueText(errors[name]) : undefined);
  const areaErrors = Object.entries(errors)
    .filter(([k]) => k === "area" || k.startsWith("area."))
    .map(([, m]) => m);
  const zoneHint = t("zoneHint", { zone: props.zoneName });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid min-w-0 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]"
      data-testid="operation-form"
    >
      <div className="flex min-w-0 flex-col gap-6 lg:col-start-1 lg:row-start-1">
        <FormError message={formError ? issueText(formError) : null} />
        <section className="grid gap-4 sm:grid-cols-2" aria-labelledby="op-what">
          <h2 id="op-what" className="text-lg font-semibold sm:col-span-2">
            {t("sectionWhat")}
          </h2>
          <SelectField
            label={t("type")}
            name="type"
            value={values.type}
            onChange={(e) => set("type")(e.target.value)}
            error={err("type")}
            hint={tf("typeHint")}
            required
          >
            <option value="">{t("choose")}</option>
            {OPERATION_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {to(`types.${ty}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("title")}
            name="title"
            value={values.title}
            onChange={(e) => set("title")(e.target.value)}
            error={err("title")}
            hint={t("titleHint")}
            required
            maxLength={120}
          />
        </section>
        <section aria-labelledby="op-where">
          <h2 id="op-where" className="sr-only">
            {t("sectionWhere")}
          </h2>
          <AreaEditor
            initialValue={props.initialArea}
            onChange={(a, status) => {
              setArea(a);
              setAreaStatus(status);
              clearErrors((k) => k === "area" || k.startsWith("area."));
            }}
            serverErrors={areaErrors}
            initialBounds={props.initialBounds}
            tileUrl={props.tileUrl}
            describe={props.describeArea}
          />
        </section>
        <section className="grid gap-4 sm:grid-cols-2" aria-labelledby="op-when">
          <h2 id="op-when" className="text-lg font-semibold sm:col-span-2">
            {t("sectionWhen")}
          </h2>
          <TextField
            label={t("startsAt")}
            name="startsAt"
            type="datetime-local"
            value={values.startsAt}
            onChange={(e) => set("startsAt")(e.target.value)}
            error={err("startsAt")}
            hint={zoneHint}
            required
          />
          <TextField
            label={t("endsAt")}
            name="endsAt"
            type="datetime-local"
            value={values.endsAt}
            onChange={(e) => set("endsAt")(e.target.value)}
            error={err("endsAt")}
            hint={zoneHint}
            required
          />
        </section>
        <OperationDetailsFields values={values} set={set} err={err} />
        {props.notices ? (
          <NoticeFieldsSection values={notice.values} onChange={notice.setValues} err={err} exigent={notice.exigent} />
        ) : null}
      </div>
      <aside className="flex min-w-0 flex-col gap-4 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start">
        <ConflictPreview state={preview} />
        {props.notices ? <NoticeRecipientsAside part={notice} props={props.notices} /> : null}
      </aside>
      <div className="flex min-w-0 flex-col gap-3 border-t border-line pt-4 lg:col-start-1 lg:row-start-2">
        {mode === "create" && props.rememberDefaults ? (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={remember}
              onChange={(e) => setRemember(e.target.checked)}
              data-testid="remember-defaults"
            />
            {tf("rememberDefaults")}
          </label>
        ) : null}
        <div className="flex flex-wrap gap-3">
          {mode === "create" ? (
            <>
              <Button type="submit" name="status" value="PLANNED" disabled={pending} data-testid="file-operation">
                {t("filePlanned")}
              </Button>
              <Button
                type="submit"
                name="status"
                value="DRAFT"
                variant="secondary"
                disabled={pending}
                data-testid="save-draft"
              >
                {t("saveDraft")}
              </Button>
            </>
          ) : (
            <Button type="submit" disabled={pending} data-testid="save-operation">
              {t("saveChanges")}
            </Button>
          )}
          {pending ? <span className="self-center text-sm text-muted">{t("saving")}</span> : null}
        </div>
      </div>
    </form>
  );
}

function focusFirstError(errors: Record<string, string>) {
  const first = Object.keys(errors)[0];
  if (!first) return;
  const id = first === "area" || first.startsWith("area") ? "area-error" : first.split(".")[0];
  requestAnimationFrame(() => document.getElementById(id)?.focus?.());
}
