// Who is asking, for the audit trail: a request id (the caller's x-request-id, or a new one),
// the client address and its user agent.
import { randomUUID } from "node:crypto";

export type RequestContext = { requestId: string; sourceIp: string | null; userAgent: string | null };

type HeaderSource = { get(name: string): string | null | undefined } | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): string | null {
  if (typeof headers.get === "function") return (headers as { get(n: string): string | null | undefined }).get(name) ?? null;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Accepts a Headers object or the plain lower-cased record next-auth hands to `authorize`. */
export function requestContextFrom(headers: HeaderSource): RequestContext {
  const given = read(headers, "x-request-id");
  // The address the reverse proxy in front of the app saw: the first x-forwarded-for entry.
  const forwarded = read(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || read(headers, "x-real-ip")?.trim() || null;
  return {
    requestId: given && REQUEST_ID.test(given) ? given : randomUUID(),
    sourceIp: ip ? ip.slice(0, 64) : null,
    userAgent: read(headers, "user-agent")?.slice(0, 512) ?? null,
  };
}
