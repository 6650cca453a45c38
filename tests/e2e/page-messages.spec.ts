// Each page ships the messages its client components read, not the whole catalog: the sign-in
// page, the inbox and a notice carry no long message of a namespace they do not use; and the main
// pages, in English and Spanish, on a desktop and a 390×844 phone, show no raw message key (what a
// client component renders when its page did not provide its messages).
import type { Page } from "@playwright/test";
import type { Locale } from "../../lib/i18n/locales";
import type { Messages } from "../../lib/i18n/translate";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun } from "./auth-fixtures";
import { expectNoRawMessageKeys, readCatalog } from "./support/messages";
import { signedInAs } from "./support/sign-in";

test.afterAll(async () => {
  await closeE2eRun();
});

const PHONE = { width: 390, height: 844 };
const CHIEF = "chief@kankakee-sheriff.demo";

/** Long messages of a namespace, as they would appear verbatim in the page's inline payload. */
function longMessages(locale: Locale, ns: string): string[] {
  const walk = (m: Messages): string[] => Object.values(m).flatMap((v) => (typeof v === "string" ? [v] : walk(v)));
  return walk(readCatalog(locale)[ns]).filter((s) => s.length > 40 && !/["'\\<>&{}]/.test(s));
}

async function expectNotShipped(page: Page, url: string, namespaces: string[]): Promise<void> {
  const html = await (await page.request.get(url)).text();
  for (const ns of namespaces) {
    const sample = longMessages("en", ns);
    expect(sample.length, ns).toBeGreaterThan(0);
    expect(
      sample.filter((s) => html.includes(s)),
      `${url} carries ${ns} messages`,
    ).toEqual([]);
  }
}

async function firstNotice(page: Page): Promise<string> {
  await page.goto("/inbox");
  const href = await page.locator('a[href^="/notices/"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

test("the sign-in page, the inbox and a notice ship only the messages they use", async ({ browser, page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectNotShipped(page, "/login", ["notices", "operations", "requests", "admin"]);

  const { page: chief } = await signedInAs(browser, CHIEF);
  await expectNotShipped(chief, "/inbox", ["auth", "requests", "publicRecord", "webhooks"]);
  const notice = await firstNotice(chief);
  await expectNotShipped(chief, notice, ["requests", "publicRecord", "webhooks", "api"]);
  // What the notice's own client components read did come along: the acknowledge or reply form.
  await chief.goto(notice);
  await expect(chief.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoRawMessageKeys(chief);
});

async function visitAll(page: Page, urls: string[]): Promise<void> {
  for (const url of urls) {
    await page.goto(url);
    await expect(page.locator("main")).toBeVisible();
    await expectNoRawMessageKeys(page);
  }
}

for (const language of ["en", "es"] as const) {
  for (const [device, viewport] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", PHONE],
  ] as const) {
    test(`no raw message keys in ${language} on a ${device}`, async ({ browser }) => {
      const anonymous = await browser.newContext({ locale: language === "es" ? "es-ES" : "en-US", viewport });
      const visitor = await anonymous.newPage();
      await visitAll(visitor, ["/login", "/transparency"]);
      await expect(visitor.locator("html")).toHaveAttribute("lang", language);
      await anonymous.close();

      const { context, page } = await signedInAs(browser, CHIEF);
      try {
        // Chosen on the desktop header; the phone's is behind the menu button.
        if (language === "es") {
          await page.getByTestId("language-switch").selectOption("es");
          await expect(page.locator("html")).toHaveAttribute("lang", "es");
        }
        await page.setViewportSize(viewport);
        const notice = await firstNotice(page);
        await visitAll(page, [
          "/",
          "/inbox",
          notice,
          "/sent",
          "/operations",
          "/operations/new",
          "/conflicts",
          "/requests",
          "/directory",
          "/account",
        ]);
      } finally {
        if (language === "es") {
          await page.setViewportSize({ width: 1280, height: 800 });
          await page.goto("/account");
          await page.getByTestId("language-switch").selectOption("en");
          await expect(page.locator("html")).toHaveAttribute("lang", "en");
        }
        await context.close();
      }
    });
  }
}
