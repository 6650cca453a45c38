"use client";
// A supervisor's or chief's part in a conflict: acknowledge it for their side, propose how it is
// settled (an outcome and a note), confirm or contest the other side's proposal, and reopen a
// resolved conflict with a reason.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { CONFLICT_OUTCOMES, proposeConflictSchema, reopenConflictSchema } from "@/lib/validation/conflict";
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextArea } from "@/components/ui/field";

export type IdAction = (input: { id: string }) => Promise<ActionResult<unknown>>;
export type OutcomeAction = (input: { id: string; outcome: string; note: string }) => Promise<ActionResult<unknown>>;
export type ReopenAction = (input: { id: string; reason: string }) => Promise<ActionResult<unknown>>;

/** One button that runs an action on the conflict and re-reads the page. */
export function ConflictButton({
  id,
  action,
  label,
  testId,
  variant,
}: {
  id: string;
  action: IdAction;
  label: string;
  testId: string;
  variant?: "primary" | "secondary";
}) {
  const issueText = useIssueText();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setPending(true);
    setError(null);
    try {
      const result = await action({ id });
      if (result.ok) router.refresh();
      else setError(issueText(result.formError));
    } catch {
      setError(issueText("errors.generic"));
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button type="button" variant={variant} onClick={run} disabled={pending} data-testid={testId}>
          {label}
        </Button>
      </div>
      <FormError message={error} />
    </div>
  );
}

/** Shared by the forms below: validate on the client with the server's schema, then run the action. */
function useConflictForm<S extends z.ZodType>(schema: S, send: () => Promise<ActionResult<unknown>>, values: unknown) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const i of parsed.error.issues) next[String(i.path[0])] ??= i.message;
      setErrors(next);
      return;
    }
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      const result = await send();
      if (result.ok) return router.refresh();
      setErrors(result.fieldErrors);
      setFormError(result.formError);
    } catch {
      setFormError("errors.generic");
    } finally {
      setPending(false);
    }
  }
  return { errors, formError, pending, submit };
}

/** Propose an outcome, or (mode "contest") answer the other side's proposal with this side's view. */
export function OutcomeForm({ id, action, mode }: { id: string; action: OutcomeAction; mode: "propose" | "contest" }) {
  const t = useT("conflicts.twoSided");
  const tc = useT("conflicts");
  const issueText = useIssueText();
  const [outcome, setOutcome] = useState("");
  const [note, setNote] = useState("");
  const { errors, formError, pending, submit } = useConflictForm(
    proposeConflictSchema,
    () => action({ id, outcome, note }),
    { outcome, note },
  );
  const err = (k: string) => (errors[k] ? issueText(errors[k]) : undefined);
  const titleId = `${mode}-title`;
  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-4"
      data-testid={`${mode}-form`}
      aria-labelledby={titleId}
    >
      <h3 id={titleId} className="text-base font-semibold">
        {t(`${mode}.title`)}
      </h3>
      <p className="text-sm text-muted">{t(`${mode}.hint`)}</p>
      <FormError message={formError ? issueText(formError) : null} />
      <SelectField
        label={t("outcome")}
        name="outcome"
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        error={err("outcome")}
        required
      >
        <option value="">{t("choose")}</option>
        {CONFLICT_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {tc(`outcomes.${o}`)}
          </option>
        ))}
      </SelectField>
      <TextArea
        label={t("note")}
        name="note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={err("note")}
        rows={3}
        required
      />
      <div>
        <Button
          type="submit"
          variant={mode === "contest" ? "secondary" : "primary"}
          disabled={pending}
          data-testid={mode}
        >
          {t(`${mode}.submit`)}
        </Button>
      </div>
    </form>
  );
}

export function ReopenForm({ id, action }: { id: string; action: ReopenAction }) {
  const t = useT("conflicts.twoSided");
  const issueText = useIssueText();
  const [reason, setReason] = useState("");
  const { errors, formError, pending, submit } = useConflictForm(reopenConflictSchema, () => action({ id, reason }), {
    reason,
  });
  return (
    <form
      onSubmit={submit}
      noValidate
      className="mt-4 flex flex-col gap-4"
      data-testid="reopen-form"
      aria-labelledby="reopen-title"
    >
      <h3 id="reopen-title" className="text-base font-semibold">
        {t("reopen.title")}
      </h3>
      <FormError message={formError ? issueText(formError) : null} />
      <TextArea
        label={t("reopen.reason")}
        name="reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason ? issueText(errors.reason) : undefined}
        rows={2}
        required
      />
      <div>
        <Button type="submit" variant="secondary" disabled={pending} data-testid="reopen">
          {t("reopen.submit")}
        </Button>
      </div>
    </form>
  );
}
