// The audit log in real Chromium: an agency's auditor sees their own agency's events with times
// in the agency's zone, filters them, and passes axe; others find no audit page at all.
import { type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun, e2eRun } from "./auth-fixtures";
import { expectNoSeriousA11yViolations, expectNotFound, signedInAs } from "./support/sign-in";

const OWN = "livingston-sheriff";

async function agencyEventSeqs(slug: string, limit: number): Promise<string[]> {
  const { pool } = await e2eRun();
  const { rows } = await pool.query<{ seq: string }>(
    `SELECT e.seq::text AS seq FROM "AuditEvent" e JOIN "Agency" a ON a.id = e."agencyId" WHERE a.slug = $1 ORDER BY e.seq DESC LIMIT $2`,
    [slug, limit],
  );
  return rows.map((r) => r.seq);
}

test.afterAll(async () => {
  await closeE2eRun();
});

test.describe.serial("audit log", () => {
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    ({ context, page } = await signedInAs(browser, `auditor@${OWN}.demo`));
  });

  test.afterAll(async () => {
    await context?.close();
  });

  test("shows exactly the agency's own events, newest first, in its time zone", async () => {
    await page.goto("/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(page.getByText("Times are shown in Central Time")).toBeVisible();
    const rows = page.getByTestId("audit-row");
    await expect(rows.first()).toBeVisible();
    const shown = await rows.locator("td:first-child").allTextContents();
    expect(shown).toEqual(await agencyEventSeqs(OWN, 50));
    // The auditor's own sign-in is the newest event.
    await expect(rows.first()).toContainText("auth.signIn");
    await expect(rows.first()).toContainText(`auditor@${OWN}.demo`);
    for (const time of await rows.locator("td:nth-child(2)").allTextContents()) expect(time).toMatch(/C[SD]T$/);
    await expect(page.getByTestId("audit-table")).not.toContainText("@cook-sheriff.demo");
    await expectNoSeriousA11yViolations(page);
  });

  test("filters by action, outcome, person and date", async () => {
    await page.goto("/audit");
    await page.getByLabel("Action starts with").fill("seed.user");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/action=seed\.user/);
    const rows = page.getByTestId("audit-row");
    await expect(rows).toHaveCount(5);
    for (const action of await rows.locator("td:nth-child(4)").allTextContents()) expect(action).toBe("seed.user.create");

    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByLabel("Action starts with")).toHaveValue("");
    await page.getByLabel("Person").selectOption({ label: await personLabel(`auditor@${OWN}.demo`) });
    await page.getByRole("button", { name: "Apply filters" }).click();
    for (const who of await rows.locator("td:nth-child(3)").allTextContents()) expect(who).toBe(`auditor@${OWN}.demo`);

    await page.goto("/audit?outcome=DENIED&action=nothing.matches");
    await expect(page.getByTestId("audit-empty")).toHaveText("No events match these filters.");

    await page.goto("/audit?from=2000-01-01&to=2000-01-02");
    await expect(page.getByTestId("audit-empty")).toBeVisible();
    await page.goto("/audit?from=not-a-date&outcome=MAYBE");
    await expect(rows.first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("has no address that shows another agency's events", async () => {
    const { pool } = await e2eRun();
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'chief@cook-sheriff.demo'`);
    await page.goto(`/audit?actor=${rows[0].id}`);
    await expect(page.getByTestId("audit-empty")).toBeVisible();
    await expect(page.getByLabel("Person").locator("option", { hasText: "cook-sheriff" })).toHaveCount(0);
  });

  async function personLabel(email: string): Promise<string> {
    const options = await page.getByLabel("Person").locator("option").allTextContents();
    return options.find((o) => o.includes(email))!;
  }
});

test("an agency admin reads the audit log too; a liaison finds no audit page", async ({ browser }) => {
  const admin = await signedInAs(browser, `admin@${OWN}.demo`);
  await admin.page.goto("/audit");
  await expect(admin.page.getByTestId("audit-row").first()).toBeVisible();
  await admin.context.close();

  const liaison = await signedInAs(browser, `liaison@${OWN}.demo`);
  const response = await liaison.page.goto("/audit");
  expect(response?.status()).toBe(404);
  await expectNotFound(liaison.page);
  await liaison.context.close();
});
