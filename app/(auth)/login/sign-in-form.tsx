"use client";
// The two-step sign-in: email and password, then the authenticator code, or on a first
// sign-in the authenticator setup (QR code plus the key as text) and its first code.
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { throttleMinutes, type SignInError } from "@/lib/auth/sign-in-errors";
import { beginSignIn } from "./actions";
import { credentialsSignIn } from "./credentials-sign-in";

type Step = { kind: "credentials" } | { kind: "code" } | { kind: "enrol"; qrDataUrl: string; secret: string };

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useT("auth");
  const issueText = useIssueText();
  const [step, setStep] = useState<Step>({ kind: "credentials" });
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const [leaving, setLeaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step.kind);

  // Moving between steps puts focus on the new step's heading, so screen readers announce it.
  useEffect(() => {
    if (shownStep.current === step.kind) return;
    shownStep.current = step.kind;
    heading.current?.focus();
  }, [step.kind]);

  const describe = (e: SignInError): string => {
    switch (e.code) {
      case "INVALID":
        return t("signIn.invalid");
      case "BAD_CODE":
        return t("signIn.badCode");
      case "LOCKED":
        return t("signIn.locked", { minutes: e.minutes });
      case "THROTTLED":
        return t("signIn.throttled", { minutes: throttleMinutes(e.retryAfterSec) });
      case "ENROL":
        return t("signIn.enrolRestart");
      case "ERROR":
        return t("signIn.error", { requestId: e.requestId });
    }
  };

  const restart = () => {
    setPassword("");
    setCode("");
    setStep({ kind: "credentials" });
  };

  function submitCredentials(event: FormEvent) {
    event.preventDefault();
    start(async () => {
      setFormError(null);
      setFieldErrors({});
      const result = await beginSignIn({ email, password });
      if (result.status === "FIELDS") setFieldErrors(result.fieldErrors);
      else if (result.status === "REFUSED") {
        setFormError(describe(result.error));
        if (result.error.code !== "ERROR") setPassword("");
      } else {
        setCode("");
        setStep(
          result.status === "ENROL"
            ? { kind: "enrol", qrDataUrl: result.qrDataUrl, secret: result.secret }
            : { kind: "code" },
        );
      }
    });
  }

  function submitCode(event: FormEvent) {
    event.preventDefault();
    const digits = code.replace(/\s/g, "");
    if (!/^\d{6}$/.test(digits)) {
      setFieldErrors({ code: "auth.signIn.codeFormat" });
      return;
    }
    start(async () => {
      setFormError(null);
      setFieldErrors({});
      const result = await credentialsSignIn({ email, password, code: digits });
      if (result.ok) {
        setLeaving(true);
        // Checked again here: this navigation is the browser's own, not a server redirect.
        window.location.assign(safeCallbackPath(callbackUrl, window.location.origin));
        return;
      }
      setCode("");
      setFormError(describe(result.error));
      if (
        result.error.code === "INVALID" ||
        result.error.code === "LOCKED" ||
        result.error.code === "ENROL" ||
        result.error.code === "THROTTLED"
      )
        restart();
    });
  }

  const busy = pending || leaving;
  const fieldError = (name: string) => (fieldErrors[name] ? issueText(fieldErrors[name]) : undefined);

  const title =
    step.kind === "credentials" ? t("signIn.title") : step.kind === "enrol" ? t("enrol.title") : t("signIn.codeTitle");

  return (
    <div className="flex flex-col gap-4 rounded-lg border border-line bg-white p-6 shadow-sm">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold tracking-tight focus:outline-none">
        {title}
      </h1>
      {step.kind === "credentials" ? (
        <p className="text-muted">{t("signIn.intro")}</p>
      ) : (
        <p className="text-sm text-muted">{t("signIn.signingInAs", { email })}</p>
      )}
      {/* One live region for every step, so a message is announced even as the step changes. */}
      <FormError message={formError} />
      {step.kind === "credentials" ? (
        <form onSubmit={submitCredentials} noValidate className="flex flex-col gap-4" data-testid="sign-in-credentials">
          <TextField
            label={t("signIn.email")}
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError("email")}
          />
          <TextField
            label={t("signIn.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError("password")}
          />
          <Button type="submit" disabled={busy} data-testid="sign-in-continue">
            {busy ? t("signIn.working") : t("signIn.continue")}
          </Button>
          <p className="text-sm text-muted">{t("signIn.mfaNote")}</p>
        </form>
      ) : (
        <form
          onSubmit={submitCode}
          noValidate
          className="flex flex-col gap-4"
          data-testid={step.kind === "enrol" ? "sign-in-enrol" : "sign-in-code"}
        >
          {step.kind === "enrol" ? (
            <EnrolmentDetails qrDataUrl={step.qrDataUrl} secret={step.secret} />
          ) : (
            <p className="text-muted">{t("signIn.codeIntro")}</p>
          )}
          <TextField
            label={step.kind === "enrol" ? t("enrol.code") : t("signIn.code")}
            name="code"
            hint={t("signIn.codeHint")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fieldError("code")}
          />
          <Button type="submit" disabled={busy} data-testid="sign-in-submit">
            {busy ? t("signIn.working") : step.kind === "enrol" ? t("enrol.submit") : t("signIn.submit")}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={busy}
            onClick={() => {
              setFormError(null);
              restart();
            }}
          >
            {t("signIn.back")}
          </Button>
        </form>
      )}
    </div>
  );
}

function EnrolmentDetails({ qrDataUrl, secret }: { qrDataUrl: string; secret: string }) {
  const t = useT("auth");
  return (
    <div className="flex flex-col gap-3">
      <p className="text-muted">{t("enrol.intro")}</p>
      {/* A data URL generated on the server: nothing for next/image to optimise. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={qrDataUrl}
        alt={t("enrol.qrAlt")}
        width={224}
        height={224}
        className="self-center rounded border border-line"
        data-testid="totp-qr"
      />
      <p className="text-sm">{t("enrol.manual")}</p>
      <p className="text-sm">
        <span className="sr-only">{t("enrol.secretLabel")}: </span>
        <code
          className="block rounded bg-slate-100 px-3 py-2 text-center font-mono text-base tracking-wider break-all"
          data-testid="totp-secret"
        >
          {secret.match(/.{1,4}/g)?.join(" ")}
        </code>
      </p>
      <p className="text-sm text-muted">{t("enrol.manualDetails")}</p>
    </div>
  );
}
