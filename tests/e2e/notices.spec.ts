// Two-way notices in real Chromium, two agencies side by side: a federal liaison files an
// operation inside a county through the form and that county's chief sees the notice arrive
// live (without a reload: how fast is measured in bench/, not here), acknowledges and replies, and the liaison sees both
// live; then the same from a sheriff's office to a federal office. Inbox, notice and sent views
// pass an accessibility scan; a third agency cannot open the notice.
import { randomUUID } from "node:crypto";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun } from "./auth-fixtures";
import { fileAndOpen, fillOperation, wallTime } from "./operations-fixtures";
import { expectNoSeriousA11yViolations, expectNotFound, signedInAs } from "./support/sign-in";

test.afterAll(async () => {
  await closeE2eRun();
});

/** Marks the page so a later check can tell it was updated in place, not reloaded. */
async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __cgNoReload: boolean }).__cgNoReload = true));
}
async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __cgNoReload?: boolean }).__cgNoReload === true)).toBe(true);
}

/** Fills the filing form with a circle area; the recipient preview must name `expectRecipient`. */
async function fileCircle(
  page: Page,
  o: { title: string; lat: number; lon: number; radiusM: number; expectRecipient: string },
): Promise<{ actionDone: Promise<number>; id: Promise<string> }> {
  await page.goto("/operations/new");
  await fillOperation(page, {
    title: o.title,
    startsAt: await wallTime(page, 3, 9),
    endsAt: await wallTime(page, 3, 13),
  });
  await page.getByTestId("area-shape-circle").check();
  await page.getByLabel("Centre latitude").fill(String(o.lat));
  await page.getByLabel("Centre longitude").fill(String(o.lon));
  await page.getByLabel("Radius (metres)").fill(String(o.radiusM));
  await expect(page.getByTestId("area-editor")).toHaveAttribute("data-area-status", "valid");
  // Before anything is stored, the filer sees who will be told.
  await expect(page.getByTestId("recipient-preview")).toHaveAttribute("data-state", "done");
  await expect(page.getByTestId("preview-recipient").filter({ hasText: o.expectRecipient })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("PIO Jordan Reyes");
  // The previews are server actions posting to this page too: let them finish, so the response awaited below is the filing's.
  await expect(page.getByTestId("conflict-preview")).toHaveAttribute("data-state", "done");
  await expect(page.getByTestId("area-description")).toHaveAttribute("data-state", "done");
  const actionDone = page
    .waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/operations/new")
    .then(() => Date.now());
  return { actionDone, id: fileAndOpen(page) };
}

async function acknowledgeAndReply(page: Page, text: string): Promise<void> {
  await page.getByTestId("acknowledge-notice").click();
  await expect(page.getByTestId("acknowledged-by")).toBeVisible();
  await page.getByTestId("quick-CALL_ME").click();
  await expect(page.getByTestId("thread-entry").filter({ hasText: "Call me" })).toBeVisible();
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByTestId("send-reply").click();
  await expect(page.getByTestId("thread-entry").filter({ hasText: text })).toBeVisible();
}

test("federal → local: the county chief sees the notice live, acknowledges and replies; the liaison sees both live", async ({
  browser,
}) => {
  const tag = randomUUID().slice(0, 8);
  const title = `Fugitive arrest, Wheaton ${tag}`;
  const { page: chief } = await signedInAs(browser, "chief@dupage-sheriff.demo");
  const { page: liaison } = await signedInAs(browser, "liaison@ice-ero-chicago.demo");

  await chief.goto("/inbox");
  await expect(chief.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  await markNoReload(chief);

  // Inside DuPage County, well away from its borders.
  const filed = await fileCircle(liaison, {
    title,
    lat: 41.865,
    lon: -88.105,
    radiusM: 400,
    expectRecipient: "DuPage County Sheriff's Office",
  });
  const item = chief.getByTestId("inbox-item").filter({ hasText: title });
  // It arrives on the open page by itself; the time it takes is a bench/ figure, not a test's.
  await Promise.all([filed.actionDone, item.waitFor({ timeout: 15_000 })]);
  await filed.id;
  await expectNotReloaded(chief);
  await expect(item.getByTestId("badge-unread")).toBeVisible();
  await expect(item.getByTestId("inbox-from")).toHaveText(
    "ICE Enforcement and Removal Operations, Chicago Field Office",
  );
  await expectNoSeriousA11yViolations(chief);

  // The liaison watches the notice to DuPage from the sent view.
  await liaison.goto("/sent");
  const group = liaison.getByTestId("sent-operation").filter({ hasText: title });
  const row = group.getByTestId("sent-recipient").filter({ hasText: "DuPage County Sheriff's Office" });
  await expect(row.getByTestId("sent-ack")).toHaveText("Not acknowledged");
  await expectNoSeriousA11yViolations(liaison);
  await row.getByRole("link", { name: "Open the notice to DuPage County Sheriff's Office" }).click();
  await expect(liaison.getByTestId("not-acknowledged")).toBeVisible();
  await markNoReload(liaison);

  // The chief opens it (now read), acknowledges and replies.
  await item.getByRole("link").click();
  await expect(chief.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(chief.getByTestId("notice-from")).toHaveText(
    "ICE Enforcement and Removal Operations, Chicago Field Office",
  );
  await expect(chief.getByTestId("notice-when")).toContainText("CST");
  await expect(chief.getByTestId("notice-pio")).toContainText("PIO Jordan Reyes");
  await expect(chief.getByTestId("notice-statement")).toHaveText("No public statement is authorised.");
  await expectNoSeriousA11yViolations(chief);
  await acknowledgeAndReply(chief, `Deputies will hold Roosevelt Road ${tag}`);

  // The liaison's open notice page shows the acknowledgment and the replies without a reload.
  await expect(liaison.getByTestId("acknowledged-by")).toContainText("Agnieszka Reyes", { timeout: 5_000 });
  await expect(liaison.getByTestId("thread-entry").filter({ hasText: "Call me" })).toBeVisible({ timeout: 5_000 });
  await expect(
    liaison.getByTestId("thread-entry").filter({ hasText: `Deputies will hold Roosevelt Road ${tag}` }),
  ).toBeVisible({ timeout: 5_000 });
  await expectNotReloaded(liaison);
  await expectNoSeriousA11yViolations(liaison);

  // A third agency cannot open it.
  const noticeUrl = liaison.url();
  const { page: outsider } = await signedInAs(browser, "chief@will-sheriff.demo");
  await outsider.goto(noticeUrl);
  await expectNotFound(outsider);
  expect((await outsider.request.get(`${noticeUrl}/cap`)).status()).toBe(404);

  // The same views in Spanish.
  await chief.goto("/inbox");
  await chief.getByTestId("language-switch").selectOption("es");
  await expect(chief.getByRole("heading", { level: 1, name: "Bandeja de entrada" })).toBeVisible();
  await expectNoSeriousA11yViolations(chief);
  await chief.getByTestId("language-switch").selectOption("en");
  await expect(chief.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
});

test("local → federal: a sheriff's operation by a federal facility reaches the federal office live, and its answer comes back live", async ({
  browser,
}) => {
  const tag = randomUUID().slice(0, 8);
  const title = `Crowd event policing, Broadview ${tag}`;
  const { page: federal } = await signedInAs(browser, "liaison@ice-ero-chicago.demo");
  const { page: sheriff } = await signedInAs(browser, "liaison@cook-sheriff.demo");

  await federal.goto("/inbox");
  await markNoReload(federal);

  // Beside the Broadview processing facility, ICE ERO's mapped boundary.
  const filed = await fileCircle(sheriff, {
    title,
    lat: 41.8578,
    lon: -87.8555,
    radiusM: 250,
    expectRecipient: "ICE Enforcement and Removal Operations, Chicago Field Office",
  });
  const item = federal.getByTestId("inbox-item").filter({ hasText: title });
  await Promise.all([filed.actionDone, item.waitFor({ timeout: 15_000 })]);
  await filed.id;
  await expectNotReloaded(federal);
  await expect(item.getByTestId("inbox-from")).toHaveText("Cook County Sheriff's Office");

  await sheriff.goto("/sent");
  const row = sheriff
    .getByTestId("sent-operation")
    .filter({ hasText: title })
    .getByTestId("sent-recipient")
    .filter({ hasText: "ICE Enforcement" });
  await row.getByRole("link").click();
  await expect(sheriff.getByTestId("not-acknowledged")).toBeVisible();
  await markNoReload(sheriff);

  await item.getByRole("link").click();
  await expect(federal.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await acknowledgeAndReply(federal, `Facility gate stays open to traffic ${tag}`);

  await expect(sheriff.getByTestId("acknowledged-by")).toBeVisible({ timeout: 5_000 });
  await expect(
    sheriff.getByTestId("thread-entry").filter({ hasText: `Facility gate stays open to traffic ${tag}` }),
  ).toBeVisible({ timeout: 5_000 });
  await expectNotReloaded(sheriff);
  await sheriff.goto("/sent");
  await expect(
    sheriff
      .getByTestId("sent-operation")
      .filter({ hasText: title })
      .getByTestId("sent-recipient")
      .filter({ hasText: "ICE Enforcement" })
      .getByTestId("sent-ack"),
  ).toContainText("Patrick Schmidt");
});
