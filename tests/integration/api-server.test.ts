// The production server's /api/v1 path (server/lib/api-server.ts) over real HTTP against a real
// database: it finds every route file Next.js would serve and picks the same one for a path, and
// what it answers carries what Next would add (security headers, the client's address in the
// audit trail, HEAD and OPTIONS); a method a route lacks is a JSON 405, audited; paths no route
// serves are left to Next. The client address is the socket's unless the peer is a trusted proxy.
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/http/body";
import { createApiToken } from "@/lib/api-tokens/manage-tokens";
import { API_AUDIT } from "@/lib/api-tokens/audit-actions";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { findRouteFiles, matchRoute, pathSegments, type ApiRoute } from "@/server/lib/api-routes";
import { repoRoot } from "@/scripts/lib/script-env";
import { useFreshDb } from "./helpers/db";
import { actorOf, circle, hours, makeAgency } from "./operations-fixtures";

const API_DIR = path.join(repoRoot, "app", "api", "v1");

describe("the production server's route table", () => {
  // Matching only needs the files and their segments; each route is tagged with its folder.
  const routes: ApiRoute[] = findRouteFiles(API_DIR).map((r) => ({ ...r, module: {} }));
  const routeFor = (pathname: string) => {
    const segments = pathSegments(pathname, "/api/v1");
    const match = segments && matchRoute(routes, segments);
    return match ? { folder: path.relative(API_DIR, path.dirname(match.route.file)), params: match.params } : null;
  };

  it("finds every route file under app/api/v1 and none of the private folders", () => {
    expect(routes.length).toBeGreaterThanOrEqual(17);
    expect(routes.some((r) => r.file.includes(`${path.sep}_lib${path.sep}`))).toBe(false);
  });

  it("picks the route Next.js would: fixed segments, then parameters, then the catch-all", () => {
    expect(routeFor("/api/v1/deconfliction/check")).toEqual({ folder: "deconfliction/check", params: {} });
    expect(routeFor("/api/v1/notices/preview")).toEqual({ folder: "notices/preview", params: {} });
    expect(routeFor("/api/v1/notices/abc")).toEqual({ folder: "notices/[id]", params: { id: "abc" } });
    expect(routeFor("/api/v1/notices/abc/cap")).toEqual({ folder: "notices/[id]/cap", params: { id: "abc" } });
    expect(routeFor("/api/v1/operations/a%20b/cancel")).toEqual({
      folder: "operations/[id]/cancel",
      params: { id: "a b" },
    });
    expect(routeFor("/api/v1/operations/")).toEqual({ folder: "operations", params: {} });
    expect(routeFor("/api/v1/nothing/here")).toEqual({ folder: "[...rest]", params: { rest: ["nothing", "here"] } });
    expect(routeFor("/api/v1")).toBeNull();
    expect(routeFor("/api/v10/operations")).toBeNull();
    expect(routeFor("/api/v1/%E0%A4%A")).toBeNull();
  });
});

