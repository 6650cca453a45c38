// The one shape server actions return, and the wrapper that turns expected failures into it.
// Unexpected errors are logged with a request id and never reach the browser as a stack trace.
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { isAppError, ValidationError, zodIssues } from "@/lib/errors";
import { log } from "@/lib/log";

export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; formError: string; fieldErrors: Record<string, string>; requestId?: string };

/** Field errors keep the raw i18n message keys; the form renders them with useIssueText(). */
function toFieldErrors(issues: { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) if (!(i.path in out)) out[i.path || "_form"] = i.message;
  return out;
}

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    if (e instanceof ZodError) {
      return { ok: false, formError: "errors.validation", fieldErrors: toFieldErrors(zodIssues(e)) };
    }
    if (e instanceof ValidationError) {
      return {
        ok: false,
        formError: e.message.includes(".") ? e.message : `errors.${e.message}`,
        fieldErrors: toFieldErrors(e.issues),
      };
    }
    if (isAppError(e)) {
      const key = e.message.includes(".") ? e.message : `errors.${e.message}`;
      return { ok: false, formError: e.params ? `${key}::${JSON.stringify(e.params)}` : key, fieldErrors: {} };
    }
    // Next's redirect()/notFound() signal by throwing; let them through.
    if (
      e &&
      typeof e === "object" &&
      "digest" in e &&
      typeof (e as { digest: unknown }).digest === "string" &&
      (e as { digest: string }).digest.startsWith("NEXT_")
    )
      throw e;
    const requestId = randomUUID();
    log.error({ err: e, requestId }, "server action failed");
    return { ok: false, formError: `errors.generic::${JSON.stringify({ requestId })}`, fieldErrors: {}, requestId };
  }
}
