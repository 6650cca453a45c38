// The API reference at /api/docs in real Chromium, signed out: rendered on the server from the
// OpenAPI document with nothing fetched from anywhere but the portal itself (every other host is
// blocked and none is asked for), under the page's strict policy, in English and in Spanish, on a
// desktop and a phone, scanned for accessibility; the document it links to is the one served; both
// are limited per client address.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { expectNoSeriousA11yViolations } from "./support/sign-in";
import { LIMITS } from "../../lib/rate-limit/limits";

const PHONE = { width: 390, height: 844 };
// A long page: the accessibility scan of every operation and schema takes a while on two cores.
test.describe.configure({ timeout: 240_000 });

/** Aborts every request to a host other than the portal's and returns the hosts that were asked for. */
async function offline(page: Page): Promise<string[]> {
  const foreign: string[] = [];
  await page.route("**/*", (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === "localhost" || hostname === "127.0.0.1") return route.continue();
    foreign.push(hostname);
    return route.abort("internetdisconnected");
  });
  return foreign;
}

test("signed out and offline: every operation and schema, the GeoJSON area, under the page policy, in English", async ({
  page,
  request,
}) => {
  const foreign = await offline(page);
  const response = await page.goto("/api/docs?lang=en");
  expect(response?.status()).toBe(200);
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).not.toContain("unsafe-inline");

  await expect(page.getByRole("heading", { level: 1, name: "Common Ground API" })).toBeVisible();
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  const operations = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
    (item) => Object.values(item),
  );
  const shown = await page.locator("article[id]").evaluateAll((els) => els.map((e) => e.id));
  expect(shown.sort()).toEqual(
    [
      ...operations.map((op) => `op-${op.operationId}`),
      ...Object.keys(doc.components.schemas).map((name) => `schema-${name}`),
    ].sort(),
  );

  const check = page.locator("#op-checkDeconfliction");
  await expect(check).toContainText("/api/v1/deconfliction/check");
  await expect(check).toContainText("Token scope: file");
  await expect(check.getByRole("link", { name: "AreaInput" }).first()).toBeVisible();
  await expect(page.locator("#schema-PolygonAreaInput")).toContainText("GeoJsonFeatureCollection");
  await expect(page.locator("#schema-CircleArea")).toContainText("radiusM");
  await expect(page.locator("#schema-Error")).toContainText("requestId");

  await expectNoSeriousA11yViolations(page);
  expect(foreign).toEqual([]);

  const download = page.getByRole("link", { name: "Download the OpenAPI 3.1 document" });
  expect(await download.getAttribute("href")).toBe("/api/v1/openapi.json");
});

test("on a phone, in Spanish: the chrome is translated, the page fits and passes the scan", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, locale: "es-US", isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const foreign = await offline(page);
  await page.goto("/api/docs?lang=es");
  await expect(page.getByText("Referencia de la API de Common Ground")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Operaciones", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Descargar el documento OpenAPI 3.1" })).toBeVisible();
  await expect(page.locator("#op-fileOperation")).toContainText("Permiso del token: file");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expectNoSeriousA11yViolations(page);
  expect(foreign).toEqual([]);
  await context.close();
});

test("the reference is public; the API it describes is not", async ({ request }) => {
  expect((await request.get("/api/docs", { maxRedirects: 0 })).status()).toBe(200);
  const document = await request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  expect(document.headers()["cache-control"]).toMatch(/public/);
  const api = await request.get("/api/v1/operations");
  expect(api.status()).toBe(401);
});

test("the reference is limited per client address: past the limit, 429 with Retry-After, and other addresses go on", async ({
  request,
}) => {
  // The e2e server believes X-Forwarded-For from this machine (TRUSTED_PROXIES), so each run plays
  // an address of its own.
  const octet = () => 1 + Math.floor(Math.random() * 250);
  const from = `198.51.100.${octet()}`;
  const get = (path: string, address = from) => request.get(path, { headers: { "x-forwarded-for": address } });
  for (let i = 0; i < LIMITS.apiReferenceAddress.points; i++) {
    expect((await get(i % 2 ? "/api/docs" : "/api/v1/openapi.json")).status()).toBe(200);
  }
  for (const path of ["/api/v1/openapi.json", "/api/docs"]) {
    const refused = await get(path);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  }
  expect((await get("/api/v1/openapi.json", `203.0.113.${octet()}`)).status()).toBe(200);
});
