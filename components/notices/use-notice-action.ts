"use client";
// Runs a notice server action from a client component: pending state, field and form errors
// (as i18n keys, rendered by the caller), and a refresh of the page when it succeeds.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

export function useNoticeAction<I>(action: (input: I) => Promise<ActionResult<unknown>>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function run(input: I): Promise<boolean> {
    setPending(true);
    setFormError(null);
    setFieldErrors({});
    try {
      const result = await action(input);
      if (result.ok) {
        router.refresh();
        return true;
      }
      setFormError(result.formError);
      setFieldErrors(result.fieldErrors);
      return false;
    } catch {
      setFormError("errors.generic");
      return false;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, formError, fieldErrors, setFieldErrors };
}
