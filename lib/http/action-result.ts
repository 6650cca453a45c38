// The one shape server actions return, and the wrapper that turns failures into it through the
// same mapping as the API (error-mapping.ts). Unexpected errors are logged with a request id and
// never reach the browser as a stack trace.
import type { FieldIssue } from "@/lib/errors";
import { log } from "@/lib/log";
import { mapError } from "./error-mapping";

export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; formError: string; fieldErrors: Record<string, string>; requestId?: string };

/** Field errors keep the raw i18n message keys; the form renders them with useIssueText(). */
function toFieldErrors(issues: FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const field = i.path || "_form";
    if (!(field in out)) out[field] = i.message;
  }
  return out;
}

/** Next's redirect() and notFound() signal by throwing an error whose digest starts with NEXT_. */
function isFrameworkSignal(e: unknown): boolean {
  if (!e || typeof e !== "object" || !("digest" in e)) return false;
  const digest = (e as { digest: unknown }).digest;
  return typeof digest === "string" && digest.startsWith("NEXT_");
}

/** A failed result for `e`: its message key (with parameters) for the form, and its fields. */
export function actionFailure(e: unknown): Extract<ActionResult<never>, { ok: false }> {
  const failure = mapError(e);
  if (!failure.expected) {
    log.error({ err: e, requestId: failure.requestId }, "server action failed");
    return { ok: false, formError: failure.message, fieldErrors: {}, requestId: failure.requestId };
  }
  return { ok: false, formError: failure.message, fieldErrors: toFieldErrors(failure.issues ?? []) };
}

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    if (isFrameworkSignal(e)) throw e;
    return actionFailure(e);
  }
}
