// API tokens in real Chromium: an agency admin creates one with its scopes (shown once), a CAD
// system uses it within those scopes, the admin revokes it and the API refuses it from then on.
// The page passes axe, and people who are not agency admins cannot reach it.
import { type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun } from "./auth-fixtures";
import { expectNoSeriousA11yViolations, expectNotFound, signedInAs } from "./support/sign-in";

const AGENCY = "will-sheriff";
// Unique per run, so the spec also passes against a database an earlier run used.
const NAME = `Dispatch CAD ${Date.now().toString(36)}`;

const check = {
  area: { kind: "CIRCLE", center: [-88.08, 41.52], radiusM: 300 },
  startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  endsAt: new Date(Date.now() + 7 * 86_400_000 + 3 * 3_600_000).toISOString(),
};

test.afterAll(async () => {
  await closeE2eRun();
});

test.describe.serial("API tokens", () => {
  let context: BrowserContext;
  let page: Page;
  let token = "";

  test.beforeAll(async ({ browser }) => {
    ({ context, page } = await signedInAs(browser, `admin@${AGENCY}.demo`));
  });

  test.afterAll(async () => {
    await context?.close();
  });

  test("creates a token, shows it once, and the page passes an accessibility scan", async () => {
    await page.goto("/admin/api-tokens");
    await expect(page.getByRole("heading", { level: 2, name: "API tokens" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("error-name")).toBeVisible();
    // No scope is chosen for you.
    await expect(page.getByTestId("error-scopes")).toHaveText("Choose at least one scope.");
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Name", { exact: true }).fill(NAME);
    await page.getByRole("checkbox", { name: /^File/ }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const value = page.getByTestId("new-token-value");
    await expect(value).toHaveValue(/^cg_[A-Za-z0-9_-]{43}$/);
    token = await value.inputValue();
    await expect(page.getByTestId("api-tokens")).toContainText(NAME);
    await expect(page.getByTestId("api-tokens")).toContainText(token.slice(0, 11));
    const row = page.getByTestId(`token-row-${token.slice(0, 11)}`);
    await expect(row.getByTestId("token-scopes")).toHaveText("File");
    await expect(row).toContainText("Never"); // no expiry chosen
    await expectNoSeriousA11yViolations(page);
    // Shown once: after a reload only the prefix remains.
    await page.reload();
    await expect(page.getByTestId("new-token-value")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(token);
  });

  test("the token works against the API within its scopes until it is revoked", async ({ request }) => {
    const ok = await request.post("/api/v1/deconfliction/check", {
      headers: { authorization: `Bearer ${token}` },
      data: check,
    });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toHaveProperty("conflicts");
    const outside = await request.get("/api/v1/operations", { headers: { authorization: `Bearer ${token}` } });
    expect(outside.status()).toBe(403);
    expect((await outside.json()).error.message).toContain('"read"');

    const row = page.getByTestId(`token-row-${token.slice(0, 11)}`);
    await row.getByRole("button", { name: `Revoke token ${NAME}` }).click();
    await row.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(row).toContainText("Revoked");

    const refused = await request.post("/api/v1/deconfliction/check", {
      headers: { authorization: `Bearer ${token}` },
      data: check,
    });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.message).toContain("Bearer");
  });

  test("is not there for someone who is not an agency admin", async ({ browser }) => {
    const chief = await signedInAs(browser, `chief@${AGENCY}.demo`);
    await chief.page.goto("/admin/api-tokens");
    await expectNotFound(chief.page);
    await chief.context.close();
  });
});
