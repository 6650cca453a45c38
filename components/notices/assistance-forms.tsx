"use client";
// Assistance: the sender asks a notified agency for support; that agency's chief or supervisor
// accepts or declines, with a reason either way.
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { ASSISTANCE_KINDS, assistanceDecisionSchema } from "@/lib/validation/notice";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, TextArea } from "@/components/ui/field";
import { useNoticeAction } from "./use-notice-action";

export type DecideAction = (input: { id: string; decision: string; reason: string }) => Promise<ActionResult>;
export type RequestAction = (input: {
  id: string;
  kinds: string[];
  note: string;
}) => Promise<ActionResult<{ id: string }>>;

export function AssistanceDecisionForm({ id, action }: { id: string; action: DecideAction }) {
  const t = useT("notices");
  const issueText = useIssueText();
  const [reason, setReason] = useState("");
  const { run, pending, formError, fieldErrors, setFieldErrors } = useNoticeAction(action);

  async function decide(decision: "ACCEPTED" | "DECLINED") {
    const parsed = assistanceDecisionSchema.safeParse({ decision, reason });
    if (!parsed.success) {
      setFieldErrors({ reason: parsed.error.issues[0].message });
      return;
    }
    await run({ id, decision, reason });
  }

  return (
    <form
      onSubmit={(e) => e.preventDefault()}
      noValidate
      className="flex flex-col gap-3"
      data-testid="assistance-decision-form"
      aria-labelledby="decide-title"
    >
      <h3 id="decide-title" className="font-semibold">
        {t("assistance.decideTitle")}
      </h3>
      <TextArea
        label={t("assistance.reason")}
        name="decision-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        error={fieldErrors.reason ? issueText(fieldErrors.reason) : undefined}
      />
      <div className="flex gap-2">
        <Button type="button" disabled={pending} onClick={() => decide("ACCEPTED")} data-testid="assistance-accept">
          {t("assistance.accept")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => decide("DECLINED")}
          data-testid="assistance-decline"
        >
          {t("assistance.decline")}
        </Button>
      </div>
      <FormError message={formError ? issueText(formError) : null} />
    </form>
  );
}

export function AssistanceRequestForm({
  id,
  agencyName,
  action,
}: {
  id: string;
  agencyName: string;
  action: RequestAction;
}) {
  const t = useT("notices");
  const issueText = useIssueText();
  const [kinds, setKinds] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const { run, pending, formError, fieldErrors } = useNoticeAction(action);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run({ id, kinds, note })) {
      setKinds([]);
      setNote("");
    }
  }

  const toggle = (k: string, on: boolean) => setKinds((list) => (on ? [...list, k] : list.filter((x) => x !== k)));
  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-3"
      data-testid="assistance-request-form"
      aria-labelledby="request-title"
    >
      <h3 id="request-title" className="font-semibold">
        {t("assistance.requestTitle")}
      </h3>
      <p className="text-sm text-muted">{t("assistance.requestIntro", { agency: agencyName })}</p>
      <fieldset aria-describedby={fieldErrors.kinds ? "kinds-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">{t("assistance.kinds")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {ASSISTANCE_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={kinds.includes(k)} onChange={(e) => toggle(k, e.target.checked)} />
              {t(`assistanceKinds.${k}`)}
            </label>
          ))}
        </div>
        {fieldErrors.kinds ? (
          <p id="kinds-error" className="mt-1 text-sm font-medium text-danger">
            {issueText(fieldErrors.kinds)}
          </p>
        ) : null}
      </fieldset>
      <TextArea
        label={t("assistance.note")}
        name="assistance-note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={2}
        error={fieldErrors.note ? issueText(fieldErrors.note) : undefined}
      />
      <div>
        <Button type="submit" variant="secondary" disabled={pending} data-testid="assistance-request">
          {t("assistance.request")}
        </Button>
      </div>
      <FormError message={formError ? issueText(formError) : null} />
    </form>
  );
}
