// Filing operations in real Chromium: drawing the area on the map, the live conflict preview
// before anything is saved, cancelling (which closes the conflicts), bad input answered with
// clear messages (never a server error), and accessibility scans of the form and the page.
import { randomUUID } from "node:crypto";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun } from "./auth-fixtures";
import {
  drawPolygon,
  enterVertices,
  expectNoSeriousA11yViolations,
  expectNotFound,
  fileAndOpen,
  fillOperation,
  reveal,
  signedInPage,
  squareAround,
  wallTime,
} from "./operations-fixtures";

test.afterAll(async () => {
  await closeE2eRun();
});

/** Fails the test if the server answers anything with a 5xx. */
function watchForServerErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

test("an operation drawn on the map shows its conflict before saving, and cancelling closes it", async ({
  browser,
}) => {
  const tag = randomUUID().slice(0, 8);
  // A day of its own, so operations other specs (or an earlier attempt) filed over Cook County don't conflict too.
  const day = 40 + Math.floor(Math.random() * 300);

  // Another agency's operation is already on file: a 30 km circle over the middle of Cook County.
  const cpd = await signedInPage(browser, "chicago-pd", ["LIAISON"]);
  await cpd.goto("/operations/new");
  await fillOperation(cpd, {
    title: `CPD perimeter ${tag}`,
    startsAt: await wallTime(cpd, day, 9),
    endsAt: await wallTime(cpd, day, 17),
  });
  await cpd.getByTestId("area-shape-circle").check();
  await cpd.getByLabel("Centre latitude").fill("41.84");
  await cpd.getByLabel("Centre longitude").fill("-87.85");
  await cpd.getByLabel("Radius (metres)").fill("30000");
  await expect(cpd.getByTestId("area-editor")).toHaveAttribute("data-area-status", "valid");
  const cpdOperation = await fileAndOpen(cpd);
  await expect(cpd.getByTestId("operation-status")).toHaveAttribute("data-status", "PLANNED");

  // The sheriff's liaison draws a polygon by clicking the map, which opens on Cook County.
  const cook = await signedInPage(browser, "cook-sheriff", ["LIAISON"]);
  const serverErrors = watchForServerErrors(cook);
  await cook.goto("/operations/new");
  const title = `Warrant service ${tag}`;
  await fillOperation(cook, { title, startsAt: await wallTime(cook, day, 10), endsAt: await wallTime(cook, day, 12) });
  await drawPolygon(cook, [
    [-40, -30],
    [40, -30],
    [40, 30],
    [-40, 30],
  ]);

  // The live check finds the other agency's operation, with whom to call, before anything is saved.
  const preview = cook.getByTestId("conflict-preview");
  await expect(preview).toHaveAttribute("data-state", "done");
  const item = preview.getByTestId("conflict-preview-item").filter({ hasText: "Chicago Police Department" });
  await expect(item).toBeVisible();
  await expect(item).toContainText("+1 312-555-0124");
  await expect(item).not.toContainText(`CPD perimeter ${tag}`);
  await expectNoSeriousA11yViolations(cook);
  const listBefore = await (await cook.request.get("/operations")).text();
  expect(listBefore).not.toContain(title);

  // Filing stores the operation and the conflict.
  const id = await fileAndOpen(cook);
  await expect(cook.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(cook.getByTestId("operation-status")).toHaveAttribute("data-status", "PLANNED");
  const row = cook.getByTestId("conflict-row").filter({ hasText: "Chicago Police Department" });
  await expect(row).toHaveAttribute("data-status", "OPEN");
  const conflictHref = await row.getByTestId("conflict-link").getAttribute("href");
  await expect(cook.getByTestId("area-view-map").locator(".leaflet-container")).toBeVisible();
  await expect(cook.getByTestId("operation-history")).toContainText("Filed");
  await expectNoSeriousA11yViolations(cook);

  // Cancelling asks first, then closes the operation's open conflicts.
  await cook.getByTestId("transition-CANCEL").click();
  await expect(cook.getByRole("dialog", { name: "Cancel this operation?" })).toBeVisible();
  await cook.getByTestId("confirm-cancel").click();
  await expect(cook.getByTestId("operation-status")).toHaveAttribute("data-status", "CANCELLED");
  await expect(row).toHaveAttribute("data-status", "CLOSED");
  await expect(cook.getByTestId("operation-history")).toContainText("Planned → Cancelled");

  // The other side sees the conflict closed too.
  await cpd.goto(`/operations/${cpdOperation}`);
  const theirs = cpd.getByTestId("conflict-row").filter({ has: cpd.locator(`a[href="${conflictHref}"]`) });
  await expect(theirs).toContainText("Cook County Sheriff");
  await expect(theirs).toHaveAttribute("data-status", "CLOSED");
  await theirs.getByTestId("conflict-link").click();
  await expect(cpd.getByTestId("conflict-closed")).toContainText("One of the operations was cancelled.");
  await expect(cpd.locator("main")).not.toContainText(title);

  // Another agency's operation id is simply not found.
  await cpd.goto(`/operations/${id}`);
  await expectNotFound(cpd);
  expect(serverErrors).toEqual([]);
});

test("bad times and bad geometry get clear messages, the form keeps its input, and nothing fails on the server", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "cook-sheriff", ["LIAISON"]);
  const serverErrors = watchForServerErrors(page);
  await page.goto("/operations/new");
  await expect(page.getByTestId("notes-warning")).toContainText(
    "names, dates of birth, home addresses or immigration status",
  );
  await expectNoSeriousA11yViolations(page);

  const title = `Bad input ${randomUUID().slice(0, 8)}`;
  await fillOperation(page, { title, startsAt: await wallTime(page, 4, 14), endsAt: await wallTime(page, 4, 10) });
  await enterVertices(page, squareAround(41.7, -87.75, 1));

  // End before start.
  await page.getByTestId("file-operation").click();
  await expect(page.getByTestId("error-endsAt")).toHaveText("The end must be after the start.");
  await expect(page.getByTestId("form-error")).toHaveText("Some fields need attention.");
  await expect(page).toHaveURL(/\/operations\/new$/);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  // The preview does not run on an impossible window.
  await expect(page.getByTestId("conflict-preview")).toHaveAttribute("data-state", "idle");

  // A window longer than 30 days.
  await page.getByLabel("Ends", { exact: true }).fill(await wallTime(page, 40, 10));
  await page.getByTestId("file-operation").click();
  await expect(page.getByTestId("error-endsAt")).toContainText("at most 30 days");

  // A self-intersecting polygon, pasted: what is wrong and where.
  await page.getByLabel("Ends", { exact: true }).fill(await wallTime(page, 4, 18));
  await reveal(page, "Paste GeoJSON");
  const bowtie = {
    type: "Polygon",
    coordinates: [
      [
        [-87.8, 41.7],
        [-87.7, 41.8],
        [-87.7, 41.7],
        [-87.8, 41.8],
        [-87.8, 41.7],
      ],
    ],
  };
  await page.getByTestId("area-geojson").fill(JSON.stringify(bowtie));
  await page.getByTestId("area-geojson-apply").click();
  await expect(page.getByTestId("area-error")).toContainText("Polygon 1, ring 1: edge 1 crosses or touches edge 3");
  await expect(page.getByTestId("area-editor")).toHaveAttribute("data-area-status", "invalid");
  await page.getByTestId("file-operation").click();
  await expect(page.getByTestId("form-error")).toHaveText("Some fields need attention.");
  await expect(page).toHaveURL(/\/operations\/new$/);

  // Text that is not JSON at all says where it breaks.
  await page.getByTestId("area-geojson").fill('{"type": "Polygon", "coordinates": [[[-87.8, 41.7]');
  await page.getByTestId("area-geojson-apply").click();
  await expect(page.getByTestId("area-geojson-error")).toContainText("not valid JSON");

  // A coordinate list with a typo names the line.
  await reveal(page, "Enter coordinates");
  await page.getByTestId("area-vertices").fill("41.70, -87.80\n41.80, -87.80\nforty-one, -87.70");
  await page.getByTestId("area-vertices-apply").click();
  await expect(page.getByText("Line 3 is not a latitude, longitude pair.")).toBeVisible();

  // Fixed: a valid area and window file normally.
  await page.getByTestId("area-vertices").fill(
    squareAround(41.7, -87.75, 1)
      .map(([a, b]) => `${a}, ${b}`)
      .join("\n"),
  );
  await page.getByTestId("area-vertices-apply").click();
  await expect(page.getByTestId("area-editor")).toHaveAttribute("data-area-status", "valid");
  await expect(page.getByTestId("area-error")).toBeEmpty();
  await fileAndOpen(page);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(serverErrors).toEqual([]);
});

