// Route handler plumbing for /api/v1: JSON bodies parsed safely, typed errors mapped to
// status codes with a clear message and field paths, and nothing unexpected leaking out.
import { randomUUID } from "node:crypto";
import { ZodError, type ZodType } from "zod";
import { isAppError, ValidationError, zodIssues, type FieldIssue } from "@/lib/errors";
import { messagesFor } from "@/lib/i18n/catalog";
import { parseMsg } from "@/lib/i18n/issue";
import { localeFromAcceptLanguage, type Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { jsonResponse } from "@/lib/http/json-response";
import { log } from "@/lib/log";

export type ApiErrorBody = {
  error: { code: string; message: string; requestId: string; issues?: (FieldIssue & { code: string })[] };
};

function text(locale: Locale, message: string): string {
  const t = createTranslator(messagesFor(locale), locale);
  const { key, params } = parseMsg(message);
  return key.includes(".") ? t(key, params) : t(`errors.${key}`, params);
}

export function apiError(
  req: Request,
  status: number,
  code: string,
  message: string,
  issues?: FieldIssue[],
  requestId = randomUUID(),
) {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  const body: ApiErrorBody = {
    error: {
      code,
      message: text(locale, message),
      requestId,
      ...(issues
        ? {
            issues: issues.map((i) => ({
              path: i.path,
              code: parseMsg(i.message).key,
              message: text(locale, i.message),
            })),
          }
        : {}),
    },
  };
  return jsonResponse(body, { status, headers: { "x-request-id": requestId } });
}

export async function readJson<T>(req: Request, schema: ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw new ValidationError([{ path: "", message: "errors.invalidJson" }], "invalidJson");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  return parsed.data;
}

/** Wraps a handler so every failure becomes a JSON error with the right status. */
export function handle<C>(fn: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      return await fn(req, ctx);
    } catch (e) {
      if (e instanceof ZodError) return apiError(req, 422, "VALIDATION", "errors.validation", zodIssues(e));
      if (e instanceof ValidationError) return apiError(req, 422, "VALIDATION", `errors.${e.message}`, e.issues);
      if (isAppError(e))
        return apiError(req, e.status, e.code, e.params ? `${e.message}::${JSON.stringify(e.params)}` : e.message);
      const requestId = randomUUID();
      log.error({ err: e, requestId, url: req.url }, "api handler failed");
      return apiError(req, 500, "INTERNAL", `errors.generic::${JSON.stringify({ requestId })}`, undefined, requestId);
    }
  };
}
