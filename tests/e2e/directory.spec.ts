// The agency directory in real Chromium: any signed-in user finds agencies by name, level and
// kind, reads an agency's contacts and sees its jurisdiction drawn; both languages pass axe.
import { type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun } from "./auth-fixtures";
import { expectNoSeriousA11yViolations, expectNotFound, signedInAs } from "./support/sign-in";

test.describe.serial("agency directory", () => {
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    ({ context, page } = await signedInAs(browser, "liaison@ice-ero-chicago.demo"));
  });

  test.afterAll(async () => {
    await context?.close();
    await closeE2eRun();
  });

  test("lists every agency and passes an accessibility scan", async () => {
    await page.goto("/directory");
    await expect(page.getByRole("heading", { level: 1, name: "Agency directory" })).toBeVisible();
    await expect(page.getByTestId("directory-count")).toHaveText(/^\d+ agencies$/);
    const rows = page.getByTestId("directory-table").locator("tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(22);
    await expect(page.getByRole("link", { name: "Iroquois County Sheriff's Office" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("filters by level and kind, and searches by name", async () => {
    await page.goto("/directory");
    await page.getByLabel("Level").selectOption("FEDERAL");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/level=FEDERAL/);
    await expect(page.getByTestId("directory-count")).toHaveText("5 agencies");
    await expect(page.getByRole("link", { name: "DEA Chicago Field Division" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Chicago Police Department" })).toHaveCount(0);

    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/directory$/);
    await expect(page.getByLabel("Level")).toHaveValue("");
    await page.getByLabel("Name").fill("kankakee");
    await page.getByLabel("Kind").selectOption("SHERIFF");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByTestId("directory-count")).toHaveText("1 agency");
    await expect(page.getByRole("link", { name: "Kankakee County Sheriff's Office" })).toBeVisible();

    await page.goto("/directory?q=no-such-place-anywhere");
    await expect(page.getByText("No agency matches these filters.")).toBeVisible();
  });

  test("shows an agency's contacts, notice terms and jurisdiction outline", async () => {
    await page.goto("/directory?q=cook&kind=SHERIFF");
    await page.getByRole("link", { name: "Cook County Sheriff's Office" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cook County Sheriff's Office" })).toBeVisible();
    await expect(page.getByTestId("entry-contacts")).toContainText(/\+1 773-555-01\d\d/);
    await expect(page.getByTestId("entry-notice")).toContainText("English, Spanish, and Polish");
    await expect(page.getByTestId("entry-notice")).toContainText("24 hours");
    await expect(page.getByTestId("entry-summary")).toContainText("Central Time");
    const outline = page.getByRole("img", { name: "Outline of the jurisdiction of Cook County Sheriff's Office" });
    await expect(outline).toBeVisible();
    expect((await outline.locator("path").getAttribute("d"))?.length).toBeGreaterThan(100);
    await expectNoSeriousA11yViolations(page);
  });

  test("says plainly when an agency has no mapped jurisdiction, and 404s an unknown one", async () => {
    await page.goto("/directory/fbi-chicago");
    await expect(page.getByTestId("no-boundary")).toHaveText("No mapped jurisdiction.");
    await expect(page.getByTestId("entry-notice")).toContainText("12 hours");
    const response = await page.goto("/directory/no-such-agency");
    expect(response?.status()).toBe(404);
    await expectNotFound(page);
  });

  test("reads in Spanish and stays accessible", async () => {
    await page.goto("/directory/ford-sheriff");
    await page.getByTestId("language-switch").selectOption("es");
    await expect(page.getByText("Antelación requerida del aviso")).toBeVisible();
    await expect(page.getByTestId("entry-notice")).toContainText("48 horas");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId("language-switch").selectOption("en");
    await expect(page.getByText("Required notice lead time")).toBeVisible();
  });
});
