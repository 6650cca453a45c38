// Who is asking, for the audit trail: a request id (the caller's x-request-id, or a new one),
// the client address and its user agent.
//
// The address is the one the production server (server/serve.ts) resolved from the socket and
// the trusted proxies (lib/http/client-address.ts) and put in CLIENT_ADDRESS_HEADER, after
// removing whatever the client sent under that name. `X-Forwarded-For` is never read here: a
// client writes it. Without the production server in front (`npm run dev`), the address is null.
import { randomUUID } from "node:crypto";
import { CLIENT_ADDRESS_HEADER, normalizeAddress } from "../http/client-address";

export type RequestContext = { requestId: string; sourceIp: string | null; userAgent: string | null };

type HeaderSource = { get(name: string): string | null | undefined } | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): string | null {
  if (typeof headers.get === "function")
    return (headers as { get(n: string): string | null | undefined }).get(name) ?? null;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Accepts a Headers object or the plain lower-cased record next-auth hands to `authorize`. */
export function requestContextFrom(headers: HeaderSource): RequestContext {
  const given = read(headers, "x-request-id");
  return {
    requestId: given && REQUEST_ID.test(given) ? given : randomUUID(),
    sourceIp: normalizeAddress(read(headers, CLIENT_ADDRESS_HEADER)),
    userAgent: read(headers, "user-agent")?.slice(0, 512) ?? null,
  };
}
