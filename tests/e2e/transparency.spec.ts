// The public record in real Chromium, signed out, on a phone-sized screen: the overview's map and
// figures, an agency's page with its statement, policy, 287(g) agreement, charts (each with its
// table) and report tables, a policy's history with what changed, the CSV/JSON downloads and the
// feed, in English and in Spanish, each page type scanned for accessibility. Then the record's
// life: an admin drafts a policy and a 287(g) agreement, a liaison cannot publish, the chief does
// and the public page shows it at once; a new version keeps the old one readable; another
// agency's admin cannot reach the drafts.
import { createPublicKey, verify } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun } from "./auth-fixtures";
import { expectNoSeriousA11yViolations, expectNotFound, signedInAs } from "./support/sign-in";

test.afterAll(async () => {
  await closeE2eRun();
});

const PHONE = { width: 390, height: 844 };
// Many pages and several sign-ins each, on a shared two-core machine.
test.describe.configure({ timeout: 240_000 });

async function publicPage(browser: Browser, locale = "en-US"): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale, isMobile: true, hasTouch: true });
  return context.newPage();
}

async function expectFitsPhone(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

async function expectChartsHaveTables(page: Page, atLeast: number): Promise<void> {
  const charts = page.getByTestId("chart");
  expect(await charts.count()).toBeGreaterThanOrEqual(atLeast);
  for (const chart of await charts.all()) {
    await expect(chart.locator("svg[role=img]")).toBeVisible();
    await expect(chart.getByTestId("chart-table").locator("tbody tr").first()).toBeVisible();
    await expect(chart.getByTestId("chart-summary")).not.toBeEmpty();
  }
}

test("signed out on a phone: overview map, agency page, policy history with its diff, downloads and feed, in English", async ({
  browser,
}) => {
  const page = await publicPage(browser);
  await page.goto("/transparency?lang=en");
  await expect(
    page.getByRole("heading", { level: 1, name: "Local agencies and federal immigration requests" }),
  ).toBeVisible();
  await expect(page.getByTestId("transparency-map")).toBeVisible();
  await expect(page.getByTestId("map-kankakee-sheriff")).toHaveAttribute(
    "aria-label",
    /287\(g\) Active; current policy published/,
  );
  await expect(page.getByTestId("map-iroquois-sheriff")).toHaveAttribute(
    "aria-label",
    /No agreement; no policy published/,
  );
  await expect(page.getByTestId("headline")).toContainText("Requests received");
  await expectFitsPhone(page);
  await expectNoSeriousA11yViolations(page);

  await page.getByTestId("agency-list").getByRole("link", { name: "DuPage County Sheriff's Office" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "DuPage County Sheriff's Office" })).toBeVisible();
  await expect(page.getByTestId("statement")).toContainText("We do not");
  await expect(page.getByTestId("agreement-status")).toHaveText("No agreement");
  await expect(page.getByTestId("policies")).toContainText("Immigration detainers and federal requests");
  await expectChartsHaveTables(page, 3);
  const reports = page.getByTestId("report");
  expect(await reports.count()).toBeGreaterThanOrEqual(3);
  await expect(reports.first().locator("table tbody tr").first()).toBeVisible();
  await expectFitsPhone(page);
  await expectNoSeriousA11yViolations(page);

  // The downloads the page links to: the frozen published reports, in the documented formats.
  const csvHref = await reports
    .first()
    .getByRole("link", { name: /^CSV for/ })
    .getAttribute("href");
  const jsonHref = await reports
    .first()
    .getByRole("link", { name: /^JSON for/ })
    .getAttribute("href");
  expect(csvHref).toMatch(/^\/transparency\/dupage-sheriff\/reports\/\d{4}-Q[1-4]\.csv$/);
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toBe("figure,value");
  const json = await page.request.get(jsonHref!);
  expect(json.status()).toBe(200);
  const body = (await json.json()) as {
    schema: string;
    publishedAt: string | null;
    figures: { requests: number | string };
  };
  expect(body.schema).toBe("common-ground/federal-request-report/v1");
  expect(body.publishedAt).not.toBeNull();
  expect((await page.request.get("/transparency/dupage-sheriff/reports/2031-Q1.json")).status()).toBe(404);
  const feed = await page.request.get("/transparency/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');

  await page.getByTestId("policies").getByRole("link", { name: "Immigration detainers and federal requests" }).click();
  await expect(page.getByTestId("version-line")).toContainText("Version 2 of 2");
  await expect(page.getByTestId("document-text")).toContainText("notifies the person's counsel before any interview");
  const changed = page.getByTestId("what-changed");
  await expect(changed.getByRole("heading", { name: "What changed from version 1 to version 2" })).toBeVisible();
  await expect(changed.locator("ins").first()).toBeVisible();
  await expect(page.getByTestId("version-history").locator("li")).toHaveCount(2);
  await expectFitsPhone(page);
  await expectNoSeriousA11yViolations(page);
  await page
    .getByTestId("version-history")
    .getByRole("link", { name: /Version 1, published/ })
    .click();
  await expect(page.getByTestId("old-version-notice")).toBeVisible();
  await expect(page.getByTestId("document-text")).not.toContainText("notifies the person's counsel");

  await page.goto("/transparency/kankakee-sheriff");
  await expect(page.getByTestId("agreement-status")).toHaveText("Active");
  await expect(page.getByTestId("agreement")).toContainText("Jail enforcement model");
  await expect(page.getByTestId("agreement")).toContainText("6");
  await page.getByRole("link", { name: "Read the agreement and its history" }).click();
  await expect(page.getByTestId("document-text")).toContainText("Jerome Combs Detention Center");
  await expectNoSeriousA11yViolations(page);

  await page.goto("/transparency/statewide");
  await expect(page.getByTestId("statewide-table")).toContainText("Kankakee County Sheriff's Office");
  const rollupHref = await page.getByRole("link", { name: /figures for every agency \(CSV\)/ }).getAttribute("href");
  const rollup = await page.request.get(rollupHref!);
  expect(rollup.headers()["content-type"]).toContain("text/csv");
  expect(await rollup.text()).toContain("Kankakee County Sheriff's Office");
  await expectChartsHaveTables(page, 1);
  await expectFitsPhone(page);
  await expectNoSeriousA11yViolations(page);
  await page.context().close();
});

test("signed out in Spanish: the language link, the overview, an agency's statement, policy and charts", async ({
  browser,
}) => {
  const page = await publicPage(browser);
  await page.goto("/transparency");
  await page.getByTestId("lang-es").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(
    page.getByRole("heading", { level: 1, name: "Agencias locales y solicitudes migratorias federales" }),
  ).toBeVisible();
  await expect(page.getByTestId("map-kankakee-sheriff")).toHaveAttribute(
    "aria-label",
    /287\(g\) Vigente; política vigente publicada/,
  );
  await expectNoSeriousA11yViolations(page);
  // The choice is kept: the next page is in Spanish without asking again.
  await page.getByTestId("agency-list").getByRole("link", { name: "DuPage County Sheriff's Office" }).click();
  await expect(page.getByRole("heading", { name: "Lo que hacemos y lo que no hacemos" })).toBeVisible();
  await expect(page.getByTestId("statement")).toContainText("No tenemos acuerdo 287(g)");
  await expect(page.getByTestId("policies")).toContainText("Órdenes de retención migratorias y solicitudes federales");
  await expect(page.getByRole("heading", { name: "Solicitudes recibidas por trimestre" })).toBeVisible();
  await expectChartsHaveTables(page, 3);
  await expectFitsPhone(page);
  await expectNoSeriousA11yViolations(page);
  await page
    .getByTestId("policies")
    .getByRole("link", { name: "Órdenes de retención migratorias y solicitudes federales" })
    .click();
  await expect(page.getByRole("heading", { name: "Historial de versiones" })).toBeVisible();
  await expect(page.getByTestId("what-changed")).toContainText("Qué cambió de la versión 1 a la versión 2");
  await expectNoSeriousA11yViolations(page);
  await page.context().close();
});

test("an admin drafts a policy and a 287(g) agreement; a liaison cannot publish; the chief publishes and the public page shows it at once; a new version keeps the old one readable", async ({
  browser,
}) => {
  const reader = await publicPage(browser);
  await reader.goto("/transparency/iroquois-sheriff?lang=en");
  await expect(reader.getByTestId("policies")).toContainText("No policy published yet.");
  await expect(reader.getByTestId("agreement")).toContainText("This agency has published no 287(g) agreement.");

  const { page: admin, context: adminContext } = await signedInAs(browser, "admin@iroquois-sheriff.demo");
  await admin.goto("/public-record");
  await expectNoSeriousA11yViolations(admin);
  await admin.getByTestId("new-policy").click();
  await admin.getByTestId("save-draft").click();
  await expect(admin.getByTestId("error-title")).toHaveText("This field is required.");
  await expect(admin.getByTestId("error-effectiveOn")).toHaveText("This field is required.");
  await admin.getByLabel("Title", { exact: true }).fill("Federal immigration requests");
  await admin
    .getByLabel("Summary in plain language", { exact: true })
    .fill("Detainers without a judge's warrant are declined.");
  await admin
    .getByLabel("Full text", { exact: true })
    .fill(
      "## Detainers\n\nWe decline detainers that no judge signed.\n\n<script>alert(1)</script>\n\n[Read the law](javascript:alert(1))",
    );
  await admin.getByLabel("Effective date").fill("2026-12-01");
  await admin.getByLabel("Title (Spanish)").fill("Solicitudes migratorias federales");
  await expectNoSeriousA11yViolations(admin);
  await admin.getByTestId("save-draft").click();
  await expect(admin.getByTestId("error-summaryEs")).toContainText("Spanish title, summary and full text together");
  await admin.getByLabel("Title (Spanish)").fill("");
  await admin.getByTestId("save-draft").click();
  await expect(admin).toHaveURL(/\/public-record$/);
  await admin.getByTestId("new-agreement").click();
  await admin.getByLabel("Title", { exact: true }).fill("287(g) warrant service officer agreement");
  await admin
    .getByLabel("Summary in plain language", { exact: true })
    .fill(
      "Two designated deputies may serve ICE administrative warrants on people already in the county jail. No arrests in the community.",
    );
  await admin
    .getByLabel("Full text", { exact: true })
    .fill("## Memorandum of Agreement\n\nWarrant service officer model.");
  await admin.getByLabel("Effective date").fill("2026-11-01");
  await admin.getByLabel("Status").selectOption("ACTIVE");
  await admin.getByLabel("Model").selectOption("WARRANT_SERVICE_OFFICER");
  await admin.getByLabel("Signed").fill("2026-10-15");
  await admin.getByLabel("Designated officers").fill("2");
  await admin.getByTestId("save-draft").click();
  await expect(admin).toHaveURL(/\/public-record$/);
  await expect(admin.getByText("Draft", { exact: true })).toHaveCount(2);
  const policyEdit = await admin
    .getByTestId("record-document")
    .filter({ hasText: "Federal immigration requests" })
    .getByRole("link", { name: "Edit draft" })
    .getAttribute("href");

  const { page: liaison, context: liaisonContext } = await signedInAs(browser, "liaison@iroquois-sheriff.demo");
  await liaison.goto("/public-record");
  await expect(liaison.getByText("Publishing is for the chief")).toBeVisible();
  await expect(liaison.getByTestId("publish-version")).toHaveCount(0);
  await liaisonContext.close();

  // Another agency's admin cannot open this agency's draft.
  const { page: other, context: otherContext } = await signedInAs(browser, "admin@kankakee-sheriff.demo");
  await other.goto(policyEdit!);
  await expectNotFound(other);
  await other.goto("/public-record");
  await expect(other.getByTestId("record-document").first()).toBeVisible();
  await expect(other.getByRole("heading", { name: "Federal immigration requests", exact: true })).toHaveCount(0);
  await otherContext.close();

  const { page: chief, context: chiefContext } = await signedInAs(browser, "chief@iroquois-sheriff.demo");
  await chief.goto("/public-record");
  await expectNoSeriousA11yViolations(chief);
  await chief.getByRole("button", { name: "Publish “Federal immigration requests”, version 1" }).click();
  await expect(chief.getByRole("button", { name: "Publish “Federal immigration requests”, version 1" })).toHaveCount(0);
  await chief.getByRole("button", { name: "Publish “287(g) warrant service officer agreement”, version 1" }).click();
  await expect(chief.getByTestId("publish-version")).toHaveCount(0);

  await reader.reload();
  await expect(reader.getByTestId("policies")).toContainText("Federal immigration requests");
  await expect(reader.getByTestId("agreement-status")).toHaveText("Active");
  await expect(reader.getByTestId("agreement")).toContainText("Warrant service officer model");
  await reader.getByTestId("policies").getByRole("link", { name: "Federal immigration requests" }).click();
  // The script and the javascript: link were text, never markup or a link.
  await expect(reader.getByTestId("document-text")).toContainText("We decline detainers that no judge signed.");
  await expect(reader.getByTestId("document-text").locator("script")).toHaveCount(0);
  await expect(reader.getByTestId("document-text").getByRole("link")).toHaveCount(0);

  await admin.goto("/public-record");
  await admin
    .getByTestId("record-document")
    .filter({ hasText: "Federal immigration requests" })
    .getByTestId("new-version")
    .click();
  await admin
    .getByLabel("Summary in plain language", { exact: true })
    .fill("Detainers without a judge's warrant are declined; counsel is told before any interview.");
  await admin.getByTestId("save-draft").click();
  await expect(admin).toHaveURL(/\/public-record$/);
  await chief.reload();
  await chief.getByRole("button", { name: "Publish “Federal immigration requests”, version 2" }).click();
  await expect(chief.getByTestId("publish-version")).toHaveCount(0);
  await chiefContext.close();
  await adminContext.close();

  await reader.reload();
  await expect(reader.getByTestId("version-line")).toContainText("Version 2 of 2");
  await expect(reader.getByTestId("what-changed")).toContainText("counsel is told before any interview");
  await reader
    .getByTestId("version-history")
    .getByRole("link", { name: /Version 1, published/ })
    .click();
  await expect(reader.getByText("Detainers without a judge's warrant are declined.", { exact: true })).toBeVisible();
  await expect(reader.getByTestId("old-version-notice")).toBeVisible();
  await reader.context().close();
});

test("signed out: the audit trail's signed heads, checkable with the published key, in English and Spanish", async ({
  browser,
}) => {
  const page = await publicPage(browser);
  await page.goto("/transparency/audit-anchors?lang=en");
  await expect(page.getByRole("heading", { level: 1, name: "Signed heads of the audit trail" })).toBeVisible();
  const anchors = page.getByTestId("anchor");
  expect(await anchors.count()).toBeGreaterThanOrEqual(1);
  await expect(anchors.first().getByTestId("anchor-hash")).toHaveText(/^[0-9a-f]{64}$/);
  const publicKey = (await page.getByTestId("anchor-public-key").textContent())!.trim();
  await expectFitsPhone(page);
  await expectNoSeriousA11yViolations(page);

  // Anyone can check each published head against the published key, as audit:verify does.
  const file = await page.request.get("/transparency/audit-anchors.jsonl");
  expect(file.status()).toBe(200);
  const lines = (await file.text()).trim().split("\n");
  expect(lines.length).toBe(await anchors.count());
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), Buffer.from(publicKey, "base64")]),
    format: "der",
    type: "spki",
  });
  for (const line of lines) {
    const a = JSON.parse(line) as { seq: string; hash: string; eventAt: string; signedAt: string; signature: string };
    const signed = ["common-ground-audit-anchor-v1", a.seq, a.hash, a.eventAt, a.signedAt].join("\n");
    expect(verify(null, Buffer.from(signed), key, Buffer.from(a.signature, "base64"))).toBe(true);
  }

  await page.goto("/transparency/audit-anchors?lang=es");
  await expect(
    page.getByRole("heading", { level: 1, name: "Cabezas firmadas del registro de auditoría" }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.context().close();
});

