// Plumbing for /api/v1: every handler runs as the agency API token in `Authorization: Bearer
// cg_…` (checked here, before the handler sees the request), typed failures become JSON errors
// with a message and field paths, and every request — allowed or refused — leaves an audit event
// with its method, path and status (and whatever the handler adds to it, e.g. a dry run's box).
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { authenticateApiToken, recordApiRequest, type ApiRequestMeta } from "@/lib/api-tokens/authenticate";
import { processTokenCache } from "@/lib/api-tokens/token-cache";
import type { Actor } from "@/lib/auth/actor";
import { requestContextFrom } from "@/lib/auth/request-context";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { isAppError, RateLimitError, ValidationError, zodIssues } from "@/lib/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { log } from "@/lib/log";
import { apiError } from "@/app/_lib/api";

export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type TokenHandler = (
  req: Request,
  ctx: { actor: Actor; now: Date; params: Record<string, string>; addAuditDetails: (details: Record<string, unknown>) => void },
) => Promise<Response>;

/** apiError types request ids as UUIDs; a caller's x-request-id may be any short token. */
type RequestId = Parameters<typeof apiError>[5] & string;

function errorResponse(req: Request, e: unknown, requestId: RequestId): Response {
  if (e instanceof ZodError) return apiError(req, 422, "VALIDATION", "errors.validation", zodIssues(e), requestId);
  if (e instanceof ValidationError) {
    const key = e.message.includes(".") ? e.message : `errors.${e.message}`;
    return apiError(req, e.status, e.code, key, e.issues, requestId);
  }
  if (isAppError(e)) {
    const res = apiError(req, e.status, e.code, e.params ? `${e.message}::${JSON.stringify(e.params)}` : e.message, undefined, requestId);
    if (e instanceof RateLimitError && e.params?.retryAfterSec !== undefined) res.headers.set("retry-after", String(e.params.retryAfterSec));
    return res;
  }
  log.error({ err: e, requestId, url: req.url }, "api handler failed");
  return apiError(req, 500, "INTERNAL", `errors.generic::${JSON.stringify({ requestId })}`, undefined, requestId);
}

async function plainParams(ctx: RouteContext | undefined): Promise<Record<string, string>> {
  const raw = ctx?.params ? await ctx.params : {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") out[k] = v;
  return out;
}

export function tokenRoute(handler: TokenHandler) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    const context = requestContextFrom(req.headers);
    const requestId = context.requestId as RequestId;
    const meta: ApiRequestMeta = { requestId: context.requestId, sourceIp: context.sourceIp, locale: localeFromAcceptLanguage(req.headers.get("accept-language")) };
    const authorization = req.headers.get("authorization");
    let actor: Actor | null = null;
    let now = new Date();
    let response: Response;
    let details: Record<string, unknown> | undefined;
    const addAuditDetails = (more: Record<string, unknown>) => void (details = { ...details, ...more });
    try {
      now = await currentTime(db());
      actor = await authenticateApiToken({ db: db(), authorization, meta, now, cache: processTokenCache() });
      response = await handler(req, { actor, now, params: await plainParams(ctx), addAuditDetails });
    } catch (e) {
      response = errorResponse(req, e, requestId);
    }
    try {
      await recordApiRequest({ db: db(), actor, authorization, meta, method: req.method, path: new URL(req.url).pathname, status: response.status, details, now });
    } catch (e) {
      // A request that cannot be accounted for is not answered.
      log.error({ err: e, requestId: meta.requestId }, "api request audit failed");
      response = apiError(req, 503, "UNAVAILABLE", `errors.generic::${JSON.stringify({ requestId })}`, undefined, requestId);
    }
    response.headers.set("x-request-id", meta.requestId);
    if (response.status === 401) response.headers.set("www-authenticate", 'Bearer realm="common-ground"');
    return response;
  };
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): Response {
  return NextResponse.json(body, { status, headers });
}
