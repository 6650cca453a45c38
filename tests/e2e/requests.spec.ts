// Federal requests in real Chromium. A federal liaison submits a detainer through the portal to
// DuPage County's sheriff (Illinois TRUST Act rules): the chief's open command queue shows it
// live with its 48-hour clock and the rule that applies; a supervisor cannot decide it; the chief
// declines it citing the rule and the liaison sees the decision live. The same detainer logged by
// hand from a fax by the sheriff's clerk; a departure refused without a justification and flagged
// in the auditor's view; another agency gets 404. Each page passes an accessibility scan,
// in English and in Spanish.
import { type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun } from "./auth-fixtures";
import { expectNoSeriousA11yViolations, expectNotFound, signedInAs } from "./support/sign-in";

test.afterAll(async () => {
  await closeE2eRun();
});

// Each test signs in several people and scans several pages; on a loaded two-core machine that
// alone came within seconds of the default minute.
test.describe.configure({ timeout: 180_000 });

const SHERIFF = "DuPage County Sheriff's Office";
const RULE = "Detainers are honoured only with a judicial warrant";

async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __cgNoReload: boolean }).__cgNoReload = true));
}
async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __cgNoReload?: boolean }).__cgNoReload === true)).toBe(true);
}

async function fillDetainer(page: Page): Promise<void> {
  await page.getByLabel("Kind of request").selectOption("DETAINER");
  await page.getByLabel("Document presented").selectOption("I247A_DETAINER");
  await page.getByLabel("Offence category of the underlying matter").selectOption("CIVIL_IMMIGRATION_ONLY");
}

async function decide(page: Page, o: { decision: string; reason: string; justification?: string }): Promise<void> {
  await page.getByLabel("Decision", { exact: true }).selectOption(o.decision);
  await page.getByLabel("Reason").fill(o.reason);
  if (o.justification) await page.getByLabel("Justification for departing from the rules").fill(o.justification);
  await page.getByTestId("decide-submit").click();
}

test("portal detainer: live in the sheriff's queue with its clock and rule; a supervisor cannot decide; the chief declines; the federal side sees it live", async ({
  browser,
}) => {
  const { page: chief } = await signedInAs(browser, "chief@dupage-sheriff.demo");
  const { page: liaison } = await signedInAs(browser, "liaison@ice-ero-chicago.demo");
  const { page: supervisor } = await signedInAs(browser, "supervisor@dupage-sheriff.demo");

  await chief.goto("/requests");
  await expect(chief.getByRole("heading", { level: 1, name: "Federal requests" })).toBeVisible();
  await expectNoSeriousA11yViolations(chief);
  await markNoReload(chief);

  await liaison.goto("/requests/new");
  await expect(liaison.getByRole("heading", { level: 1, name: "Submit a request" })).toBeVisible();
  await expectNoSeriousA11yViolations(liaison);
  await fillDetainer(liaison);
  await liaison.getByLabel("Agency asked").selectOption({ label: SHERIFF });
  await liaison.getByTestId("request-submit").click();
  await liaison.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  const id = liaison.url().split("/").pop()!;
  await expect(liaison.getByText("Awaiting the agency's decision.")).toBeVisible();

  const item = chief.locator(`[data-testid="queue-item"][data-request-id="${id}"]`);
  await expect(item).toBeVisible({ timeout: 10_000 });
  await expectNotReloaded(chief);
  await expect(item.getByTestId("queue-clock")).toContainText(/Due in 4[78] h/);
  await expect(item.getByTestId("queue-rules")).toContainText(`${RULE} → Decline`);

  await supervisor.goto(`/requests/${id}`);
  await expect(supervisor.getByTestId("command-only")).toBeVisible();
  await expect(supervisor.getByTestId("decision-form")).toHaveCount(0);
  await expectNoSeriousA11yViolations(supervisor);

  await markNoReload(liaison);
  await item.getByRole("link").click();
  await expect(chief.getByTestId("request-rules")).toContainText(RULE);
  await expect(chief.getByTestId("request-clock")).toContainText(/Due in 4[78] h/);
  await expectNoSeriousA11yViolations(chief);
  await decide(chief, { decision: "DECLINED", reason: "Detainer without a judicial warrant." });
  await expect(chief.getByTestId("decision-rule")).toContainText(RULE);

  await expect(liaison.getByTestId("decision-value")).toHaveText("Declined", { timeout: 10_000 });
  await expectNotReloaded(liaison);
  await expect(liaison.getByTestId("decision-rule")).toContainText(RULE);

  // Another agency cannot open it.
  const { page: other } = await signedInAs(browser, "chief@will-sheriff.demo");
  await other.goto(`/requests/${id}`);
  await expectNotFound(other);
});

