"use client";
// The request form: a receiving agency logs a request by hand (fax, call, NCIC hit…), or a member
// federal office submits one through the portal. Categories only — never a person.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText, useT, useTimeZone } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { zonedWallTimeToUtc } from "@/lib/i18n/format";
import { BASIS_DOCUMENTS, MANUAL_CHANNELS, OFFENCE_CATEGORIES, REQUEST_KINDS } from "@/lib/validation/request";

type Agency = { id: string; name: string };
type Props = {
  mode: "log" | "submit";
  agencies: Agency[];
  nowWall: string;
  action: (input: Record<string, unknown>) => Promise<ActionResult<{ id: string }>>;
};

const iso = (wall: string, zone: string) => (wall ? (zonedWallTimeToUtc(wall, zone)?.toISOString() ?? "invalid") : "");

export function RequestForm({ mode, agencies, nowWall, action }: Props) {
  const t = useT("requests");
  const issueText = useIssueText();
  const zone = useTimeZone();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [createdId, setCreatedId] = useState<string | null>(null);
  const err = (name: string) => (fieldErrors[name] ? issueText(fieldErrors[name]) : undefined);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? "");
    const input: Record<string, unknown> = {
      kind: s("kind"),
      dueAt: iso(s("dueAt"), zone),
      basisDocument: s("basisDocument"),
      basisSignedByJudge: f.get("basisSignedByJudge") === "on",
      basisCourt: s("basisCourt"),
      offenceCategory: s("offenceCategory"),
    };
    if (mode === "submit") input.agencyId = s("agencyId");
    else
      Object.assign(input, {
        channel: s("channel"),
        receivedAt: iso(s("receivedAt"), zone),
        requesterAgencyId: s("requesterAgencyId"),
        requesterName: s("requesterName"),
        localReference: s("localReference"),
      });
    setPending(true);
    setFormError(null);
    setFieldErrors({});
    try {
      const result = await action(input);
      if (result.ok) {
        setCreatedId(result.data.id);
        router.push(`/requests/${result.data.id}`);
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
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex max-w-2xl flex-col gap-4 rounded-lg border border-line bg-white p-4"
      data-testid="request-form"
    >
      <p className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
        {t("form.noPersonWarning")}
      </p>
      <SelectField label={t("form.kind")} name="kind" defaultValue="" error={err("kind")}>
        <option value="">{t("form.choose")}</option>
        {REQUEST_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      {mode === "submit" ? (
        <SelectField label={t("form.toAgency")} name="agencyId" defaultValue="" error={err("agencyId")}>
          <option value="">{t("form.choose")}</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <>
          <SelectField
            label={t("form.requesterAgency")}
            name="requesterAgencyId"
            defaultValue=""
            error={err("requesterAgencyId")}
            hint={t("form.requesterHint")}
          >
            <option value="">{t("form.notAMember")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("form.requesterName")}
            name="requesterName"
            error={err("requesterName")}
            maxLength={200}
          />
          <SelectField label={t("form.channel")} name="channel" defaultValue="" error={err("channel")}>
            <option value="">{t("form.choose")}</option>
            {MANUAL_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("form.receivedAt", { zone })}
            name="receivedAt"
            type="datetime-local"
            defaultValue={nowWall}
            error={err("receivedAt")}
          />
        </>
      )}
      <TextField
        label={t("form.dueAt", { zone })}
        name="dueAt"
        type="datetime-local"
        error={err("dueAt")}
        hint={t("form.dueHint")}
      />
      <SelectField label={t("form.basisDocument")} name="basisDocument" defaultValue="" error={err("basisDocument")}>
        <option value="">{t("form.choose")}</option>
        {BASIS_DOCUMENTS.map((d) => (
          <option key={d} value={d}>
            {t(`documents.${d}`)}
          </option>
        ))}
      </SelectField>
      <div className="flex items-center gap-2">
        <input id="basisSignedByJudge" name="basisSignedByJudge" type="checkbox" className="h-4 w-4" />
        <label htmlFor="basisSignedByJudge" className="text-sm font-medium">
          {t("form.signedByJudge")}
        </label>
      </div>
      <TextField label={t("form.basisCourt")} name="basisCourt" error={err("basisCourt")} maxLength={200} />
      <SelectField
        label={t("form.offenceCategory")}
        name="offenceCategory"
        defaultValue=""
        error={err("offenceCategory")}
        hint={t("form.categoryHint")}
      >
        <option value="">{t("form.choose")}</option>
        {OFFENCE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`categories.${c}`)}
          </option>
        ))}
      </SelectField>
      {mode === "log" ? (
        <TextField
          label={t("form.localReference")}
          name="localReference"
          error={err("localReference")}
          maxLength={60}
          hint={t("form.localReferenceHint")}
        />
      ) : null}
      <FormError message={formError ? issueText(formError) : null} />
      <div>
        <Button type="submit" disabled={pending || createdId !== null} data-testid="request-submit">
          {mode === "submit" ? t("form.submit") : t("form.log")}
        </Button>
      </div>
    </form>
  );
}
