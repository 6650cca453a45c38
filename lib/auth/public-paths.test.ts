import { describe, expect, it } from "vitest";
import { isPublicPath } from "./public-paths";
import { requestContextFrom } from "./request-context";
import { decodeSignInError, encodeSignInError, throttledRetryAfter, throttleMinutes } from "./sign-in-errors";

describe("public paths", () => {
  it("lets the sign-in page, auth endpoints, token API, public pages and assets through", () => {
    for (const p of [
      "/login",
      "/api/auth/csrf",
      "/api/auth/callback/credentials",
      "/api/v1/operations",
      "/public/policies",
      "/reports/2026-q3",
      "/_next/static/x.js",
      "/favicon.ico",
      "/maplibre-gl-csp-worker.js",
      "/act/abc",
      "/transparency",
      "/transparency/dupage-sheriff",
      "/transparency/dupage-sheriff/reports/2026-Q3.csv",
    ]) {
      expect(isPublicPath(p), p).toBe(true);
    }
  });

  it("sends everything else through the session check", () => {
    for (const p of [
      "/",
      "/account",
      "/operations/new",
      "/loginx",
      "/api/operations",
      "/publicity",
      "/admin/users",
      "/act",
      "/actions",
      "/transparencyx",
      "/public-record",
    ]) {
      expect(isPublicPath(p), p).toBe(false);
    }
  });
});

describe("request context", () => {
  it("keeps a sane caller request id, else makes one, and takes the address only from the server's own header", () => {
    const ctx = requestContextFrom(
      new Headers({ "x-request-id": "abc-123", "x-cg-client-address": "203.0.113.7", "user-agent": "UA" }),
    );
    expect(ctx).toEqual({ requestId: "abc-123", sourceIp: "203.0.113.7", userAgent: "UA" });
    const made = requestContextFrom({ "x-request-id": "bad id with spaces" });
    expect(made.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.sourceIp).toBeNull();
    // What a client writes itself is never the address.
    expect(requestContextFrom(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" })).sourceIp).toBeNull();
    expect(requestContextFrom({ "x-real-ip": "198.51.100.2" }).sourceIp).toBeNull();
    expect(requestContextFrom({ "x-cg-client-address": "not an address" }).sourceIp).toBeNull();
  });
});

describe("sign-in error codes", () => {
  it("round-trip, and anything unknown becomes a generic error", () => {
    for (const e of [
      { code: "INVALID" },
      { code: "BAD_CODE" },
      { code: "ENROL" },
      { code: "LOCKED", minutes: 9 },
      { code: "THROTTLED", retryAfterSec: 125 },
      { code: "ERROR", requestId: "r-1" },
    ] as const) {
      expect(decodeSignInError(encodeSignInError(e))).toEqual(e);
    }
    expect(decodeSignInError("CredentialsSignin")).toEqual({ code: "ERROR", requestId: "-" });
  });
});

describe("throttled sign-in answers", () => {
  it("find the wait in next-auth's JSON answer, for the 429's Retry-After", () => {
    expect(throttledRetryAfter(JSON.stringify({ url: "http://localhost:3000/login?error=THROTTLED%3A125" }))).toBe(125);
    expect(throttledRetryAfter(JSON.stringify({ url: "http://localhost:3000/login?error=INVALID" }))).toBeNull();
    expect(throttledRetryAfter(JSON.stringify({ url: "http://localhost:3000/" }))).toBeNull();
    expect(throttledRetryAfter("not json")).toBeNull();
  });

  it("tell the person whole minutes, rounded up", () => {
    expect([1, 60, 61, 900].map(throttleMinutes)).toEqual([1, 1, 2, 15]);
  });
});