test("the same detainer logged by hand from a fax by the sheriff's clerk; a departure needs a justification and is flagged for the auditor", async ({
  browser,
}) => {
  const { page: clerk } = await signedInAs(browser, "liaison@dupage-sheriff.demo");
  await clerk.goto("/requests/new");
  await expect(clerk.getByRole("heading", { level: 1, name: "Log a federal request" })).toBeVisible();
  await expectNoSeriousA11yViolations(clerk);
  await clerk.getByTestId("request-submit").click();
  await expect(clerk.getByTestId("error-kind")).toBeVisible();
  await fillDetainer(clerk);
  await clerk
    .getByLabel("Requesting agency", { exact: true })
    .selectOption({ label: "ICE Enforcement and Removal Operations, Chicago Field Office" });
  await clerk.getByLabel("Received by").selectOption("FAX");
  await clerk.getByLabel("Local reference (booking or case number)").fill("DP-27-0199");
  await clerk.getByTestId("request-submit").click();
  await clerk.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  const id = clerk.url().split("/").pop()!;
  await expect(clerk.getByTestId("request-local-ref")).toHaveText("DP-27-0199");
  await expect(clerk.getByTestId("request-rules")).toContainText(RULE);
  await expect(clerk.getByTestId("command-only")).toBeVisible();

  const { page: chief } = await signedInAs(browser, "chief@dupage-sheriff.demo");
  await chief.goto(`/requests/${id}`);
  await decide(chief, { decision: "COMPLIED", reason: "Held for transfer." });
  await expect(chief.getByTestId("error-justification")).toBeVisible();
  await expect(chief.getByTestId("departure-warning")).toBeVisible();
  await decide(chief, {
    decision: "COMPLIED",
    reason: "Held for transfer.",
    justification: "Documented public-safety exception approved after consulting county counsel.",
  });
  await expect(chief.getByTestId("decision-value")).toHaveText("Complied");
  await expect(chief.getByTestId("request-status")).toContainText("Departure from policy");

  const { page: auditor } = await signedInAs(browser, "auditor@dupage-sheriff.demo");
  await auditor.goto("/requests/oversight?departure=true");
  await expect(auditor.getByRole("heading", { level: 1, name: "Oversight" })).toBeVisible();
  await expect(auditor.locator(`[data-testid="oversight-row"][data-request-id="${id}"]`)).toContainText(
    "Departure from policy",
  );
  await expectNoSeriousA11yViolations(auditor);
  const csv = await auditor.request.get("/requests/oversight/export?departure=true");
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toMatch(/^ref,kind,channel,/);
  expect(text).not.toContain("DP-27-0199");

  // The oversight view is its agency's alone; a liaison of the agency has no oversight view either.
  const { page: otherAuditor } = await signedInAs(browser, "auditor@will-sheriff.demo");
  await otherAuditor.goto("/requests/oversight");
  await expect(otherAuditor.locator(`[data-request-id="${id}"]`)).toHaveCount(0);
  await clerk.goto("/requests/oversight");
  await expectNotFound(clerk);
});

test('the report page: a year of the sheriff\'s requests, small counts as "fewer than 5", printable exports; a liaison cannot open it', async ({
  browser,
}) => {
  const { page: chief } = await signedInAs(browser, "chief@dupage-sheriff.demo");
  const year = new Date().getUTCFullYear();
  await chief.goto(`/requests/reports?year=${year}`);
  await expect(chief.getByRole("heading", { level: 1, name: new RegExp(`Federal requests, ${year}`) })).toBeVisible();
  await expect(chief.getByTestId("report-requests")).not.toHaveText("0");
  await expectNoSeriousA11yViolations(chief);
  const json = await chief.request.get(`/requests/reports/export?year=${year}&format=json`);
  const body = (await json.json()) as { schema: string; figures: Record<string, unknown> };
  expect(body.schema).toBe("common-ground/federal-request-report/v1");
  expect(JSON.stringify(body)).not.toMatch(/R-[0-9A-Z]{5}-/);
  const csv = await chief.request.get(`/requests/reports/export?year=${year}&format=csv`);
  expect((await csv.text()).split("\r\n")[0]).toBe("figure,value");
  const { page: liaison } = await signedInAs(browser, "liaison@dupage-sheriff.demo");
  await liaison.goto(`/requests/reports?year=${year}`);
  await expectNotFound(liaison);
});

test("in Spanish too: the request form, the queue, a request with its correction form, the auditor's view and the report page pass the accessibility scan", async ({
  browser,
}) => {
  const spanish = async (page: Page, heading: string | RegExp) => {
    await page.getByTestId("language-switch").selectOption("es");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  };
  const english = async (page: Page) => {
    await page.getByTestId("language-switch").selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  };

  const { page: clerk } = await signedInAs(browser, "liaison@dupage-sheriff.demo");
  await clerk.goto("/requests/new");
  await spanish(clerk, "Registrar una solicitud federal");
  await expectNoSeriousA11yViolations(clerk);
  await clerk.getByTestId("request-submit").click();
  await expect(clerk.getByTestId("error-kind")).toBeVisible();
  await expectNoSeriousA11yViolations(clerk);
  await english(clerk);

  const { page: chief } = await signedInAs(browser, "chief@dupage-sheriff.demo");
  await chief.goto("/requests");
  await spanish(chief, "Solicitudes federales");
  await expectNoSeriousA11yViolations(chief);
  await chief.goto("/requests/oversight");
  await chief.getByTestId("oversight-row").first().getByRole("link").click();
  await chief.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  await chief.getByText("Corregir el registro", { exact: true }).click();
  await expect(chief.getByTestId("edit-request-form")).toBeVisible();
  await expectNoSeriousA11yViolations(chief);
  const year = new Date().getUTCFullYear();
  await chief.goto(`/requests/reports?year=${year}`);
  await expect(
    chief.getByRole("heading", { level: 1, name: new RegExp(`Solicitudes federales, ${year}`) }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(chief);
  await english(chief);

  const { page: auditor } = await signedInAs(browser, "auditor@dupage-sheriff.demo");
  await auditor.goto("/requests/oversight");
  await spanish(auditor, "Supervisión");
  await expectNoSeriousA11yViolations(auditor);
  await english(auditor);
});
