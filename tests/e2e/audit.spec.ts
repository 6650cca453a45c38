// The audit log in real Chromium: an agency's auditor sees their own agency's events with times
// in the agency's zone, filters them, and passes axe; others find no audit page at all.
import { readFileSync } from "node:fs";
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

  test("shows exactly the agency's own events as sentences, newest first, in its time zone", async () => {
    await page.goto("/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(page.getByText("Times are shown in Central Time")).toBeVisible();
    const rows = page.getByTestId("audit-row");
    await expect(rows.first()).toBeVisible();
    const shown = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute("data-seq")));
    expect(shown).toEqual(await agencyEventSeqs(OWN, 50));
    // The auditor's own sign-in is the newest event, read as a sentence with their name.
    await expect(rows.first().getByTestId("audit-sentence")).toHaveText(
      `${await nameOf(`auditor@${OWN}.demo`)} signed in`,
    );
    for (const time of await page.getByTestId("audit-when").allTextContents()) expect(time).toMatch(/C[SD]T$/);
    const table = page.getByTestId("audit-table");
    await expect(table).not.toContainText("@cook-sheriff.demo");
    // Codes, ids and recorded data are folded away until asked for.
    const firstScreen = await table.innerText();
    expect(firstScreen).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(firstScreen).not.toContain("{");
    await rows.first().getByText("Details").click();
    await expect(rows.first()).toContainText("auth.signIn");
    await expectNoSeriousA11yViolations(page);
  });

  test("filters by action group, outcome, person and date, and says what it could not read", async () => {
    await page.goto("/audit?action=seed.user");
    const rows = page.getByTestId("audit-row");
    await expect(rows).toHaveCount(5);
    for (const action of await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute("data-action"))))
      expect(action).toBe("seed.user.create");
    await expect(page.getByTestId("audit-code-filter")).toContainText("seed.user");

    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await page.getByLabel("Action group").selectOption({ label: "Sign-in and sessions" });
    await page.getByLabel("Person").selectOption({ label: await personLabel(`auditor@${OWN}.demo`) });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/group=signIn/);
    await expect(rows.first()).toBeVisible();
    const name = await nameOf(`auditor@${OWN}.demo`);
    for (const action of await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute("data-action"))))
      expect(action).toMatch(/^auth\./);
    for (const sentence of await page.getByTestId("audit-sentence").allTextContents()) expect(sentence).toContain(name);

    await page.goto("/audit?outcome=DENIED&action=nothing.matches");
    await expect(page.getByTestId("audit-empty")).toHaveText("No events match these filters.");

    await page.goto("/audit?from=2000-01-01&to=2000-01-02");
    await expect(page.getByTestId("audit-empty")).toBeVisible();
    await page.goto("/audit?from=not-a-date&outcome=MAYBE");
    await expect(rows.first()).toBeVisible();
    await expect(page.getByTestId("list-issues")).toContainText("From (date)");
    await expect(page.getByTestId("list-issues")).toContainText("Outcome");
    await expectNoSeriousA11yViolations(page);
  });

  test("downloads the filtered view as CSV, and the download is itself in the log", async () => {
    await page.goto("/audit?group=people");
    const download = page.waitForEvent("download");
    await page.getByTestId("audit-export").click();
    const file = await download;
    const csv = readFileSync(await file.path(), "utf8");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe("seq,time_utc,time_local,person,event,action,record,outcome,request_id,source_ip,details");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toMatch(/,(seed\.user|user)\.[\w.]+,/);
    await page.goto("/audit?group=audit");
    await expect(page.getByTestId("audit-sentence").first()).toContainText("exported the audit log");
  });

  test("has no address that shows another agency's events", async () => {
    const { pool } = await e2eRun();
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'chief@cook-sheriff.demo'`);
    await page.goto(`/audit?actor=${rows[0].id}`);
    await expect(page.getByTestId("audit-empty")).toBeVisible();
    await expect(page.getByLabel("Person").locator("option", { hasText: "cook-sheriff" })).toHaveCount(0);
  });

  async function nameOf(email: string): Promise<string> {
    const { pool } = await e2eRun();
    const { rows } = await pool.query<{ name: string }>(`SELECT name FROM "User" WHERE email = $1`, [email]);
    return rows[0].name;
  }

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
