// The two-sided conflict loop in real Chromium, with two agencies' supervisors in their own
// browser contexts: a conflict appears in both queues without a reload; the sheriff's supervisor
// acknowledges and proposes an outcome; the police supervisor sees both live on the open conflict
// page and confirms; the sheriff's page turns resolved live. Every email goes over SMTP to the run's
// real mail peer (global setup), which the spec reads. A supervisor on another page gets a live
// alert; an unacknowledged conflict escalates to the supervisors first (the test clock moves it on). Axe on the queue and the conflict page, in
// English and Spanish; a third agency gets not found.
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun, createThrowawayUser, setServerClockOffset, signIn } from "./auth-fixtures";
import {
  enterVertices,
  expectNoSeriousA11yViolations,
  expectNotFound,
  fileAndOpen,
  fillOperation,
  signedInPage,
  squareAround,
  wallTime,
} from "./operations-fixtures";
import { waitForMail } from "./support/mail-peer";

// Two agencies' browsers, filings, live updates and email on a shared two-core machine.
test.setTimeout(300_000);

test.afterAll(async () => {
  await closeE2eRun();
});

type Supervisor = { page: Page; email: string };

async function supervisor(browser: Browser, agencySlug: string): Promise<Supervisor> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const account = await createThrowawayUser({ agencySlug, roles: ["SUPERVISOR"] });
  await signIn(page, { email: account.email, password: account.password, secret: account.secret! });
  return { page, email: account.email };
}

/** Opens a page and waits for its live connection, then marks the document so a reload would show. */
async function openLive(page: Page, path: string): Promise<void> {
  const live = page.waitForResponse((r) => r.url().includes("/api/events") && r.status() === 200);
  await page.goto(path);
  await live;
  await page.evaluate(() => ((window as unknown as { __cgNoReload: boolean }).__cgNoReload = true));
}

async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __cgNoReload?: boolean }).__cgNoReload === true)).toBe(true);
}

/** Files an operation from a second tab of the supervisor's own session. */
async function fileFrom(
  s: Supervisor,
  o: {
    title: string;
    day: number;
    from: number;
    to: number;
    lat: number;
    lon: number;
    commander: string;
    phone: string;
  },
): Promise<void> {
  const tab = await s.page.context().newPage();
  await tab.goto("/operations/new");
  await fillOperation(tab, {
    title: o.title,
    startsAt: await wallTime(tab, o.day, o.from),
    endsAt: await wallTime(tab, o.day, o.to),
    commander: o.commander,
    phone: o.phone,
  });
  await enterVertices(tab, squareAround(o.lat, o.lon, 0.4));
  await fileAndOpen(tab);
  await tab.close();
}

