// Shared by the directory, admin and audit specs: a browser context signed in as a seeded demo
// account through the real sign-in form (password, then the TOTP code an authenticator app would
// show, computed from demoTotpSecret(email)), and the accessibility scan every page must pass.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { demoAccount, signIn } from "../auth-fixtures";
import { expectNoRawMessageKeys } from "./messages";

export async function signedInAs(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, demoAccount(email));
  // The language is saved per user: a test that switched to Spanish and then failed (or its retry)
  // must not leave the next one reading Spanish.
  const language = page.getByTestId("language-switch");
  if ((await language.inputValue()) !== "en") {
    await language.selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
  return { context, page };
}

export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // The title is streamed with the page's metadata and may land just after the content: scan once it has.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  // Every page scanned also shows no raw message key (each page ships only its own messages).
  await expectNoRawMessageKeys(page);
}

/** The not-found page: what any other agency's record, or a page one may not use, looks like. */
export async function expectNotFound(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
}
