// End-to-end helpers for operations and conflicts: signing in people of given agencies and roles,
// filling the filing form and drawing on the map. The accessibility scan and the not-found check
// are the shared ones from support/sign-in.ts.
import { expect, type Browser, type Page } from "@playwright/test";
import { utcToZonedWallTime } from "../../lib/i18n/format";
import { createThrowawayUser, serverNow, signIn } from "./auth-fixtures";

export { expectNoSeriousA11yViolations, expectNotFound } from "./support/sign-in";

export const ZONE = "America/Chicago";

/** A fresh browser signed in as a new user of `agencySlug` with `roles` (no shared demo account, so no TOTP step reuse). */
export async function signedInPage(browser: Browser, agencySlug: string, roles: string[]): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const account = await createThrowawayUser({ agencySlug, roles });
  await signIn(page, { email: account.email, password: account.password, secret: account.secret! });
  return page;
}

/** A wall-clock "YYYY-MM-DDTHH:mm" in Chicago, `days` after the server's today at `hour`:00. */
export async function wallTime(page: Page, days: number, hour: number): Promise<string> {
  const now = await serverNow(page.request);
  const day = utcToZonedWallTime(new Date(now.getTime() + days * 86_400_000), ZONE).slice(0, 10);
  return `${day}T${String(hour).padStart(2, "0")}:00`;
}

export type OperationFields = {
  title: string;
  type?: string;
  startsAt: string;
  endsAt: string;
  commander?: string;
  phone?: string;
  comms?: string;
  notes?: string;
};

/** Fills everything but the area. */
export async function fillOperation(page: Page, f: OperationFields): Promise<void> {
  await page.getByLabel("Type", { exact: true }).selectOption(f.type ?? "ARREST_WARRANT");
  await page.getByLabel("Title", { exact: true }).fill(f.title);
  await page.getByLabel("Starts", { exact: true }).fill(f.startsAt);
  await page.getByLabel("Ends", { exact: true }).fill(f.endsAt);
  await page.getByLabel("Personnel", { exact: true }).fill("12");
  await page.getByLabel("Incident commander", { exact: true }).fill(f.commander ?? "Lt. Dana Okafor");
  await page.getByLabel("Commander's 24/7 phone", { exact: true }).fill(f.phone ?? "+1 312-555-0177");
  await page
    .getByLabel("Communications plan", { exact: true })
    .fill(f.comms ?? "Citywide 6 for command; ISPERN for interop.");
  // "Notes" also names the section around the field: ask for the text box.
  if (f.notes) await page.getByRole("textbox", { name: "Notes", exact: true }).fill(f.notes);
}

/** Opens a disclosure of the area editor ("Enter coordinates", "Paste GeoJSON") unless it is open. */
export async function reveal(page: Page, summary: "Enter coordinates" | "Paste GeoJSON"): Promise<void> {
  const testId = summary === "Enter coordinates" ? "area-vertices" : "area-geojson";
  if (!(await page.getByTestId(testId).isVisible())) await page.getByText(summary, { exact: true }).click();
  await expect(page.getByTestId(testId)).toBeVisible();
}

/** Types polygon vertices ("lat, lon" per line) through the coordinates entry. */
export async function enterVertices(page: Page, vertices: [number, number][]): Promise<void> {
  await reveal(page, "Enter coordinates");
  await page.getByTestId("area-vertices").fill(vertices.map(([lat, lon]) => `${lat}, ${lon}`).join("\n"));
  await page.getByTestId("area-vertices-apply").click();
  await expect(page.getByTestId("area-editor")).toHaveAttribute("data-area-status", "valid");
}

/** Draws a polygon by clicking the map at pixel offsets from its centre, then finishes it. */
export async function drawPolygon(page: Page, offsets: [number, number][]): Promise<void> {
  const map = page.getByTestId("area-map");
  await expect(map.locator(".leaflet-container")).toBeVisible();
  const box = (await map.boundingBox())!;
  for (const [dx, dy] of offsets) {
    await map.click({ position: { x: box.width / 2 + dx, y: box.height / 2 + dy } });
  }
  await expect(page.getByTestId("area-vertex-count")).toHaveText(`${offsets.length} vertices`);
  await page.getByTestId("area-finish").click();
  await expect(page.getByTestId("area-editor")).toHaveAttribute("data-area-status", "valid");
}

/** Files the form as planned and returns the new operation's id from the page it lands on. */
export async function fileAndOpen(page: Page): Promise<string> {
  await page.getByTestId("file-operation").click();
  await page.waitForURL(/\/operations\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

/** A square of about `halfKm` around a point, as "lat, lon" vertices. */
export function squareAround(lat: number, lon: number, halfKm: number): [number, number][] {
  const dLat = halfKm / 111.32;
  const dLon = halfKm / (111.32 * Math.cos((lat * Math.PI) / 180));
  return [
    [lat - dLat, lon - dLon],
    [lat - dLat, lon + dLon],
    [lat + dLat, lon + dLon],
    [lat + dLat, lon - dLon],
  ].map(([a, b]) => [Math.round(a * 1e5) / 1e5, Math.round(b * 1e5) / 1e5]);
}