test("a conflict reaches both supervisors live; one side acknowledges and proposes, the other confirms; both are emailed", async ({
  browser,
}) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const lat = 41.79 + Math.random() * 0.01;
  const lon = -87.66;
  const cpdTitle = `Lakefront detail ${tag}`;
  const cookTitle = `Warrant service ${tag}`;
  const cpd = await supervisor(browser, "chicago-pd");
  const cook = await supervisor(browser, "cook-sheriff");
  await openLive(cpd.page, "/conflicts");
  await openLive(cook.page, "/conflicts");

  // Two overlapping filings: the second one finds the conflict.
  await fileFrom(cpd, {
    title: cpdTitle,
    day: 9,
    from: 9,
    to: 15,
    lat,
    lon,
    commander: "Sgt. Lena Ortiz",
    phone: "+1 312-555-0188",
  });
  await fileFrom(cook, {
    title: cookTitle,
    day: 9,
    from: 10,
    to: 12,
    lat: lat + 0.001,
    lon,
    commander: "Lt. Sam Reyes",
    phone: "+1 773-555-0199",
  });

  // It appears in both queues, without a reload.
  const cpdRow = cpd.page.getByTestId("conflict-row").filter({ hasText: cpdTitle });
  const cookRow = cook.page.getByTestId("conflict-row").filter({ hasText: cookTitle });
  await expect(cpdRow).toBeVisible({ timeout: 10_000 });
  await expect(cookRow).toBeVisible({ timeout: 10_000 });
  await expect(cookRow).toContainText("Chicago Police Department");
  await expectNotReloaded(cpd.page);
  await expectNotReloaded(cook.page);
  await expectNoSeriousA11yViolations(cook.page);

  // Both supervisors are emailed, with a link to the conflict page.
  await cookRow.getByTestId("conflict-link").click();
  await cook.page.waitForURL(/\/conflicts\/[0-9a-f-]{36}$/);
  const conflictPath = new URL(cook.page.url()).pathname;
  for (const s of [cook, cpd]) {
    const found = await waitForMail(
      s.email,
      (m) => m.subject.includes("Conflict found") && m.text.includes(conflictPath),
    );
    expect(found.text).not.toContain(s === cook ? cpdTitle : cookTitle);
  }

  // The police supervisor keeps the conflict page open.
  await openLive(cpd.page, conflictPath);
  await expect(cpd.page.getByTestId("ack-callout")).toBeVisible();

  // The sheriff's supervisor acknowledges, then proposes an outcome.
  await expect(cook.page.getByTestId("ack-callout")).toBeVisible();
  await cook.page.getByTestId("acknowledge").click();
  await expect(cook.page.getByTestId("ack-own")).toContainText("Acknowledged by E2E Test User");
  await expect(cpd.page.getByTestId("ack-counterpart")).toContainText("Acknowledged by E2E Test User", {
    timeout: 5_000,
  });
  await cook.page.getByRole("combobox", { name: "Outcome", exact: true }).selectOption("PROCEED_SEPARATELY");
  await cook.page.getByRole("textbox", { name: "Note", exact: true }).fill(`Staging moved two blocks north ${tag}.`);
  await cook.page.getByTestId("propose").click();
  await expect(cook.page.getByTestId("conflict-proposal")).toHaveAttribute("data-by", "OWN");

  // The police side sees the proposal live, and confirms it.
  const proposal = cpd.page.getByTestId("conflict-proposal");
  await expect(proposal).toHaveAttribute("data-by", "OTHER", { timeout: 5_000 });
  await expect(proposal).toContainText("Proceed separately");
  await expect(proposal).toContainText(`Staging moved two blocks north ${tag}.`);
  await expectNotReloaded(cpd.page);
  await expectNoSeriousA11yViolations(cpd.page);
  await cpd.page.getByTestId("confirm").click();
  await expect(cpd.page.getByTestId("conflict-status")).toHaveAttribute("data-status", "RESOLVED");
  await expect(cpd.page.getByTestId("conflict-outcome")).toContainText("Proceed separately");
  // Confirming acknowledged the police side, and with it the notice the sheriff's filing sent it.
  await expect(cpd.page.getByTestId("ack-own")).toContainText("Acknowledged by E2E Test User");
  await expect(cpd.page.getByTestId("conflict-notice").first().getByTestId("conflict-notice-ack")).toContainText(
    "Acknowledged by E2E Test User",
  );
  // That notice links back to the conflict, and names the police operation it overlaps.
  await cpd.page.getByTestId("conflict-notice").first().getByRole("link").click();
  await cpd.page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
  await expect(cpd.page.getByTestId("notice-conflict-link")).toHaveAttribute("href", conflictPath);
  await expect(cpd.page.getByTestId("notice-own-operation")).toContainText(cpdTitle);
  await expect(cpd.page.getByTestId("acknowledged-by")).toContainText("E2E Test User");

  // The sheriff's page turns resolved live, with both sides' steps on record.
  await expect(cook.page.getByTestId("conflict-status")).toHaveAttribute("data-status", "RESOLVED", { timeout: 5_000 });
  await expect(cook.page.getByTestId("conflict-outcome")).toContainText(
    "Confirmed by E2E Test User of Chicago Police Department",
  );
  await expect(cook.page.getByTestId("history-entry")).toHaveCount(4);
  await expectNotReloaded(cook.page);
  await expectNoSeriousA11yViolations(cook.page);

  // Each step reached the other side by email.
  await waitForMail(cpd.email, (m) => m.subject.includes("proposes an outcome") && m.text.includes(conflictPath));
  await waitForMail(
    cook.email,
    (m) => m.subject.includes("resolved: Proceed separately") && m.text.includes(conflictPath),
  );

  // The same page and the queue in Spanish, also accessible.
  await cook.page.getByTestId("language-switch").selectOption("es");
  await expect(
    cook.page.getByRole("heading", { level: 1, name: "Conflicto con Chicago Police Department" }),
  ).toBeVisible();
  await expect(cook.page.getByTestId("reopen-form")).toContainText("Reabrir este conflicto");
  await expectNoSeriousA11yViolations(cook.page);
  await cook.page.goto("/conflicts");
  await expect(cook.page.getByRole("heading", { level: 1, name: "Conflictos" })).toBeVisible();
  await expectNoSeriousA11yViolations(cook.page);
  await cook.page.getByTestId("language-switch").selectOption("en");
  await expect(cook.page.locator("html")).toHaveAttribute("lang", "en");

  // A third agency cannot reach it.
  const dupage = await signedInPage(browser, "dupage-sheriff", ["SUPERVISOR"]);
  await dupage.goto(conflictPath);
  await expectNotFound(dupage);
  await expect(dupage.locator("body")).not.toContainText("Lt. Sam Reyes");
});