test("signed out, public pages are answered with an ETag and revalidated per language", async ({ browser }) => {
  const context = await browser.newContext();
  // The first view after a publication is rendered (and kept); the ones after come from memory.
  await context.request.get("/transparency?lang=en");
  const first = await context.request.get("/transparency?lang=en");
  expect(first.status()).toBe(200);
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^W\/"/);
  expect(first.headers()["cache-control"]).toBe("no-cache");
  expect(first.headers()["vary"]).toContain("Accept-Language");
  const again = await context.request.get("/transparency?lang=en", { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
  // Each answer carries its own nonce: the same page twice, with different policies.
  const [a, b] = await Promise.all([
    context.request.get("/transparency?lang=en"),
    context.request.get("/transparency?lang=en"),
  ]);
  expect(a.headers()["content-security-policy"]).not.toBe(b.headers()["content-security-policy"]);
  const spanish = await context.request.get("/transparency?lang=es", { headers: { "if-none-match": etag } });
  expect(spanish.status()).toBe(200);
  expect(await spanish.text()).toContain("Agencias locales y solicitudes migratorias federales");
  await context.close();
});

test("signed in, ?lang= chooses the public record's language and leaves the person's own language for the portal", async ({
  browser,
}) => {
  const { page, context } = await signedInAs(browser, "admin@kankakee-sheriff.demo");
  await page.goto("/inbox");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/transparency?lang=es");
  await expect(
    page.getByRole("heading", { level: 1, name: "Agencias locales y solicitudes migratorias federales" }),
  ).toBeVisible();
  await page.goto("/transparency/statewide");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.goto("/inbox");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});
