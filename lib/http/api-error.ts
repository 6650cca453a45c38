// JSON error answers for route handlers: the failure as mapError (error-mapping.ts) describes it,
// in the caller's language (Accept-Language), with the field paths of a validation failure, the
// request id, and Retry-After on a 429. Nothing unexpected leaks out: it is logged here instead.
import type { FieldIssue } from "@/lib/errors";
import { messagesFor } from "@/lib/i18n/catalog";
import { parseMsg, translateIssue } from "@/lib/i18n/issue";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { log } from "@/lib/log";
import { mapError, type MappedError } from "./error-mapping";
import { jsonResponse } from "./json-response";

export type ApiErrorBody = {
  error: { code: string; message: string; requestId: string; issues?: (FieldIssue & { code: string })[] };
};

/** The JSON answer for a mapped failure. */
export function apiErrorResponse(req: Request, failure: MappedError): Response {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  const t = createTranslator(messagesFor(locale), locale);
  const body: ApiErrorBody = {
    error: {
      code: failure.code,
      message: translateIssue(t, failure.message),
      requestId: failure.requestId,
      ...(failure.issues
        ? {
            issues: failure.issues.map((i) => ({
              path: i.path,
              code: parseMsg(i.message).key,
              message: translateIssue(t, i.message),
            })),
          }
        : {}),
    },
  };
  const headers: Record<string, string> = { "x-request-id": failure.requestId };
  if (failure.retryAfter !== undefined) headers["retry-after"] = String(failure.retryAfter);
  return jsonResponse(body, { status: failure.status, headers });
}

/** Any thrown value as the JSON answer; an unexpected one is logged with the request id (`what` says where). */
export function errorResponse(req: Request, e: unknown, requestId?: string, what = "api handler failed"): Response {
  const failure = mapError(e, requestId);
  if (!failure.expected) log.error({ err: e, requestId: failure.requestId, url: req.url }, what);
  return apiErrorResponse(req, failure);
}

/** Wraps a route handler that needs no API token so every failure becomes a JSON error. */
export function handleErrors<C>(fn: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      return await fn(req, ctx);
    } catch (e) {
      return errorResponse(req, e);
    }
  };
}
