// The portal's response headers as a browser gets them from the production server: every page
// has a Content-Security-Policy whose nonce is new on each request and is the one Next's scripts
// carry; the API answers with a policy that allows nothing; HSTS is absent over plain http (this
// run; tests/integration/security-headers.test.ts covers https). And the policy bites: a script
// slipped into a page without the nonce does not run, and the violation is reported.
import { closeE2eRun } from "./auth-fixtures";
import { signedInPage } from "./operations-fixtures";
import { expect, takeCspViolations, test } from "./support/csp-guard";

test.afterAll(closeE2eRun);

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

test("every page has a CSP with a fresh nonce, carried by each of Next's scripts", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const policy = first.headers()["content-security-policy"];
  expect(policy).toContain("script-src 'self' 'nonce-");
  expect(policy).toContain("'strict-dynamic'");
  for (const directive of [
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
  ]) {
    expect(policy).toContain(directive);
  }
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).not.toContain("unsafe-eval");
  const nonce = nonceOf(policy);
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);

  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // Served over plain http here: no HSTS.
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
});

test("signed-in pages, the not-found page and the map work under the policy", async ({ browser }) => {
  const page = await signedInPage(browser, "cook-sheriff", ["LIAISON"]);
  const response = await page.goto("/operations/new");
  expect(nonceOf(response?.headers()["content-security-policy"])).toBeTruthy();
  // Leaflet draws the offline base layer (fetched GeoJSON, SVG paths) in the browser.
  await expect(page.getByTestId("area-map").locator(".leaflet-container")).toBeVisible();
  await expect(page.getByTestId("area-map").locator("path.leaflet-interactive, svg path").first()).toBeAttached();
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  expect(nonceOf(missing?.headers()["content-security-policy"])).toBeTruthy();
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.context().close();
});

test("the API answers with a policy that allows nothing", async ({ request }) => {
  for (const path of ["/api/v1/operations", "/api/auth/csrf", "/api/events"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
  }
});

test("a script slipped into a page without the nonce is blocked and reported", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByTestId("sign-in-continue")).toBeVisible();
  const ran = await page.evaluate(async () => {
    const el = document.createElement("button");
    el.setAttribute("onclick", "window.__injected = true");
    document.body.append(el);
    el.click();
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { __injected?: boolean }).__injected ?? false;
  });
  expect(ran).toBe(false);
  // The guard saw it (and would have failed this test): take it, so the guard checks the rest.
  await expect.poll(async () => (await takeCspViolations()).map((v) => v.directive)).toContain("script-src-attr");
});
