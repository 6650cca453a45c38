"use client";
// One button that runs one server action (retire a rule, adopt a preset, designate a person):
// the page refreshes when it succeeds, and a refusal is shown beside the button.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

type Props = {
  label: string;
  ariaLabel?: string;
  action: () => Promise<ActionResult<unknown>>;
  variant?: "primary" | "secondary" | "danger";
  testId?: string;
};

export function ActionButton({ label, ariaLabel, action, variant = "secondary", testId }: Props) {
  const issueText = useIssueText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function act() {
    setError(null);
    start(async () => {
      const result = await action().catch(() => ({ ok: false as const, formError: "errors.generic", fieldErrors: {} }));
      if (result.ok) router.refresh();
      else setError(issueText(result.formError));
    });
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant={variant}
        onClick={act}
        disabled={pending}
        aria-label={ariaLabel}
        data-testid={testId}
      >
        {label}
      </Button>
      <span aria-live="polite" className="text-sm font-medium text-danger">
        {error}
      </span>
    </span>
  );
}
