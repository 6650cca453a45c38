"use client";
// The person's filing defaults on the account page: what their next new filing starts with.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, TextArea, TextField } from "@/components/ui/field";
import { filingDefaultsSchema } from "@/lib/validation/follow-up";

type Values = { commanderName: string; commanderPhone: string; commsPlan: string; radioChannel: string };

export function FilingDefaultsForm({
  initial,
  action,
}: {
  initial: Values;
  action: (input: unknown) => Promise<ActionResult>;
}) {
  const t = useT("followUp.defaults");
  const issueText = useIssueText();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const parsed = filingDefaultsSchema.safeParse(values);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const i of parsed.error.issues) next[String(i.path[0])] ??= i.message;
      setErrors(next);
      return setFormError("errors.validation");
    }
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      const result = await action(values);
      if (!result.ok) {
        setErrors(result.fieldErrors);
        return setFormError(result.formError);
      }
      setSaved(true);
      router.refresh();
    } catch {
      setFormError("errors.generic");
    } finally {
      setPending(false);
    }
  }

  const field = (name: keyof Values) => ({
    name: `default-${name}`,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: errors[name] ? issueText(errors[name]) : undefined,
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="filing-defaults-form">
      <TextField label={t("commanderName")} {...field("commanderName")} autoComplete="off" maxLength={120} />
      <TextField label={t("commanderPhone")} {...field("commanderPhone")} type="tel" />
      <TextArea label={t("commsPlan")} {...field("commsPlan")} rows={3} maxLength={1000} />
      <TextField label={t("radioChannel")} {...field("radioChannel")} maxLength={80} />
      <FormError message={formError ? issueText(formError) : null} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending} data-testid="save-filing-defaults">
          {t("save")}
        </Button>
        <span aria-live="polite" className="text-sm text-muted" data-testid="filing-defaults-saved">
          {saved ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}
