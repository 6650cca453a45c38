// The `test` every end-to-end spec uses: Playwright's, plus a guard that fails a test when any page
// it drove reported a Content-Security-Policy violation (a blocked script, style, image or
// connection), so the whole suite proves the portal works under its policy. Every browser context
// (the default one and every browser.newContext() a spec or helper makes) gets a listener for
// `securitypolicyviolation` before any page script runs; violations are collected in the worker
// and checked after each test (those during a beforeAll count against the first test after it).
import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";

export { expect };

export type CspViolation = { url: string; directive: string; blocked: string; source: string; sample: string };

const BINDING = "__cgReportCspViolation";
const recorded: CspViolation[] = [];
const watched = new WeakSet<BrowserContext>();
const open = new Set<BrowserContext>();

/** Records every CSP violation the context's pages report (idempotent). */
export async function watchCspViolations(context: BrowserContext): Promise<void> {
  if (watched.has(context)) return;
  watched.add(context);
  open.add(context);
  context.on("close", () => open.delete(context));
  await context.exposeBinding(BINDING, ({ page }, v: Omit<CspViolation, "url">) => {
    recorded.push({ url: page.url(), ...v });
  });
  // Injected by the browser itself before the page's own scripts: the policy does not apply to it.
  await context.addInitScript((binding: string) => {
    document.addEventListener(
      "securitypolicyviolation",
      (e) => {
        const report = (window as unknown as Record<string, (v: unknown) => Promise<void>>)[binding];
        void report?.({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          source: `${e.sourceFile}:${e.lineNumber}`,
          sample: e.sample,
        });
      },
      true,
    );
  }, BINDING);
}

/** Hands over what was recorded so far, once every open page has delivered its pending reports. */
export async function takeCspViolations(): Promise<CspViolation[]> {
  for (const context of open) {
    for (const page of context.pages()) await page.evaluate(() => 0).catch(() => undefined);
  }
  return recorded.splice(0);
}

export const test = base.extend<{ cspViolations: void }, { browser: Browser }>({
  // Every context a spec or a helper creates, in a test or in a beforeAll, is watched.
  browser: [
    async ({ browser }, provide) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
        const context = await newContext(...args);
        await watchCspViolations(context);
        return context;
      };
      await provide(browser);
    },
    { scope: "worker" },
  ],
  context: async ({ context }, provide) => {
    await watchCspViolations(context);
    await provide(context);
  },
  cspViolations: [
    async ({}, provide) => {
      await provide();
      expect(await takeCspViolations(), "Content-Security-Policy violations reported by the pages").toEqual([]);
    },
    { auto: true },
  ],
});
