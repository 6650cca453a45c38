// The long lists in real Chromium: a filtered, searched, second-page inbox URL reopens the same
// view in a fresh browser; the filter form works without JavaScript; a bad value in the URL is a
// message, not an error page; another agency's user gets nothing from the same URL; and every list
// page and the audit log pass axe.
import { randomBytes } from "node:crypto";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun, e2eRun } from "./auth-fixtures";
import { expectNoSeriousA11yViolations, signedInAs } from "./support/sign-in";

const TAG = randomBytes(3).toString("hex");
const TITLE = `Lists patrol ${TAG}`;

// Several pages, several browsers and an axe scan each: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 });

test.afterAll(async () => {
  await closeE2eRun();
});

/** 90 notices from Chicago PD to Cook County, many sharing a send time; every fourth an assistance request. Once per run tag. */
async function seedInbox(): Promise<void> {
  const { pool } = await e2eRun();
  await pool.query(
    `INSERT INTO "Notice" (id, ref, "threadId", kind, "operationId", "senderAgencyId", "recipientAgencyId", reasons, "sentAt", "operationVersion", "startsAt", "endsAt", content, "leadMinutes", "requiredLeadHours", late, title)
     SELECT gen_random_uuid(), 'N-E2E-' || $1 || '-' || lpad(i::text, 3, '0'), gen_random_uuid(),
            (CASE WHEN i % 4 = 0 THEN 'ASSISTANCE_REQUEST' ELSE 'ADVANCE' END)::"NoticeKind", gen_random_uuid(),
            (SELECT id FROM "Agency" WHERE slug = 'chicago-pd'), (SELECT id FROM "Agency" WHERE slug = 'cook-sheriff'), ARRAY['HOST'],
            now() - (i / 3) * interval '1 hour', 1, now() + interval '2 days', now() + interval '2 days 4 hours',
            jsonb_build_object('scope', 'FULL', 'operationRef', 'OP-E2E-' || i,
              'startsAt', to_char((now() + interval '2 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
              'endsAt', to_char((now() + interval '2 days 4 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
              'sender', jsonb_build_object('name', 'Chicago Police Department', 'shortName', 'Chicago PD', 'slug', 'chicago-pd', 'phone24x7', '+1 312 555 0100'),
              'contact', jsonb_build_object('leadAgencyName', 'Chicago PD', 'commanderName', 'Cmdr. Test', 'commanderPhone', '+1 312 555 0101'),
              'operation', jsonb_build_object('type', 'SURVEILLANCE', 'title', $2 || ' #' || i, 'commsPlan', 'Radio', 'radioChannel', null, 'talkgroup', null, 'interopChannel', null, 'riskFlags', '[]'::jsonb),
              'conflicts', '[]'::jsonb),
            2880, 24, false, $2 || ' #' || i
     FROM generate_series(1, 90) AS i
     ON CONFLICT (ref) DO NOTHING`,
    [TAG, TITLE],
  );
}

const shownIds = (page: Page) =>
  page.getByTestId("inbox-item").evaluateAll((items) => items.map((i) => i.getAttribute("data-notice-id")));

test("a filtered, searched second page of the inbox reopens the same in a fresh browser, and only for its agency", async ({
  browser,
}) => {
  await seedInbox();
  const first = await signedInAs(browser, "chief@cook-sheriff.demo");
  const page = first.page;
  await page.goto("/inbox");
  await page.getByLabel("Search titles and references").fill(TITLE.toLowerCase());
  await page.getByLabel("Kind").selectOption({ label: "Advance notice" });
  await page.getByLabel("From agency").selectOption({ label: "Chicago Police Department" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=lists\+patrol/);
  const firstPage = await shownIds(page);
  expect(firstPage).toHaveLength(25);
  await page.getByTestId("pager-older").click();
  await expect(page).toHaveURL(/after=/, { timeout: 30_000 });
  await expect(page.getByTestId("inbox-item").first()).toBeVisible();
  const secondPage = await shownIds(page);
  expect(secondPage).toHaveLength(25);
  expect(secondPage.some((id) => firstPage.includes(id))).toBe(false);
  for (const title of await page.getByTestId("inbox-item").locator("h2").allTextContents())
    expect(title).toContain(TITLE);
  await expectNoSeriousA11yViolations(page);
  const url = page.url();
  await first.context.close();

  const fresh = await signedInAs(browser, "chief@cook-sheriff.demo");
  await fresh.page.goto(url);
  await expect(fresh.page.getByTestId("inbox-item").first()).toBeVisible();
  expect(await shownIds(fresh.page)).toEqual(secondPage);
  await expect(fresh.page.getByLabel("Search titles and references")).toHaveValue(TITLE.toLowerCase());
  await expect(fresh.page.getByLabel("Kind")).toHaveValue("ADVANCE");
  // Back to the newer page: exactly the first one.
  await fresh.page.getByTestId("pager-newer").click();
  await expect(fresh.page).toHaveURL(/before=/, { timeout: 30_000 });
  await expect.poll(() => shownIds(fresh.page)).toEqual(firstPage);
  await fresh.context.close();

  // Another agency's chief, given the same link: none of Cook's notices.
  const other = await signedInAs(browser, "chief@will-sheriff.demo");
  await other.page.goto(url.replace(/&?after=[^&]*/, ""));
  await expect(other.page.getByTestId("inbox-empty")).toBeVisible();
  await other.context.close();
});

test("the filter form works without JavaScript, and a bad value is named, not an error", async ({ browser }) => {
  await seedInbox();
  const signed = await signedInAs(browser, "chief@cook-sheriff.demo");
  const state = await signed.context.storageState();
  await signed.context.close();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: state, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/inbox");
  await page.getByLabel("Search titles and references").fill(TITLE);
  await page.getByLabel("Needs my action").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=1/);
  await expect(page.getByTestId("inbox-item").first()).toBeVisible();
  for (const badge of await page
    .getByTestId("inbox-item")
    .evaluateAll((items) => items.map((i) => i.textContent ?? "")))
    expect(badge).toContain("Needs your action");

  const response = await page.goto("/inbox?from=2027-02-31&after=garbage&kind=ADVANCE");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("list-issues")).toContainText("From (date)");
  await expect(page.getByTestId("list-issues")).toContainText("Page");
  await context.close();
});

test("every list page and the audit log pass axe, filtered and not", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "chief@cook-sheriff.demo");
  for (const path of [
    "/inbox",
    "/sent",
    "/sent?action=1&status=AWAITING_ACK",
    "/conflicts",
    "/conflicts?status=OPEN&action=1",
    "/operations",
    "/operations?q=warrant&from=2020-01-01",
  ]) {
    await page.goto(path);
    await expect(page.getByTestId("list-filters")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
  await context.close();
  const auditor = await signedInAs(browser, "auditor@cook-sheriff.demo");
  for (const path of ["/audit", "/audit?group=notices", "/audit?from=nope"]) {
    await auditor.page.goto(path);
    await expect(auditor.page.getByTestId("audit-filters")).toBeVisible();
    await expectNoSeriousA11yViolations(auditor.page);
  }
  await auditor.context.close();
});
