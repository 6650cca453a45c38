// The state every admin form keeps: field errors (message keys), a form-level error and a saved
// notice, filled from the shared schema on the client and from the action's result after.
import { useState, useTransition } from "react";
import type { ZodType } from "zod";
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText } from "@/components/i18n/i18n-provider";

type Issue = { path: PropertyKey[]; message: string };

function firstIssues(issues: Issue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path.map(String).join(".") || "_form"] ??= i.message;
  return out;
}

export function useActionForm() {
  const issueText = useIssueText();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, start] = useTransition();

  /** The first message for a field, including nested paths ("roles.0", "boundary.coordinates.0"). */
  function errorFor(name: string): string | undefined {
    const key = Object.keys(fieldErrors).find((k) => k === name || k.startsWith(`${name}.`));
    return key ? issueText(fieldErrors[key]) : undefined;
  }

  /** Validates with the shared schema, then runs the action; `onOk` gets the action's data. */
  function submit<T>(
    schema: ZodType | null,
    input: unknown,
    action: () => Promise<ActionResult<T>>,
    onOk?: (data: T) => void,
  ) {
    setFormError(null);
    setDone(false);
    if (schema) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        setFieldErrors(firstIssues(parsed.error.issues));
        setFormError(issueText("errors.validation"));
        return;
      }
    }
    setFieldErrors({});
    start(async () => {
      const result = await action();
      if (result.ok) {
        setDone(true);
        onOk?.(result.data);
      } else {
        setFieldErrors(result.fieldErrors);
        setFormError(issueText(result.formError));
      }
    });
  }

  return { errorFor, formError, done, pending, submit };
}
