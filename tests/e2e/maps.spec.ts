// Maps people can read without a tile server (the default, and any air-gapped install): a
// federal liaison files an operation in Wheaton; the DuPage chief's notice page shows the area
// on a map drawn from data shipped with the app — the county outline, the county's and the
// places' names — and says in words where it is, in English and in Spanish. The filing form
// says it too, before anything is stored. Accessibility scans, and a phone-sized viewport.
import { randomUUID } from "node:crypto";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun } from "./auth-fixtures";
import { fileAndOpen, fillOperation, wallTime } from "./operations-fixtures";
import { expectNoSeriousA11yViolations, signedInAs } from "./support/sign-in";

test.afterAll(async () => {
  await closeE2eRun();
});

const SHOTS = process.env.MAP_SCREENSHOTS_DIR;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

/** The map's names are drawn once the shipped label files have loaded. */
function mapLabel(page: Page, kind: "county" | "place" | "region", text: string) {
  return page.getByTestId("area-view-map").locator(`[data-map-label="${kind}"]`, { hasText: text });
}

test("a chief's notice page shows where the area is on a map without tiles, and in words (en, es, 390×844)", async ({
  browser,
}) => {
  const tag = randomUUID().slice(0, 8);
  const title = `Warrant service, Wheaton ${tag}`;
  const { page: liaison } = await signedInAs(browser, "liaison@ice-ero-chicago.demo");

  // The filing form describes the drawn area before it is filed.
  await liaison.goto("/operations/new");
  await fillOperation(liaison, {
    title,
    startsAt: await wallTime(liaison, 4, 9),
    endsAt: await wallTime(liaison, 4, 12),
  });
  await liaison.getByTestId("area-shape-circle").check();
  await liaison.getByLabel("Centre latitude").fill("41.8607");
  await liaison.getByLabel("Centre longitude").fill("-88.1");
  await liaison.getByLabel("Radius (metres)").fill("400");
  await expect(liaison.getByTestId("area-editor")).toHaveAttribute("data-area-status", "valid");
  await expect(liaison.getByTestId("area-description")).toContainText(
    "Circle of radius 400 m in DuPage County, Illinois",
  );
  await expect(liaison.getByTestId("area-description")).toContainText("Wheaton");
  await expect(liaison.getByTestId("recipient-preview")).toHaveAttribute("data-state", "done");
  await liaison.getByLabel("Name", { exact: true }).fill("PIO Jordan Reyes");
  await fileAndOpen(liaison);

  // The operation page describes it too.
  await expect(liaison.getByTestId("area-description")).toContainText("DuPage County, Illinois");

  const { page: chief, context } = await signedInAs(browser, "chief@dupage-sheriff.demo");
  await chief.goto("/inbox");
  await chief.getByTestId("inbox-item").filter({ hasText: title }).getByRole("link").click();
  await expect(chief.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const map = chief.getByTestId("area-view-map");
  await expect(map.locator(".leaflet-container")).toBeVisible();
  // No tile server: nothing is fetched as tiles; the borders and the names come with the app.
  await expect(map.locator(".leaflet-tile")).toHaveCount(0);
  await expect(mapLabel(chief, "place", "Wheaton")).toBeVisible();
  await expect(mapLabel(chief, "region", "DuPage County, Illinois")).toBeVisible();
  // Zoomed out, the county's own name label sits inside its outline.
  // One step at a time (Leaflet ignores a zoom click while the last zoom still animates), until
  // the county names show: how many steps that takes depends on the map's size.
  const countiesNamed = async () =>
    (await mapLabel(chief, "county", "DuPage County").isVisible()) &&
    (await mapLabel(chief, "county", "Cook County").isVisible());
  for (let step = 0; step < 8 && !(await countiesNamed()); step++) {
    await map.locator(".leaflet-control-zoom-out").click();
    await chief.waitForTimeout(400);
    await expect(map.locator(".leaflet-container")).not.toHaveClass(/leaflet-zoom-anim/);
  }
  await expect(mapLabel(chief, "county", "DuPage County")).toBeVisible();
  await expect(mapLabel(chief, "county", "Cook County")).toBeVisible();
  await expect(map.locator("path.cg-county-line")).toHaveCount(1);
  await expect(map.locator("path.cg-state-line").first()).toBeAttached();
  await shot(chief, "notice-desktop-zoomed-out");

  const words = chief.getByTestId("area-description");
  await expect(words).toHaveText(
    /^Where: Circle of radius 400 m in DuPage County, Illinois — centred .*(of|at) Wheaton/,
  );
  await expectNoSeriousA11yViolations(chief);
  await chief.reload();
  await expect(mapLabel(chief, "place", "Wheaton")).toBeVisible();
  await shot(chief, "notice-desktop");

  // In Spanish.
  await chief.getByTestId("language-switch").selectOption("es");
  await expect(chief.locator("html")).toHaveAttribute("lang", "es");
  await expect(words).toHaveText(
    /^Dónde: Círculo de 400 m de radio en condado de DuPage, Illinois — con centro .*Wheaton/,
  );
  await expect(mapLabel(chief, "region", "condado de DuPage, Illinois")).toBeVisible();
  await expectNoSeriousA11yViolations(chief);
  await chief.getByTestId("language-switch").selectOption("en");
  await expect(chief.locator("html")).toHaveAttribute("lang", "en");

  // On a phone: the map and its names fit, nothing scrolls sideways.
  const url = chief.url();
  const phone = await context
    .browser()!
    .newContext({ viewport: { width: 390, height: 844 }, storageState: await context.storageState(), locale: "en-US" });
  const p = await phone.newPage();
  await p.goto(url);
  await expect(mapLabel(p, "place", "Wheaton")).toBeVisible();
  await expect(mapLabel(p, "region", "DuPage County, Illinois")).toBeVisible();
  const box = await p.getByTestId("area-view-map").boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(p.getByTestId("area-description")).toContainText("Wheaton");
  await expectNoSeriousA11yViolations(p);
  await p.getByTestId("area-view-map").scrollIntoViewIfNeeded();
  await shot(p, "notice-phone");
  await phone.close();
});
