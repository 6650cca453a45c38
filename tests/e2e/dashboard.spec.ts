// The dashboard in real Chromium: the rural Iroquois County chief sees a notice filed in the
// county by the FBI arrive live (no reload), with its escalation clock and its area on a map drawn
// without a tile server (county lines, place names) and described in words; the unread count in
// the navigation rises live. A supervisor sees a conflict between two agencies' filings arrive live
// and first. On a phone the header is one short row and a menu button opens the navigation by
// keyboard. Accessibility scans at desktop and 390×844, and the favicon.
import { randomUUID } from "node:crypto";
import { type Locator, type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun } from "./auth-fixtures";
import { enterVertices, fileAndOpen, fillOperation, signedInPage, squareAround, wallTime } from "./operations-fixtures";
import { expectNoSeriousA11yViolations, signedInAs } from "./support/sign-in";

test.afterAll(async () => {
  await closeE2eRun();
});

const SHOTS = process.env.DASHBOARD_SCREENSHOTS_DIR;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __cgNoReload: boolean }).__cgNoReload = true));
}
async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __cgNoReload?: boolean }).__cgNoReload === true)).toBe(true);
}

/** The number in a navigation badge; 0 when no badge shows. Read in one step: the badge can go at any moment. */
async function navCount(page: Page, key: "inbox" | "conflicts" | "requests"): Promise<number> {
  return page.evaluate(
    (k) => Number(document.querySelector(`[data-testid="nav-count-${k}"] [aria-hidden="true"]`)?.textContent ?? "0"),
    key,
  );
}

function mapLabel(map: Locator, kind: "county" | "place", text: string) {
  return map.locator(`[data-map-label="${kind}"]`, { hasText: text });
}

