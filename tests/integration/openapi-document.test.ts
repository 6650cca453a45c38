// The OpenAPI document of /api/v1: served without a token at GET /api/v1/openapi.json (by the
// route module Next.js serves and by the production server's fast path), cacheable, a valid
// OpenAPI 3.1 document by a real validator, equal to the checked-in docs/openapi.json, and
// describing exactly the operations the route files export.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api-contract/document";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { findRouteFiles } from "@/server/lib/api-routes";
import { repoRoot } from "@/scripts/lib/script-env";
import { useFreshDb } from "./helpers/db";

type Route = { GET: (req: Request) => Promise<Response> };
const API_DIR = path.join(repoRoot, "app", "api", "v1");

describe("OpenAPI document", () => {
  const t = useFreshDb();
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    process.env.DATABASE_URL = t().url;
    process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
    const { loadRoutes } = await import("@/server/lib/api-routes");
    const { createApiHandler } = await import("@/server/lib/api-server");
    const handle = createApiHandler(await loadRoutes(API_DIR), { trustedProxies: parseTrustedProxies("") });
    server = http.createServer((req, res) => {
      void handle(req, res).then((served) => {
        if (!served) res.writeHead(599).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is served without a token by the route module and the fast path, cacheable, and valid OpenAPI 3.1", async () => {
    const route = (await import("@/app/api/v1/openapi.json/route")) as unknown as Route;
    const direct = await route.GET(new Request("http://localhost/api/v1/openapi.json"));
    const fast = await fetch(`${base}/api/v1/openapi.json`);
    for (const res of [direct, fast]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
      expect(res.headers.get("etag")).toBeTruthy();
    }
    const text = await fast.text();
    expect(await direct.text()).toBe(text);
    const again = await fetch(`${base}/api/v1/openapi.json`, {
      headers: { "if-none-match": fast.headers.get("etag") as string },
    });
    expect(again.status).toBe(304);

    const served = JSON.parse(text);
    expect(served.openapi).toBe("3.1.0");
    // Throws with the validator's findings when the document is not valid OpenAPI 3.1.
    const validated = await SwaggerParser.validate(structuredClone(served));
    expect(Object.keys(validated.paths ?? {}).length).toBeGreaterThan(15);
    expect(served.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(served.components.schemas.AreaInput.anyOf).toHaveLength(2);
    expect(Object.keys(served.components.schemas)).toEqual(
      expect.arrayContaining(["Error", "CircleArea", "PolygonArea", "PolygonAreaInput", "GeoJsonPolygon"]),
    );
  });

  it("a document that breaks the specification is refused by the same validator", async () => {
    const broken = structuredClone(openApiDocument().doc) as unknown as { paths: Record<string, unknown> };
    broken.paths["/api/v1/operations"] = { get: { responses: "not an object" } };
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow();
  });

  it("equals the checked-in docs/openapi.json (run `npm run openapi:write` after changing the API)", () => {
    const checkedIn = fs.readFileSync(path.join(repoRoot, "docs", "openapi.json"), "utf8");
    expect(checkedIn === openApiDocument().text, "docs/openapi.json is out of date: run `npm run openapi:write`").toBe(
      true,
    );
  });

  it("describes exactly the methods the route files export", async () => {
    const documented = new Set<string>();
    for (const [p, item] of Object.entries(openApiDocument().doc.paths ?? {}))
      for (const method of Object.keys(item as object)) documented.add(`${method.toUpperCase()} ${p}`);
    const exported = new Set<string>();
    for (const { file, segments } of findRouteFiles(API_DIR)) {
      if (segments.some((s) => s.kind === "rest")) continue;
      const p = `/api/v1${segments.map((s) => (s.kind === "static" ? `/${s.value}` : `/{${s.name}}`)).join("")}`;
      if (p === "/api/v1/openapi.json") continue;
      const mod = (await import(file)) as Record<string, unknown>;
      for (const m of ["GET", "POST", "PUT", "PATCH", "DELETE"]) if (mod[m]) exported.add(`${m} ${p}`);
    }
    expect([...documented].sort()).toEqual([...exported].sort());
  });
});
