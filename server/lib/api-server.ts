// /api/v1 in the production server: requests for the CAD/RMS API go straight to their route
// handlers — the same functions Next.js would call, with the same Web Request and Response — and
// skip the framework's page machinery (routing manifests, rendering contexts), which costs more
// than a dry-run check itself. Everything else, and every path under /api/v1 that no route file
// serves, is Next's.
//
// What Next would add is added here too: the security headers (with the API's restrictive
// policy), HEAD answered by GET without a body, OPTIONS with the allowed methods. A method a route
// does not export gets a JSON 405 (after the token check, and audited).
//
// The client's address is resolved here, from the socket and — only through trusted proxies
// (TRUSTED_PROXIES) — X-Forwarded-For, and handed on in one header the client cannot set: every
// forwarding header the client sent is dropped first, for the API and for Next alike
// (pinClientAddress), so neither the audit trail nor the limits by address can be spoofed.
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_BODY_BYTES, withPreReadBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";
import { errorResponse } from "@/lib/http/api-error";
import { env } from "@/lib/env";
import { MethodNotAllowedError } from "@/lib/errors";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  parseTrustedProxies,
  type TrustedProxies,
} from "@/lib/http/client-address";
import { jsonResponseText } from "@/lib/http/json-response";
import { apiSecurityHeaders } from "@/lib/http/security-headers";
import { log } from "@/lib/log";
import type { MemoryLimiter } from "@/lib/rate-limit/memory";
import { answerTooMany } from "@/lib/http/too-many";
import { API_METHODS, matchRoute, pathSegments, type ApiMethod, type ApiRoute, type RouteHandler } from "./api-routes";

export const API_BASE = "/api/v1";

const methodNotAllowed = tokenRoute(null, async () => {
  throw new MethodNotAllowedError("api.methodNotAllowed");
});

function allowed(route: ApiRoute): string {
  const methods: string[] = API_METHODS.filter((m) => route.module[m]);
  if (route.module.GET) methods.push("HEAD");
  return [...methods, "OPTIONS"].join(", ");
}

/**
 * The request body, read whole (API bodies are small JSON): a Buffer is far cheaper to hand over
 * than a stream. Past `limit` the rest is read and dropped, and the handler gets `limit + 1` bytes,
 * enough to answer 413 — never more in memory.
 */
async function readRequestBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size > limit) continue;
    chunks.push(chunk);
    size += chunk.length;
  }
  const body = Buffer.concat(chunks);
  return body.length > limit ? body.subarray(0, limit + 1) : body;
}

/** Headers through which a client could claim an address; replaced by what the server resolved. */
const FORWARDING_HEADERS = new Set(["x-forwarded-for", "x-real-ip", "forwarded", CLIENT_ADDRESS_HEADER]);

export function resolveClient(req: IncomingMessage, trusted: TrustedProxies): string | null {
  const forwarded = req.headers["x-forwarded-for"];
  return clientAddress({
    peer: req.socket.remoteAddress,
    forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trusted,
  });
}

/**
 * For a request Next.js serves: drops every forwarding header the client sent and sets the
 * resolved client address (and a one-hop `x-forwarded-for` with it, for anything in Next that
 * reads that), before Next sees the request.
 */
export function pinClientAddress(req: IncomingMessage, trusted: TrustedProxies): void {
  const client = resolveClient(req, trusted);
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
  if (client) {
    req.headers[CLIENT_ADDRESS_HEADER] = client;
    req.headers["x-forwarded-for"] = client;
  }
}

/** TRUSTED_PROXIES from the environment, parsed once. */
export function configuredTrustedProxies(): TrustedProxies {
  return parseTrustedProxies(env().TRUSTED_PROXIES);
}

