"use client";
// A supervisor's or chief's part in a conflict: acknowledge it for their side, and record how
// it was settled (an outcome and a note).
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { CONFLICT_OUTCOMES, resolveConflictSchema } from "@/lib/validation/conflict";
import type { ActionResult } from "@/app/_lib/action-result";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextArea } from "@/components/ui/field";

export type AckAction = (input: { id: string }) => Promise<ActionResult<unknown>>;
export type ResolveAction = (input: { id: string; outcome: string; note: string }) => Promise<ActionResult<unknown>>;

export function AcknowledgeButton({ id, action }: { id: string; action: AckAction }) {
  const t = useT("conflicts.detail");
  const issueText = useIssueText();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function ack() {
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
        <Button type="button" onClick={ack} disabled={pending} data-testid="acknowledge">
          {t("acknowledge")}
        </Button>
      </div>
      <FormError message={error} />
    </div>
  );
}

export function ResolveForm({ id, action }: { id: string; action: ResolveAction }) {
  const t = useT("conflicts.detail");
  const tc = useT("conflicts");
  const issueText = useIssueText();
  const router = useRouter();
  const [outcome, setOutcome] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = resolveConflictSchema.safeParse({ outcome, note });
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
      const result = await action({ id, outcome, note });
      if (result.ok) return router.refresh();
      setErrors(result.fieldErrors);
      setFormError(result.formError);
    } catch {
      setFormError("errors.generic");
    } finally {
      setPending(false);
    }
  }

  const err = (k: string) => (errors[k] ? issueText(errors[k]) : undefined);
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="resolve-form" aria-labelledby="resolve-title">
      <h3 id="resolve-title" className="text-base font-semibold">
        {t("resolveTitle")}
      </h3>
      <p className="text-sm text-muted">{t("resolveHint")}</p>
      <FormError message={formError ? issueText(formError) : null} />
      <SelectField label={t("outcome")} name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)} error={err("outcome")} required>
        <option value="">{t("choose")}</option>
        {CONFLICT_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {tc(`outcomes.${o}`)}
          </option>
        ))}
      </SelectField>
      <TextArea label={t("outcomeNote")} name="note" value={note} onChange={(e) => setNote(e.target.value)} error={err("note")} rows={3} required />
      <div>
        <Button type="submit" disabled={pending} data-testid="resolve">
          {t("resolve")}
        </Button>
      </div>
    </form>
  );
}
