// Webhooks in real Chromium: an agency admin sees the demo endpoints (the disabled one first),
// adds one (field errors first, then the signing secret shown once), opens the delivery log,
// disables and deletes it. The pages pass axe; another agency's admin and a non-admin cannot reach them.
import { type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun } from "./auth-fixtures";
import { expectNoSeriousA11yViolations, expectNotFound, signedInAs } from "./support/sign-in";

const AGENCY = "cook-sheriff";
// A public address literal (a documentation range): production refuses private ones and names need DNS.
const URL = `https://203.0.113.10/hooks/${Date.now().toString(36)}`;

test.afterAll(async () => {
  await closeE2eRun();
});

test.describe.serial("webhooks", () => {
  let context: BrowserContext;
  let page: Page;
  let logPath = "";

  test.beforeAll(async ({ browser }) => {
    ({ context, page } = await signedInAs(browser, `admin@${AGENCY}.demo`));
  });
  test.afterAll(async () => {
    await context?.close();
  });

  test("lists the endpoints, adds one with its secret shown once, and passes an accessibility scan", async () => {
    await page.goto("/admin/webhooks");
    await expect(page.getByRole("heading", { level: 2, name: "Webhooks" })).toBeVisible();
    const list = page.getByTestId("webhook-endpoints");
    await expect(list.locator("li").first()).toContainText("Disabled after repeated failures");
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByTestId("error-url")).toHaveText("Enter the endpoint URL.");
    await expect(page.getByTestId("error-events")).toHaveText("Choose at least one event.");
    await page.getByLabel("Endpoint URL").fill("http://cad.example.org/hooks");
    await page.getByRole("checkbox", { name: /^Notice received/ }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByTestId("error-url")).toContainText("https://");
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Endpoint URL").fill(URL);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = page.getByTestId("webhook-secret-value");
    await expect(secret).toHaveValue(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const value = await secret.inputValue();
    await expect(list).toContainText(URL);
    await page.screenshot({ path: "test-results/webhooks-desktop.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/webhooks-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await expect(page.locator("body")).not.toContainText(value);

    const log = page.getByRole("link", { name: `Delivery log of ${URL}` });
    logPath = (await log.getAttribute("href")) ?? "";
    await log.click();
    await expect(page.getByText("Nothing has been sent to this endpoint yet.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("another agency's admin and a non-admin cannot reach them", async ({ browser }) => {
    const other = await signedInAs(browser, "admin@dupage-sheriff.demo");
    await other.page.goto(logPath);
    await expectNotFound(other.page);
    await other.page.goto("/admin/webhooks");
    await expect(other.page.locator("body")).not.toContainText(URL);
    await other.context.close();
    const liaison = await signedInAs(browser, `liaison@${AGENCY}.demo`);
    await liaison.page.goto("/admin/webhooks");
    await expectNotFound(liaison.page);
    await liaison.context.close();
  });

  test("disables and deletes the endpoint", async () => {
    await page.goto("/admin/webhooks");
    const item = page.getByTestId("webhook-endpoints").locator("li", { hasText: URL });
    await item.getByRole("button", { name: `Disable ${URL}` }).click();
    await expect(item).toContainText("Disabled");
    await item.getByRole("button", { name: `Delete ${URL}` }).click();
    await item.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page.getByTestId("webhook-endpoints")).not.toContainText(URL);
  });
});