test("a supervisor elsewhere in the app is alerted live; an unacknowledged conflict escalates to the supervisors first", async ({
  browser,
}) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const lat = 41.805 + Math.random() * 0.01;
  const lon = -87.72;
  const cpd = await supervisor(browser, "chicago-pd");
  const cook = await supervisor(browser, "cook-sheriff");
  await fileFrom(cpd, {
    title: `Night patrol ${tag}`,
    day: 10,
    from: 20,
    to: 23,
    lat,
    lon,
    commander: "Sgt. Lena Ortiz",
    phone: "+1 312-555-0188",
  });
  // Elsewhere in the app, the police supervisor is alerted live when the sheriff's filing finds the conflict.
  await openLive(cpd.page, "/operations");
  await fileFrom(cook, {
    title: `Fugitive search ${tag}`,
    day: 10,
    from: 21,
    to: 22,
    lat: lat + 0.001,
    lon,
    commander: "Lt. Sam Reyes",
    phone: "+1 773-555-0199",
  });
  const alert = cpd.page.getByTestId("conflict-alert");
  await expect(alert).toBeVisible({ timeout: 10_000 });
  await expectNotReloaded(cpd.page);
  await alert.getByRole("link", { name: "Open the conflict" }).click();
  await cpd.page.waitForURL(/\/conflicts\/[0-9a-f-]{36}$/);
  await expect(cpd.page.getByTestId("own-operation-link")).toContainText(`Night patrol ${tag}`);
  const conflictPath = new URL(cpd.page.url()).pathname;

  // Nobody acknowledges; the server's clock moves past the first escalation step (and no further).
  try {
    await setServerClockOffset(cook.page.request, 6 * 3_600_000);
    for (const s of [cook, cpd]) {
      const escalated = await waitForMail(
        s.email,
        (m) => m.subject.includes("Not acknowledged") && m.text.includes(conflictPath),
        30_000,
      );
      expect(escalated.text).toContain("as your agency's supervisor");
    }
  } finally {
    await setServerClockOffset(cook.page.request, 0);
  }
});

test("a host agency notified of two colliding operations sees that they collide, and no more", async ({ browser }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const lat = 41.76 + Math.random() * 0.04;
  const lon = -87.62;
  const ice = await supervisor(browser, "ice-ero-chicago");
  const cook = await supervisor(browser, "cook-sheriff");
  await fileFrom(ice, {
    title: `Federal surveillance ${tag}`,
    day: 11,
    from: 8,
    to: 14,
    lat,
    lon,
    commander: "SA Ruth Okafor",
    phone: "+1 312-555-0144",
  });
  await fileFrom(cook, {
    title: `Sheriff warrant ${tag}`,
    day: 11,
    from: 9,
    to: 11,
    lat: lat + 0.001,
    lon,
    commander: "Lt. Sam Reyes",
    phone: "+1 773-555-0199",
  });

  // The city police, host of both, open the sheriff's notice: it names the collision.
  const cpd = await supervisor(browser, "chicago-pd");
  await cpd.page.goto("/inbox");
  await cpd.page
    .getByTestId("inbox-item")
    .filter({ hasText: `Sheriff warrant ${tag}` })
    .getByRole("link")
    .first()
    .click();
  // (A retry's operations may collide with an earlier attempt's too: this run's is the one named.)
  const collision = cpd.page.getByTestId("notice-collision").filter({ hasText: `Federal surveillance ${tag}` });
  await expect(collision).toBeVisible();
  await collision.getByRole("link").click();
  await cpd.page.waitForURL(/\/conflicts\/[0-9a-f-]{36}$/);
  const view = cpd.page.getByTestId("host-conflict");
  await expect(view.getByTestId("host-conflict-notice")).toHaveCount(2);
  await expect(view.getByTestId("host-conflict-window")).toContainText("09:00");
  // Read-only, and nothing of the conflict record itself.
  for (const id of ["acknowledge", "propose-form", "counterpart-contact", "conflict-facts", "conflict-history"])
    await expect(cpd.page.getByTestId(id)).toHaveCount(0);
  await expectNoSeriousA11yViolations(cpd.page);

  // An agency without both notices gets not found.
  const dupage = await signedInPage(browser, "dupage-sheriff", ["SUPERVISOR"]);
  await dupage.goto(new URL(cpd.page.url()).pathname);
  await expectNotFound(dupage);
});