test("editing re-runs the check: moving an operation away closes its conflict, and the history says so", async ({
  browser,
}) => {
  const tag = randomUUID().slice(0, 8);
  const day = 40 + Math.floor(Math.random() * 300);
  const cpd = await signedInPage(browser, "chicago-pd", ["LIAISON"]);
  await cpd.goto("/operations/new");
  await fillOperation(cpd, {
    title: `CPD south ${tag}`,
    startsAt: await wallTime(cpd, day, 9),
    endsAt: await wallTime(cpd, day, 17),
  });
  await enterVertices(cpd, squareAround(41.75, -87.6, 1));
  await fileAndOpen(cpd);

  const cook = await signedInPage(browser, "cook-sheriff", ["CHIEF"]);
  const serverErrors = watchForServerErrors(cook);
  await cook.goto("/operations/new");
  const title = `Moving target ${tag}`;
  await fillOperation(cook, { title, startsAt: await wallTime(cook, day, 10), endsAt: await wallTime(cook, day, 12) });
  await enterVertices(cook, squareAround(41.752, -87.6, 1));
  const id = await fileAndOpen(cook);
  const row = cook.getByTestId("conflict-row").filter({ hasText: "Chicago Police Department" });
  await expect(row).toHaveAttribute("data-status", "OPEN");

  // The edit form opens filled in; its preview leaves the operation itself out.
  await cook.getByTestId("edit-operation").click();
  await cook.waitForURL(`**/operations/${id}/edit`);
  await expect(cook.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(cook.getByLabel("Starts", { exact: true })).toHaveValue(await wallTime(cook, day, 10));
  await expect(cook.getByTestId("area-editor")).toHaveAttribute("data-area-status", "valid");
  const preview = cook.getByTestId("conflict-preview");
  await expect(preview).toHaveAttribute("data-count", "1");
  await expectNoSeriousA11yViolations(cook);

  // Moved 40 km away: the preview clears, and saving closes the conflict.
  await enterVertices(cook, squareAround(42.05, -88.1, 1));
  await expect(preview).toHaveAttribute("data-count", "0");
  await cook.getByTestId("save-operation").click();
  await cook.waitForURL(new RegExp(`/operations/${id}$`));
  await expect(row).toHaveAttribute("data-status", "CLOSED");
  await expect(cook.getByTestId("operation-history")).toContainText("Moved");
  await row.getByTestId("conflict-link").click();
  await expect(cook.getByTestId("conflict-closed")).toContainText("The operations no longer overlap.");
  expect(serverErrors).toEqual([]);
});

test("the filing form and the operations list work in Spanish", async ({ browser }) => {
  const page = await signedInPage(browser, "cook-sheriff", ["SUPERVISOR"]);
  await page.goto("/operations/new");
  await page.getByTestId("language-switch").selectOption("es");
  await expect(page.getByRole("heading", { level: 1, name: "Registrar una operación" })).toBeVisible();
  await expect(page.getByTestId("notes-warning")).toContainText("situación migratoria");
  await expect(page.getByText("Horario: hora central").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto("/operations");
  await expect(page.getByRole("heading", { level: 1, name: "Operaciones" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByTestId("language-switch").selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Operations" })).toBeVisible();
});
