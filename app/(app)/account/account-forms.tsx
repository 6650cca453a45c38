"use client";
// The account page's forms. Each validates with the shared schema first, then asks the server.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { changePasswordSchema } from "@/lib/validation/auth";
import { changePasswordAction, setLanguageAction, signOutEverywhereAction } from "./actions";

function firstIssues(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[String(i.path[0] ?? "_form")] ??= i.message;
  return out;
}

/** `action`: where the new password goes (the account page's, or the required change at first sign-in). */
export function ChangePasswordForm({
  action = changePasswordAction,
}: { action?: (input: unknown) => Promise<ActionResult> } = {}) {
  const t = useT("auth");
  const issueText = useIssueText();
  const [values, setValues] = useState({ currentPassword: "", newPassword: "", confirmPassword: "" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = changePasswordSchema.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(firstIssues(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    start(async () => {
      // On success the server signs this browser out and redirects to the sign-in page.
      const result: ActionResult = await action(values);
      if (!result.ok) {
        setFieldErrors(result.fieldErrors);
        setFormError(issueText(result.formError));
      }
    });
  }

  const field = (name: keyof typeof values, label: string, autoComplete: string) => (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete={autoComplete}
      required
      value={values[name]}
      onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      error={fieldErrors[name] ? issueText(fieldErrors[name]) : undefined}
    />
  );

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="change-password-form">
      {field("currentPassword", t("account.password.current"), "current-password")}
      {field("newPassword", t("account.password.new"), "new-password")}
      {field("confirmPassword", t("account.password.confirm"), "new-password")}
      <FormError message={formError} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("account.password.submit")}
      </Button>
    </form>
  );
}

export function LanguageForm({ current }: { current: Locale }) {
  const t = useT("auth");
  const tc = useT("common");
  const issueText = useIssueText();
  const router = useRouter();
  const [locale, setLocale] = useState<Locale>(current);
  // "saved" is rendered at display time, so it follows the language just chosen.
  const [status, setStatus] = useState<{ saved: true } | { saved: false; error: string } | null>(null);
  const [pending, start] = useTransition();

  function submit(event: FormEvent) {
    event.preventDefault();
    start(async () => {
      const result = await setLanguageAction({ locale });
      if (result.ok) {
        setStatus({ saved: true });
        router.refresh();
      } else setStatus({ saved: false, error: issueText(result.formError) });
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" data-testid="language-form">
      <SelectField
        label={t("account.language.label")}
        name="locale"
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {tc(`languageNames.${l}`)}
          </option>
        ))}
      </SelectField>
      <div aria-live="polite" data-testid="language-status" className={status?.saved ? "text-ok" : "text-danger"}>
        {status ? (status.saved ? t("account.language.saved") : status.error) : null}
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {t("account.language.submit")}
      </Button>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const t = useT("auth");
  const issueText = useIssueText();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function submit(event: FormEvent) {
    event.preventDefault();
    start(async () => {
      const result = await signOutEverywhereAction();
      if (!result.ok) setFormError(issueText(result.formError));
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <FormError message={formError} />
      <Button
        type="submit"
        variant="danger"
        disabled={pending}
        className="self-start"
        data-testid="sign-out-everywhere"
      >
        {t("account.sessions.submit")}
      </Button>
    </form>
  );
}
