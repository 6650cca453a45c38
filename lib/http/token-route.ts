// Plumbing for /api/v1: every handler runs as the agency API token in `Authorization: Bearer
// cg_…` (checked here, before the handler sees the request, with the scope the endpoint needs and
// the token's rate limit), typed failures become JSON errors with a message and field paths, and
// every request leaves an audit event with its method, path and status (and whatever the handler
// adds to it, e.g. a dry run's box) — except that refusals (401 without a valid token, 429 over a
// limit) are sampled: the first per client address or token in a window in full, the rest
// counted into a periodic summary (lib/api-tokens/refusal-audit.ts).
import { addressKey, countAddressRefusal, refuseIfBlocked } from "@/lib/api-tokens/address-refusals";
import { authenticateApiRequest, recordApiRequest, type ApiRequestMeta } from "@/lib/api-tokens/authenticate";
import { sampleRefusal } from "@/lib/api-tokens/refusal-audit";
import type { ApiScope } from "@/lib/api-tokens/scopes";
import { processTokenCache } from "@/lib/api-tokens/token-cache";
import type { Actor } from "@/lib/auth/actor";
import { requestContextFrom } from "@/lib/auth/request-context";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { InsufficientScopeError, RateLimitError, UnauthorizedError, UnavailableError } from "@/lib/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { log } from "@/lib/log";
import { consumeLeased } from "@/lib/rate-limit/leased";
import { errorResponse } from "./api-error";
import { jsonResponse } from "./json-response";

export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type TokenHandler = (
  req: Request,
  ctx: {
    actor: Actor;
    now: Date;
    params: Record<string, string>;
    addAuditDetails: (details: Record<string, unknown>) => void;
  },
) => Promise<Response>;

async function plainParams(ctx: RouteContext | undefined): Promise<Record<string, string>> {
  const raw = ctx?.params ? await ctx.params : {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") out[k] = v;
  return out;
}

/**
 * Wraps an /api/v1 handler. `scope` is what the token must have been given for this endpoint
 * (lib/api-tokens/scopes.ts); null only for answers that do nothing (the catch-all 404, 405).
 */
export function tokenRoute(scope: ApiScope | null, handler: TokenHandler) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    const context = requestContextFrom(req.headers);
    const requestId = context.requestId;
    const meta: ApiRequestMeta = {
      requestId: context.requestId,
      sourceIp: context.sourceIp,
      locale: localeFromAcceptLanguage(req.headers.get("accept-language")),
    };
    const authorization = req.headers.get("authorization");
    let actor: Actor | null = null;
    let now = new Date();
    let response: Response;
    let details: Record<string, unknown> | undefined;
    const addAuditDetails = (more: Record<string, unknown>) => void (details = { ...details, ...more });
    try {
      now = await currentTime(db());
      const auth = await authenticate(authorization, meta, now);
      actor = auth.actor;
      const verdict = await consumeLeased(db(), "apiToken", `token:${actor.id}`);
      if (!verdict.allowed) throw new RateLimitError("api.rateLimited", { retryAfter: verdict.retryAfterSec });
      if (scope && !auth.scopes.includes(scope)) throw new InsufficientScopeError("api.scopeRequired", { scope });
      response = await handler(req, { actor, now, params: await plainParams(ctx), addAuditDetails });
    } catch (e) {
      response = errorResponse(req, e, requestId);
    }
    // Refusals are sampled; everything else is recorded before it is answered.
    const refused = response.status === 429 || (response.status === 401 && !actor);
    const inFull =
      !refused ||
      sampleRefusal(
        db(),
        actor ? `token:${actor.id}` : addressKey(meta.sourceIp),
        `api.${response.status}`,
        meta.sourceIp,
      );
    if (inFull) {
      try {
        await recordApiRequest({
          db: db(),
          actor,
          authorization,
          meta,
          method: req.method,
          path: new URL(req.url).pathname,
          status: response.status,
          details,
          now,
        });
      } catch (e) {
        // A request that cannot be accounted for is not answered.
        log.error({ err: e, requestId: meta.requestId }, "api request audit failed");
        response = errorResponse(req, new UnavailableError("generic", { requestId }), requestId);
      }
    }
    response.headers.set("x-request-id", meta.requestId);
    if (response.status === 401) response.headers.set("www-authenticate", 'Bearer realm="common-ground"');
    return response;
  };
}

/** The token's actor and scopes; a refusal counts against the client address's limit. */
async function authenticate(authorization: string | null, meta: ApiRequestMeta, now: Date) {
  try {
    return await authenticateApiRequest({
      db: db(),
      authorization,
      meta,
      now,
      cache: processTokenCache(),
      beforeLookup: () => refuseIfBlocked(meta.sourceIp),
    });
  } catch (e) {
    if (e instanceof UnauthorizedError) await countAddressRefusal(db(), meta.sourceIp);
    throw e;
  }
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): Response {
  return jsonResponse(body, { status, headers });
}