describe("the production server's /api/v1 path", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let server: http.Server;
  let base: string;
  let token: string;
  let agencyId: string;

  beforeAll(async () => {
    // The route handlers use the process-wide client; point it at this file's database first.
    process.env.DATABASE_URL = t().url;
    process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
    const { loadRoutes } = await import("@/server/lib/api-routes");
    const { createApiHandler } = await import("@/server/lib/api-server");
    const handleApi = createApiHandler(await loadRoutes(API_DIR));
    server = http.createServer((req, res) => {
      void handleApi(req, res).then((handled) => {
        // Stands in for Next.js.
        if (!handled) res.writeHead(299, { "content-type": "text/plain" }).end("next");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const agency = await makeAgency(db(), { name: "Server Test PD" });
    agencyId = agency.id;
    token = (
      await createApiToken({
        db: db(),
        actor: actorOf(agency, ["AGENCY_ADMIN"]),
        input: { name: "CAD", scopes: ["read", "file", "conflicts"] },
        now: new Date(),
      })
    ).token;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = (pathname: string, init: RequestInit = {}) =>
    fetch(`${base}${pathname}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(init.headers ?? {}) },
    });
  const check = { area: circle(-87.63, 41.88, 300), startsAt: hours(1).toISOString(), endsAt: hours(3).toISOString() };

  it("answers a dry-run check with the security headers, and records the client's address", async () => {
    const res = await call("/api/v1/deconfliction/check", {
      method: "POST",
      body: JSON.stringify(check),
      headers: { "x-request-id": "server-test-1" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ conflicts: [] });
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-request-id")).toBe("server-test-1");
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: API_AUDIT.request, requestId: "server-test-1" },
    });
    expect(event).toMatchObject({ agencyId, sourceIp: "127.0.0.1", outcome: "SUCCESS" });
  });

  it("refuses a missing token with a JSON 401 that says how to authenticate", async () => {
    const res = await fetch(`${base}/api/v1/deconfliction/check`, {
      method: "POST",
      body: JSON.stringify(check),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    expect((await res.json()).error.code).toBe("UNAUTHORIZED");
  });

  it("answers a method the route lacks with a JSON 405 naming the allowed ones, audited", async () => {
    const res = await call("/api/v1/operations", { method: "DELETE", headers: { "x-request-id": "server-test-405" } });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect((await res.json()).error).toMatchObject({
      code: "METHOD_NOT_ALLOWED",
      message: "This endpoint does not support that method.",
    });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: API_AUDIT.request, requestId: "server-test-405" },
    });
    expect(event.details).toMatchObject({ method: "DELETE", path: "/api/v1/operations", status: 405 });
  });

  it("answers OPTIONS with the allowed methods and HEAD like GET without a body", async () => {
    const options = await fetch(`${base}/api/v1/conflicts/x/resolve`, { method: "OPTIONS" });
    expect([options.status, options.headers.get("allow")]).toEqual([204, "POST, OPTIONS"]);
    const head = await call("/api/v1/operations", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toContain("application/json");
    expect(await head.text()).toBe("");
  });

  it("gives a bad body the same JSON error as Next would, and leaves other paths to Next", async () => {
    const bad = await call("/api/v1/deconfliction/check", { method: "POST", body: "{not json" });
    expect([bad.status, (await bad.json()).error.code]).toEqual([400, "BAD_REQUEST"]);
    const unknown = await call("/api/v1/nothing/here");
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([404, "NOT_FOUND"]);
    for (const pathname of ["/api/v1", "/login", "/api/calendar/x.ics"])
      expect((await call(pathname)).status).toBe(299);
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    const res = await call("/api/v1/operations", {
      headers: {
        "x-request-id": "server-test-spoof",
        "x-forwarded-for": "6.6.6.6",
        "x-cg-client-address": "7.7.7.7",
        "x-real-ip": "8.8.8.8",
      },
    });
    expect(res.status).toBe(200);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: API_AUDIT.request, requestId: "server-test-spoof" },
    });
    expect(event.sourceIp).toBe("127.0.0.1");
  });

  it("takes the client address from a trusted proxy's X-Forwarded-For, right to left, for the API and for Next", async () => {
    const { createApiHandler, pinClientAddress } = await import("@/server/lib/api-server");
    const { loadRoutes } = await import("@/server/lib/api-routes");
    const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");
    const handleApi = createApiHandler(await loadRoutes(API_DIR), { trustedProxies: trusted });
    const proxied = http.createServer((req, res) => {
      void handleApi(req, res).then((handled) => {
        if (handled) return;
        // Stands in for Next.js: what it would see once the server pinned the address.
        pinClientAddress(req, trusted);
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            client: req.headers["x-cg-client-address"],
            xff: req.headers["x-forwarded-for"],
            real: req.headers["x-real-ip"] ?? null,
          }),
        );
      });
    });
    await new Promise<void>((resolve) => proxied.listen(0, "127.0.0.1", resolve));
    const at = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}`;
    try {
      // The client wrote "6.6.6.6" itself; the proxies appended the real address and their own hop.
      const headers = {
        authorization: `Bearer ${token}`,
        "x-request-id": "server-test-proxied",
        "x-forwarded-for": "6.6.6.6, 203.0.113.77, 10.1.2.3",
        "x-cg-client-address": "7.7.7.7",
      };
      expect((await fetch(`${at}/api/v1/operations`, { headers })).status).toBe(200);
      const event = await db().auditEvent.findFirstOrThrow({
        where: { action: API_AUDIT.request, requestId: "server-test-proxied" },
      });
      expect(event.sourceIp).toBe("203.0.113.77");
      const page = await fetch(`${at}/login`, {
        headers: {
          "x-forwarded-for": "6.6.6.6, 203.0.113.77",
          "x-cg-client-address": "7.7.7.7",
          "x-real-ip": "8.8.8.8",
        },
      });
      expect(await page.json()).toEqual({ client: "203.0.113.77", xff: "203.0.113.77", real: null });
    } finally {
      await new Promise<void>((resolve) => proxied.close(() => resolve()));
    }
  });

  it("answers a body over the limit with a JSON 413, without holding it in memory", async () => {
    const huge = JSON.stringify({ ...check, notes: "x".repeat(MAX_BODY_BYTES + 10) });
    const res = await call("/api/v1/deconfliction/check", { method: "POST", body: huge });
    expect([res.status, (await res.json()).error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    // Without a declared length, the limit is enforced on what arrives.
    const chunked = await call("/api/v1/deconfliction/check", {
      method: "POST",
      body: new Blob([huge]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });
});