async function toRequest(req: IncomingMessage, method: string, trusted: TrustedProxies): Promise<Request> {
  const headers = new Headers();
  const forwarded: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    if (!FORWARDING_HEADERS.has(name)) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    else if (name === "x-forwarded-for") forwarded.push(req.rawHeaders[i + 1]);
  }
  const client = clientAddress({ peer: req.socket.remoteAddress, forwardedFor: forwarded.join(","), trusted });
  if (client) headers.set(CLIENT_ADDRESS_HEADER, client);
  const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  const hasBody = method !== "GET" && method !== "HEAD";
  // HEAD runs the GET handler; the request keeps its own method, so the audit trail says HEAD. The
  // body goes to readBody() beside the request rather than in it: a Web Request with a body stream
  // costs several times one without, on every call.
  if (!hasBody) return new Request(url, { method, headers });
  const body = await readRequestBody(req, MAX_BODY_BYTES);
  return withPreReadBody(new Request(url, { method, headers }), body);
}

async function send(res: ServerResponse, response: Response, withBody: boolean): Promise<void> {
  res.statusCode = response.status;
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") res.setHeader(key, value);
  });
  if (cookies.length) res.setHeader("set-cookie", cookies);
  for (const { key, value } of apiSecurityHeaders) if (!res.hasHeader(key)) res.setHeader(key, value);
  const known = jsonResponseText(response);
  if (known !== undefined) {
    res.end(withBody ? known : undefined);
    return;
  }
  const body = withBody && response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.end(body);
}

/**
 * Serves the request if it is for a route under /api/v1 and returns true; returns false, having
 * done nothing, for Next to serve it.
 */
export function createApiHandler(routes: ApiRoute[], options: { trustedProxies?: TrustedProxies } = {}) {
  const trusted = options.trustedProxies ?? configuredTrustedProxies();
  return async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const pathname = (req.url ?? "/").split("?")[0];
    const segments = pathSegments(pathname, API_BASE);
    const match = segments && matchRoute(routes, segments);
    if (!match) return false;
    const method = (req.method ?? "GET").toUpperCase();
    try {
      if (method === "OPTIONS") {
        res.writeHead(204, {
          allow: allowed(match.route),
          ...Object.fromEntries(apiSecurityHeaders.map((h) => [h.key, h.value])),
        });
        res.end();
        return true;
      }
      const handler: RouteHandler | undefined =
        method === "HEAD" ? match.route.module.GET : match.route.module[method as ApiMethod];
      const request = await toRequest(req, method, trusted);
      const ctx = { params: Promise.resolve(match.params) };
      const response = handler ? await handler(request, ctx) : await methodNotAllowed(request, ctx);
      if (!handler) response.headers.set("allow", allowed(match.route));
      await send(res, response, method !== "HEAD");
    } catch (err) {
      // The handlers answer every failure themselves; this is for what happens around them.
      if (!res.headersSent) {
        const fallback = new Request(`http://localhost${API_BASE}`, {
          headers: { "accept-language": String(req.headers["accept-language"] ?? "") },
        });
        await send(res, errorResponse(fallback, err, undefined, "api request failed outside its handler"), true).catch(
          () => res.destroy(),
        );
      } else {
        log.error({ err, url: req.url }, "api request failed outside its handler");
        res.destroy();
      }
    }
    return true;
  };
}

/** The anonymous API reference: the document and the page rendered from it. */
const API_REFERENCE_PATHS = new Set([`${API_BASE}/openapi.json`, "/api/docs"]);

/**
 * A guard for the production server's listener: the API reference is public, so it is limited per
 * client address (apiReferenceAddress, in this process's memory) and answered 429 past that.
 */
export function apiReferenceGuard(trusted: TrustedProxies, limiter: MemoryLimiter) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? "").split("?")[0];
    if (!API_REFERENCE_PATHS.has(path)) return false;
    const verdict = limiter.consume(resolveClient(req, trusted) ?? "unknown");
    if (verdict.allowed) return false;
    answerTooMany(res, verdict.retryAfterSec);
    return true;
  };
}