test("a rural chief sees a new notice in the county live, with its escalation clock, on a map without tiles, and the unread count rises", async ({
  browser,
}) => {
  // Two people sign in (each waiting for a fresh authenticator step), one files through the form.
  test.setTimeout(180_000);
  const tag = randomUUID().slice(0, 8);
  const title = `Warrant service, Watseka ${tag}`;
  const { page: chief } = await signedInAs(browser, "chief@iroquois-sheriff.demo");
  await expect(chief.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  // A chief's dashboard leads with notices, then federal requests.
  await expect(chief.getByTestId("dash-summary").locator("a").first()).toHaveAttribute(
    "data-testid",
    "dash-summary-notices",
  );
  await expect(chief.getByTestId("dash-requests")).toBeVisible();
  // Times in people's words: the zone is named, never as a time zone database name.
  await expect(chief.getByText("Times are shown in Central Time")).toBeVisible();
  await expect(chief.locator("body")).not.toContainText("America/Chicago");
  const unreadBefore = await navCount(chief, "inbox");
  await markNoReload(chief);

  // The FBI files near Watseka, sharing only the general area.
  const { page: fbi } = await signedInAs(browser, "liaison@fbi-chicago.demo");
  await fbi.goto("/operations/new");
  await fillOperation(fbi, { title, startsAt: await wallTime(fbi, 3, 9), endsAt: await wallTime(fbi, 3, 13) });
  await fbi.getByTestId("area-shape-circle").check();
  await fbi.getByLabel("Centre latitude").fill("40.7745");
  await fbi.getByLabel("Centre longitude").fill("-87.7372");
  await fbi.getByLabel("Radius (metres)").fill("400");
  await expect(fbi.getByTestId("area-editor")).toHaveAttribute("data-area-status", "valid");
  await fbi.locator('input[name="areaPrecision"][value="GENERALIZED"]').check();
  await expect(fbi.getByTestId("recipient-preview")).toHaveAttribute("data-state", "done");
  await expect(
    fbi.getByTestId("preview-recipient").filter({ hasText: "Iroquois County Sheriff's Office" }),
  ).toBeVisible();
  await fbi.getByLabel("Name", { exact: true }).fill("PIO Dana Ortiz");
  await fileAndOpen(fbi);

  // The notice arrives on the open dashboard, with when it escalates next.
  const item = chief.getByTestId("dash-notice").filter({ hasText: title });
  await expect(item).toBeVisible({ timeout: 10_000 });
  await expect(item).toContainText("FBI Chicago Field Office");
  await expect(item.getByTestId("dash-escalation")).toHaveText(
    /^Escalates to your backup contact at .*C[SD]T \(in \d+ (minutes|hour|hours)\)\.$/,
  );
  await expect.poll(() => navCount(chief, "inbox")).toBe(unreadBefore + 1);
  await expectNotReloaded(chief);

  // On the map, at the precision the filer chose, with the county's lines and the places' names.
  const map = chief.getByTestId("dash-map");
  await expect(map.locator(".leaflet-container")).toBeVisible();
  await expect(map.locator(".leaflet-tile")).toHaveCount(0);
  await expect(map.locator("path.cg-dash-notice").first()).toBeAttached();
  await expect(map.locator("path.cg-jurisdiction")).toHaveCount(1);
  await expect(map.locator("path.cg-county-line")).toHaveCount(1);
  await expect(mapLabel(map, "place", "Watseka")).toBeVisible();
  const words = chief.getByTestId("dash-map-item").filter({ hasText: title }).getByTestId("dash-area-words");
  await expect(words).toContainText("in Iroquois County, Illinois");
  await expect(words).toContainText("Watseka");
  await expect(chief.getByTestId("dash-map-item").filter({ hasText: title })).toContainText(
    "shared only the general area",
  );
  await expect(chief.getByTestId("dash-timeline-item").filter({ hasText: title })).toBeVisible();
  // Zoomed out step by step, the county's own name shows inside its outline.
  for (let step = 0; step < 6 && !(await mapLabel(map, "county", "Iroquois County").isVisible()); step++) {
    await map.locator(".leaflet-control-zoom-out").click();
    await chief.waitForTimeout(400);
    await expect(map.locator(".leaflet-container")).not.toHaveClass(/leaflet-zoom-anim/);
  }
  await expect(mapLabel(map, "county", "Iroquois County")).toBeVisible();
  await expectNoSeriousA11yViolations(chief);
  await shot(chief, "dashboard-chief-desktop");

  // The item leads to the notice, whose first screen speaks plainly: exports sit below, in words.
  await item.click();
  await chief.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
  await expect(chief.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(chief.getByTestId("cap-download")).toHaveText("Download for other systems (CAP)");
  await expect(chief.getByTestId("notice-exports")).toBeVisible();
  await expect(chief.locator("body")).not.toContainText("America/Chicago");
  // Opening it marks it read: the badge falls back.
  await expect.poll(() => navCount(chief, "inbox")).toBe(unreadBefore);

  // In Spanish too.
  await chief.goto("/");
  await chief.getByTestId("language-switch").selectOption("es");
  await expect(chief.getByRole("heading", { level: 1, name: "Panel" })).toBeVisible();
  await expect(chief.getByText("Las horas se muestran en hora central")).toBeVisible();
  await expectNoSeriousA11yViolations(chief);
  await chief.getByTestId("language-switch").selectOption("en");
  await expect(chief.locator("html")).toHaveAttribute("lang", "en");
});

test("a supervisor's dashboard shows a new conflict live, first, and the conflicts count rises", async ({
  browser,
}) => {
  // Three people sign in and two of them file through the form.
  test.setTimeout(180_000);
  const tag = randomUUID().slice(0, 8);
  const supervisor = await signedInPage(browser, "kankakee-sheriff", ["SUPERVISOR"]);
  await supervisor.goto("/");
  await expect(supervisor.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(supervisor.getByTestId("dash-summary").locator("a").first()).toHaveAttribute(
    "data-testid",
    "dash-summary-conflicts",
  );
  const conflictsBefore = await navCount(supervisor, "conflicts");
  await markNoReload(supervisor);

  // Kankakee's deputies plan a warrant; HSI plans surveillance at the same place and time.
  const deputy = await signedInPage(browser, "kankakee-sheriff", ["LIAISON"]);
  await deputy.goto("/operations/new");
  await fillOperation(deputy, {
    title: `Kankakee warrant ${tag}`,
    startsAt: await wallTime(deputy, 2, 8),
    endsAt: await wallTime(deputy, 2, 12),
  });
  await enterVertices(deputy, squareAround(41.12, -87.86, 0.5));
  await fileAndOpen(deputy);
  const hsi = await signedInPage(browser, "hsi-chicago", ["LIAISON"]);
  await hsi.goto("/operations/new");
  await fillOperation(hsi, {
    title: `HSI surveillance ${tag}`,
    type: "SURVEILLANCE",
    startsAt: await wallTime(hsi, 2, 9),
    endsAt: await wallTime(hsi, 2, 11),
  });
  await enterVertices(hsi, squareAround(41.1205, -87.8605, 0.5));
  await fileAndOpen(hsi);

  const conflict = supervisor.getByTestId("dash-conflict").filter({ hasText: `Kankakee warrant ${tag}` });
  await expect(conflict).toBeVisible({ timeout: 10_000 });
  await expect(conflict).toContainText("Conflict with Homeland Security Investigations, Chicago");
  await expect(conflict).not.toContainText(`HSI surveillance ${tag}`);
  await expect(conflict.getByTestId("dash-escalation")).toContainText("Escalates to your backup contact");
  await expect.poll(() => navCount(supervisor, "conflicts")).toBe(conflictsBefore + 1);
  await expectNotReloaded(supervisor);
  // Conflicts come first for a supervisor, above the notices.
  const sections = supervisor.locator("section[data-testid^='dash-']");
  await expect(sections.first()).toHaveAttribute("data-testid", "dash-conflicts");
  await expectNoSeriousA11yViolations(supervisor);
  await shot(supervisor, "dashboard-supervisor-desktop");
});

test("on a phone the header is one short row; the menu button opens the navigation by keyboard; axe clean; the favicon is served", async ({
  browser,
}) => {
  const { context } = await signedInAs(browser, "chief@iroquois-sheriff.demo");
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    storageState: await context.storageState(),
    locale: "en-US",
    hasTouch: true,
    isMobile: true,
  });
  const page = await phone.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  // The header leaves the first screen to the page.
  const header = await page.locator("header").boundingBox();
  expect(header!.height).toBeLessThan(844 / 8);
  const menuButton = page.getByTestId("menu-button");
  await expect(menuButton).toBeVisible();
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Large touch targets: every summary tile and list item is at least 44 px high.
  for (const box of await page
    .getByTestId("dash-summary")
    .locator("a")
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height)))
    expect(box).toBeGreaterThanOrEqual(44);
  const menuBox = await menuButton.boundingBox();
  expect(menuBox!.height).toBeGreaterThanOrEqual(44);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "dashboard-phone");

  // By keyboard: Enter opens it and puts focus on its first link; Escape closes it and returns focus.
  await menuButton.focus();
  await page.keyboard.press("Enter");
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await shot(page, "dashboard-phone-menu");
  await page.keyboard.press("Escape");
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(menuButton).toBeFocused();
  await expect(nav).toBeHidden();

  // Space opens it too; following a link goes there and closes the menu.
  await page.keyboard.press("Space");
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: /^Operations/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/operations$/);
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();

  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\//);
  await phone.close();
});
