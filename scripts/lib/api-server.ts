// /api/v1 in the production server: requests for the CAD/RMS API go straight to their route
// handlers — the same functions Next.js would call, with the same Web Request and Response — and
// skip the framework's page machinery (routing manifests, rendering contexts), which costs more
// than a dry-run check itself. Everything else, and every path under /api/v1 that no route file
// serves, is Next's.
//
// What Next would add is added here too: the security headers (with the API's restrictive policy), `x-forwarded-for` from the socket
// when no proxy set it, HEAD answered by GET without a body, OPTIONS with the allowed methods. A
// method a route does not export gets a JSON 405 (after the token check, and audited).
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_BODY_BYTES } from "@/app/api/v1/_lib/body";
import { tokenRoute } from "@/app/api/v1/_lib/token-route";
import { apiError } from "@/app/_lib/api";
import { AppError } from "@/lib/errors";
import { apiSecurityHeaders } from "@/lib/http/security-headers";
import { log } from "@/lib/log";
import { API_METHODS, matchRoute, pathSegments, type ApiMethod, type ApiRoute, type RouteHandler } from "./api-routes";

export const API_BASE = "/api/v1";

class MethodNotAllowedError extends AppError {
  readonly status = 405;
  readonly code = "METHOD_NOT_ALLOWED";
}

const methodNotAllowed = tokenRoute(async () => {
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

const asBytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

async function toRequest(req: IncomingMessage, method: string): Promise<Request> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  const hasBody = method !== "GET" && method !== "HEAD";
  // HEAD runs the GET handler; the request keeps its own method, so the audit trail says HEAD.
  return new Request(url, { method, headers, ...(hasBody ? { body: asBytes(await readRequestBody(req, MAX_BODY_BYTES)) } : {}) });
}

async function send(res: ServerResponse, response: Response, withBody: boolean): Promise<void> {
  res.statusCode = response.status;
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") res.setHeader(key, value);
  });
  if (cookies.length) res.setHeader("set-cookie", cookies);
  for (const { key, value } of apiSecurityHeaders) if (!res.hasHeader(key)) res.setHeader(key, value);
  const body = withBody && response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.end(body);
}

/**
 * Serves the request if it is for a route under /api/v1 and returns true; returns false, having
 * done nothing, for Next to serve it.
 */
export function createApiHandler(routes: ApiRoute[]) {
  return async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const pathname = (req.url ?? "/").split("?")[0];
    const segments = pathSegments(pathname, API_BASE);
    const match = segments && matchRoute(routes, segments);
    if (!match) return false;
    const method = (req.method ?? "GET").toUpperCase();
    try {
      if (method === "OPTIONS") {
        res.writeHead(204, { allow: allowed(match.route), ...Object.fromEntries(apiSecurityHeaders.map((h) => [h.key, h.value])) });
        res.end();
        return true;
      }
      const handler: RouteHandler | undefined = method === "HEAD" ? match.route.module.GET : match.route.module[method as ApiMethod];
      const request = await toRequest(req, method);
      const ctx = { params: Promise.resolve(match.params) };
      const response = handler ? await handler(request, ctx) : await methodNotAllowed(request, ctx);
      if (!handler) response.headers.set("allow", allowed(match.route));
      await send(res, response, method !== "HEAD");
    } catch (err) {
      // The handlers answer every failure themselves; this is for what happens around them.
      log.error({ err, url: req.url }, "api request failed outside its handler");
      if (!res.headersSent) {
        const fallback = new Request(`http://localhost${API_BASE}`, { headers: { "accept-language": String(req.headers["accept-language"] ?? "") } });
        const requestId = randomUUID();
        await send(res, apiError(fallback, 500, "INTERNAL", `errors.generic::${JSON.stringify({ requestId })}`, undefined, requestId), true).catch(() => res.destroy());
      } else {
        res.destroy();
      }
    }
    return true;
  };
}
