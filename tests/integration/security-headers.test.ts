// Transport security when the portal is served over https (NEXTAUTH_URL is https here): the
// production server's listener puts HSTS on every answer, pages and API alike, and never over
// plain http; the API always carries its restrictive policy; next-auth's cookies (and the app's
// own language cookie) are Secure, with the __Secure- / __Host- prefixes.
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import NextAuth from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "@/scripts/lib/script-env";
import { useFreshDb } from "./helpers/db";

process.env.NEXTAUTH_URL = "https://portal.example.gov";

const HSTS = "max-age=63072000; includeSubDomains";
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

describe("the production server's headers", () => {
  const t = useFreshDb();
  const servers: http.Server[] = [];
  const base: Record<"https" | "http", string> = { https: "", http: "" };

  beforeAll(async () => {
    process.env.DATABASE_URL = t().url;
    process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
    const { loadRoutes } = await import("@/server/lib/api-routes");
    const { createApiHandler } = await import("@/server/lib/api-server");
    const { createRequestListener } = await import("@/server/lib/request-listener");
    const handleApi = createApiHandler(await loadRoutes(path.join(repoRoot, "app", "api", "v1")));
    // Stands in for Next.js, which sets headers of its own.
    const handleNext = async (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.writeHead(200, { "content-type": "text/html" }).end("<p>page</p>");
    };
    for (const https of [true, false]) {
      const server = http.createServer(createRequestListener({ handleApi, handleNext, https, onError: () => {} }));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      servers.push(server);
      base[https ? "https" : "http"] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    // The handlers' process-wide pool (refusals are audited on it) closes before the database goes.
    const { db, poolOf } = await import("@/lib/db/client");
    await poolOf(db())?.end();
  });

  it("sends HSTS on pages, API answers and preflights when served over https", async () => {
    const page = await fetch(`${base.https}/operations`);
    expect(page.headers.get("strict-transport-security")).toBe(HSTS);
    const api = await fetch(`${base.https}/api/v1/operations`);
    expect(api.status).toBe(401);
    expect(api.headers.get("strict-transport-security")).toBe(HSTS);
    expect(api.headers.get("content-security-policy")).toBe(API_POLICY);
    const preflight = await fetch(`${base.https}/api/v1/operations`, { method: "OPTIONS" });
    expect(preflight.headers.get("strict-transport-security")).toBe(HSTS);
    expect(preflight.headers.get("content-security-policy")).toBe(API_POLICY);
  });

  it("never sends HSTS over plain http, and the API keeps its policy", async () => {
    const page = await fetch(`${base.http}/operations`);
    expect(page.headers.get("strict-transport-security")).toBeNull();
    const api = await fetch(`${base.http}/api/v1/operations`);
    expect(api.headers.get("strict-transport-security")).toBeNull();
    expect(api.headers.get("content-security-policy")).toBe(API_POLICY);
  });

  it("marks next-auth's cookies Secure with their prefixes, and the session cookie is the one the proxy reads", async () => {
    const { authOptions } = await import("@/lib/auth/session");
    const { sessionCookieName } = await import("@/lib/auth/cookie");
    const options = authOptions();
    expect(options.useSecureCookies).toBe(true);
    // next-auth's own handler answering GET /api/auth/csrf (its Node-style signature).
    const setCookies: string[] = [];
    const res = {
      status: () => res,
      setHeader: (name: string, value: string | string[]) => {
        if (name.toLowerCase() === "set-cookie") setCookies.push(...[value].flat());
        return res;
      },
      getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? setCookies : undefined),
      send: () => undefined,
      json: () => undefined,
      end: () => undefined,
    };
    const req = {
      method: "GET",
      query: { nextauth: ["csrf"] },
      headers: { host: "portal.example.gov" },
      cookies: {},
      body: {},
    };
    await (NextAuth as unknown as (rq: unknown, rs: unknown, o: unknown) => Promise<void>)(req, res, options);
    const csrf = setCookies.find((c) => c.includes("next-auth.csrf-token="));
    expect(csrf).toMatch(/^__Host-next-auth\.csrf-token=/);
    expect(csrf).toMatch(/; Secure/);
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
  });

  it("marks the language cookie Secure", async () => {
    const { localeCookieOptions } = await import("@/app/_i18n/server");
    expect(localeCookieOptions()).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
  });
});
