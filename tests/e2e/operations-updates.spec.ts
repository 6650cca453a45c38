// Operations that stay in touch after filing, in real Chromium: activating and completing reach
// every agency told of the operation (seen by signing in as them); an exigent operation's missing
// after-action account escalates once 72 hours pass on the test clock, and once written its hosts
// read it; a routine filing copied from an earlier one takes the area, the times and one click; the
// filing form fits a phone with the conflict check before the submit button.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun, serverNow, setServerClockOffset } from "./auth-fixtures";
import { utcToZonedWallTime } from "../../lib/i18n/format";
import {
  enterVertices,
  expectNoSeriousA11yViolations,
  expectNotFound,
  fileAndOpen,
  fillOperation,
  signedInPage,
  squareAround,
  wallTime,
  ZONE,
} from "./operations-fixtures";

test.afterAll(async () => {
  await closeE2eRun();
});

/** Inside DuPage County, well away from its borders: DuPage and the state police are the hosts. */
const WHEATON = { lat: 41.865, lon: -88.105 };

async function circle(page: Page, o: { lat: number; lon: number; radiusM: number }) {
  await page.getByTestId("area-shape-circle").check();
  await page.getByLabel("Centre latitude").fill(String(o.lat));
  await page.getByLabel("Centre longitude").fill(String(o.lon));
  await page.getByLabel("Radius (metres)").fill(String(o.radiusM));
  await expect(page.getByTestId("area-editor")).toHaveAttribute("data-area-status", "valid");
}

/** The recipient preview settled, with what each recipient will see. */
async function previewedRecipients(page: Page): Promise<Map<string, string>> {
  await expect(page.getByTestId("recipient-preview")).toHaveAttribute("data-state", "done");
  await expect(page.getByTestId("conflict-preview")).toHaveAttribute("data-state", "done");
  const out = new Map<string, string>();
  for (const r of await page.getByTestId("preview-recipient").all())
    out.set((await r.getAttribute("data-agency"))!, (await r.getByTestId("preview-sees").getAttribute("data-scope"))!);
  return out;
}

async function inboxItem(page: Page, title: string) {
  await page.goto("/inbox");
  return page.getByTestId("inbox-item").filter({ hasText: title });
}

test("activating and completing an operation send an update to every agency told, and to no other", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tag = randomUUID().slice(0, 8);
  const title = `Warrant service, Wheaton ${tag}`;
  const ice = await signedInPage(browser, "ice-ero-chicago", ["LIAISON"]);
  await ice.goto("/operations/new");
  await fillOperation(ice, { title, startsAt: await wallTime(ice, 3, 9), endsAt: await wallTime(ice, 3, 13) });
  await circle(ice, { ...WHEATON, radiusM: 400 });
  // The form says, per recipient, what each will see: the hosts, the full notice.
  const told = await previewedRecipients(ice);
  expect(told.get("DuPage County Sheriff's Office")).toBe("FULL");
  expect(told.get("Illinois State Police")).toBe("FULL");
  await expect(ice.getByTestId("preview-sees").first()).toContainText("Not your notes");
  const id = await fileAndOpen(ice);

  const dupage = await signedInPage(browser, "dupage-sheriff", ["CHIEF"]);
  const isp = await signedInPage(browser, "illinois-state-police", ["SUPERVISOR"]);
  const outsider = await signedInPage(browser, "cook-sheriff", ["CHIEF"]);
  await expect(await inboxItem(dupage, title)).toBeVisible();

  await ice.getByTestId("transition-ACTIVATE").click();
  await expect(ice.getByTestId("operation-status")).toHaveAttribute("data-status", "ACTIVE");
  const activeItem = await inboxItem(dupage, title);
  await expect(activeItem.getByTestId("badge-operation-status")).toHaveText("Now under way");
  await expect(activeItem).toContainText("Updated notice");

  await ice.getByTestId("transition-COMPLETE").click();
  await expect(ice.getByTestId("operation-status")).toHaveAttribute("data-status", "COMPLETED");
  for (const recipient of [dupage, isp]) {
    const item = await inboxItem(recipient, title);
    await expect(item).toHaveCount(1);
    await expect(item.getByTestId("badge-operation-status")).toHaveText("Completed");
    await expectNoSeriousA11yViolations(recipient);
    await item.getByRole("link").click();
    await expect(recipient.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(recipient.getByTestId("badge-operation-status")).toHaveText("Completed");
    // A completion asks nothing of anyone.
    await expect(recipient.getByTestId("ack-panel")).toContainText("No acknowledgment needed");
    await expectNoSeriousA11yViolations(recipient);
  }
  // An agency never told of it hears nothing of its progress either.
  await expect(await inboxItem(outsider, title)).toHaveCount(0);
  await outsider.goto(`/operations/${id}`);
  await expectNotFound(outsider);
});

test("an exigent operation's after-action account escalates once 72 hours pass without it, and once written its hosts read it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tag = randomUUID().slice(0, 8);
  const title = `Pursuit ending, Wheaton ${tag}`;
  const ice = await signedInPage(browser, "ice-ero-chicago", ["LIAISON"]);
  const now = await serverNow(ice.request);
  await ice.goto("/operations/new");
  const soon = (h: number) => utcToZonedWallTime(new Date(now.getTime() + h * 3_600_000), ZONE);
  await fillOperation(ice, { title, startsAt: soon(1), endsAt: soon(3) });
  await circle(ice, { ...WHEATON, radiusM: 300 });
  await expect(ice.getByTestId("exigent-fields")).toBeVisible();
  await ice.getByLabel("Reason notice could not come first").selectOption("HOT_PURSUIT");
  await ice.getByLabel("Commander who approved (name and rank)").fill("ASAC Robert Chen");
  await ice.getByLabel("The commander named above approved filing this after the fact.").check();
  await previewedRecipients(ice);
  const id = await fileAndOpen(ice);
  const panel = ice.getByTestId("after-action");
  await expect(panel).toHaveAttribute("data-state", "DUE");
  await expect(ice.getByTestId("after-action-due")).toContainText("After-action account due by");
  await expectNoSeriousA11yViolations(ice);

  try {
    // 86 hours on: past the deadline (72 h), and past the chief's step (12 h later). Everyone signs in afresh.
    await setServerClockOffset(ice.request, 86 * 3_600_000);
    const late = await signedInPage(browser, "ice-ero-chicago", ["SUPERVISOR"]);
    await late.goto(`/operations/${id}`);
    const overdue = late.getByTestId("after-action");
    await expect(overdue).toHaveAttribute("data-state", "OVERDUE");
    await expect(async () => {
      await late.reload();
      await expect(late.getByTestId("after-action-escalations")).toContainText("Escalated to the chief", {
        timeout: 1_000,
      });
    }).toPass({ timeout: 30_000 });
    await expect(late.getByTestId("after-action-escalations")).toContainText("Escalated to supervisors");
    await expectNoSeriousA11yViolations(late);

    // Written at last: what happened, why no notice, and who was called.
    const what = `Pursuit ended on Roosevelt Road ${tag}; one arrest, no injuries.`;
    await late.getByLabel("What happened").fill(what);
    await late
      .getByLabel("Why notice could not be given in advance")
      .fill("The pursuit began eleven minutes before the stop.");
    await late.locator('[data-testid="called-agency"][data-agency="DuPage County Sheriff\'s Office"]').check();
    await late.getByLabel("Others contacted by phone").fill("Wheaton PD watch commander");
    await late.getByTestId("file-after-action").click();
    await expect(overdue).toHaveAttribute("data-state", "FILED");
    await expect(late.getByTestId("after-action-contacts")).toContainText("Wheaton PD watch commander");

    // The host reads it on its notice, with a record in the thread.
    const host = await signedInPage(browser, "dupage-sheriff", ["LIAISON"]);
    const item = await inboxItem(host, title);
    await item.getByRole("link").click();
    await expect(host.getByTestId("shared-after-action")).toContainText(what);
    await expect(host.getByTestId("after-action-contacts")).toContainText("DuPage County Sheriff's Office");
    await expect(host.getByTestId("thread-entry").filter({ hasText: "Wrote the after-action account" })).toBeVisible();
    await expectNoSeriousA11yViolations(host);
  } finally {
    await setServerClockOffset(ice.request, 0);
  }
});

test("a routine filing copied from an earlier one takes the area, the times and one click; the form fits a phone", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tag = randomUUID().slice(0, 8);
  const title = `Weekly warrant sweep ${tag}`;
  const ice = await signedInPage(browser, "ice-ero-chicago", ["LIAISON"]);

  // The person's defaults, saved from the account page, fill a blank filing.
  await ice.goto("/account");
  await ice.getByRole("textbox", { name: "Incident commander" }).fill(`SDDO Curtis Langley ${tag}`);
  await ice.getByRole("textbox", { name: "Commander's 24/7 phone" }).fill("+1 312 555 0148");
  await ice.getByTestId("save-filing-defaults").click();
  await expect(ice.getByTestId("filing-defaults-saved")).toHaveText("Saved.");
  await expectNoSeriousA11yViolations(ice);
  await ice.goto("/operations/new");
  await expect(ice.getByLabel("Incident commander", { exact: true })).toHaveValue(`SDDO Curtis Langley ${tag}`);

  // The first filing, in full.
  await fillOperation(ice, {
    title,
    startsAt: await wallTime(ice, 5, 6),
    endsAt: await wallTime(ice, 5, 9),
    commander: `SSA Holly Kwan ${tag}`,
  });
  await ice.getByLabel("Radio channel", { exact: true }).fill("ERO TAC 1");
  await enterVertices(ice, squareAround(WHEATON.lat, WHEATON.lon, 0.4));
  await ice.getByTestId("remember-defaults").check();
  await previewedRecipients(ice);
  const first = await fileAndOpen(ice);
  // "Remember these" replaced the saved defaults with this filing's.
  await ice.goto("/operations/new");
  await expect(ice.getByLabel("Incident commander", { exact: true })).toHaveValue(`SSA Holly Kwan ${tag}`);
  await expect(ice.getByLabel("Radio channel", { exact: true })).toHaveValue("ERO TAC 1");
  await ice.goto(`/operations/${first}`);

  // Next week's: from the operation page, only the area, the times and the submit click.
  await ice.getByTestId("file-similar").click();
  await expect(ice.getByLabel("Title", { exact: true })).toHaveValue(title);
  let fields = 0;
  let clicks = 0;
  await enterVertices(ice, squareAround(WHEATON.lat + 0.01, WHEATON.lon, 0.4));
  fields++;
  await ice.getByLabel("Starts", { exact: true }).fill(await wallTime(ice, 12, 6));
  fields++;
  await ice.getByLabel("Ends", { exact: true }).fill(await wallTime(ice, 12, 9));
  fields++;
  await previewedRecipients(ice);
  const second = fileAndOpen(ice);
  clicks++;
  const id = await second;
  expect([fields, clicks]).toEqual([3, 1]);
  expect(id).not.toBe(first);
  await expect(ice.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(ice.getByTestId("operation-status")).toHaveAttribute("data-status", "PLANNED");
  await expect(ice.locator("body")).toContainText(`SSA Holly Kwan ${tag}`);
  await expect(ice.locator("body")).toContainText("ERO TAC 1");

  // Another agency cannot start from it.
  const cook = await signedInPage(browser, "cook-sheriff", ["LIAISON"]);
  await cook.goto(`/operations/new?from=${first}`);
  await expectNotFound(cook);

  // On a 390×844 phone the form does not overflow, and the conflict check comes before the submit button.
  await ice.setViewportSize({ width: 390, height: 844 });
  await ice.goto(`/operations/new?from=${first}`);
  await expect(ice.getByTestId("operation-form")).toBeVisible();
  expect(await ice.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const check = (await ice.getByTestId("conflict-preview").boundingBox())!;
  const submit = (await ice.getByTestId("file-operation").boundingBox())!;
  expect(check.y).toBeLessThan(submit.y);
  await expectNoSeriousA11yViolations(ice);
});
