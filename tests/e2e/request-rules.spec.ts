// An agency's request rules and who decides, in real Chromium, at rural Iroquois County's sheriff
// (no written rules yet in the demo world). The admin previews and adopts the California SB 54
// preset (adopting it again adds nothing), edits one rule's citation and retires another; a
// request logged afterwards shows the edited rule applying and not the retired one. The chief
// designates the supervisor, who can then decide; removing the designation removes the ability.
// The log is corrected from the request page. Every new page passes the accessibility scan in
// English and in Spanish; another agency's admin and chief reach none of it.
import { type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun, e2eRun } from "./auth-fixtures";
import { expectNoSeriousA11yViolations, expectNotFound, signedInAs } from "./support/sign-in";

test.afterAll(async () => {
  await closeE2eRun();
});

// Each test signs in several people (a password hash and a TOTP code each) on a two-core machine.
test.describe.configure({ timeout: 180_000 });

const DETAINER_RULE = "Detainers are honoured only with a judicial warrant";
const RELEASE_RULE = "Release dates are not shared for civil immigration matters";
const CITATION = "Cal. Gov. Code § 7284.6(a)(1)(A), as adopted by county ordinance 2026-14";
const ICE = "ICE Enforcement and Removal Operations, Chicago Field Office";

async function nameOf(email: string): Promise<string> {
  const { pool } = await e2eRun();
  return (await pool.query<{ name: string }>(`SELECT name FROM "User" WHERE email = $1`, [email])).rows[0].name;
}

/** Logs a request by hand from a fax and returns its id. */
async function logByHand(page: Page, o: { kind: string; document: string }): Promise<string> {
  await page.goto("/requests/new");
  await page.getByLabel("Kind of request").selectOption(o.kind);
  await page.getByLabel("Document presented").selectOption(o.document);
  await page.getByLabel("Offence category of the underlying matter").selectOption("CIVIL_IMMIGRATION_ONLY");
  await page.getByLabel("Requesting agency", { exact: true }).selectOption({ label: ICE });
  await page.getByLabel("Received by").selectOption("FAX");
  await page.getByTestId("request-submit").click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

async function inSpanish(page: Page, heading: string): Promise<void> {
  await page.getByTestId("language-switch").selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
}

async function inEnglish(page: Page): Promise<void> {
  await page.getByTestId("language-switch").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

test("an admin adopts the SB 54 preset, edits one rule's citation and retires another: a request then shows the edited rule and not the retired one", async ({
  browser,
}) => {
  const { page: admin } = await signedInAs(browser, "admin@iroquois-sheriff.demo");
  await admin.goto("/admin/request-rules");
  await expect(admin.getByRole("heading", { level: 2, name: "Federal request rules" })).toBeVisible();
  await expect(admin.getByTestId("rules-empty")).toBeVisible();

  // What the preset would add, shown before anything changes.
  await admin.getByLabel("Preset", { exact: true }).selectOption({ label: "California SB 54 (Values Act)" });
  await admin.getByTestId("preset-preview").click();
  await expect(admin.getByTestId("preset-rule")).toHaveCount(6);
  await expect(admin.getByTestId("preset-preview-result")).toContainText(DETAINER_RULE);
  await expect(admin.getByTestId("rules-empty")).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.getByTestId("preset-adopt").click();
  await expect(admin.getByTestId("active-rules").getByTestId("rule")).toHaveCount(6);
  // Adopting it again adds nothing twice.
  await expect(admin.getByTestId("preset-nothing")).toBeVisible();
  await admin.getByTestId("preset-preview").click();
  await expect(admin.getByTestId("preset-nothing")).toBeVisible();
  await expect(admin.getByTestId("preset-adopt")).toHaveCount(0);
  await expect(admin.getByTestId("active-rules").getByTestId("rule")).toHaveCount(6);

  // Edit one rule's citation.
  await admin.getByRole("link", { name: `Edit the rule “${DETAINER_RULE}”` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Edit a request rule" })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.getByLabel("Citation").fill("");
  await admin.getByTestId("rule-submit").click();
  await expect(admin.getByTestId("error-citation")).toBeVisible();
  await admin.getByLabel("Citation").fill(CITATION);
  await admin.getByTestId("rule-submit").click();
  await admin.waitForURL(/\/admin\/request-rules$/);
  const edited = admin.locator(`[data-testid="rule"][data-rule-title="${DETAINER_RULE}"]`);
  await expect(edited.getByTestId("rule-citation")).toContainText(CITATION);

  // Retire another: it moves to the retired list, kept.
  await admin.getByRole("button", { name: `Retire the rule “${RELEASE_RULE}”` }).click();
  await expect(admin.getByTestId("retired-rules").locator(`[data-rule-title="${RELEASE_RULE}"]`)).toBeVisible();
  await expect(admin.getByTestId("active-rules").getByTestId("rule")).toHaveCount(5);
  await expectNoSeriousA11yViolations(admin);

  // A request logged now: the edited rule applies, the retired one does not.
  const { page: clerk } = await signedInAs(browser, "liaison@iroquois-sheriff.demo");
  await logByHand(clerk, { kind: "DETAINER", document: "I247A_DETAINER" });
  await expect(clerk.getByTestId("request-rules")).toContainText(DETAINER_RULE);
  await expect(clerk.getByTestId("request-rules")).toContainText(CITATION);
  await logByHand(clerk, { kind: "RELEASE_NOTIFICATION", document: "NONE" });
  await expect(clerk.getByText("No rule of your agency applies.")).toBeVisible();
  await expect(clerk.getByText(RELEASE_RULE)).toHaveCount(0);

  // The new pages in Spanish.
  await admin.goto("/admin/request-rules?preset=ilTrustAct");
  await inSpanish(admin, "Administración de la agencia");
  await admin.goto("/admin/request-rules/new");
  await expect(admin.getByRole("heading", { level: 1, name: "Agregar una regla" })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.getByTestId("rule-submit").click();
  await expect(admin.getByTestId("error-kinds")).toContainText("Elija al menos un tipo de solicitud.");
  await inEnglish(admin);
  await expect(admin.getByRole("heading", { level: 1, name: "Add a request rule" })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
});

test("another agency's admin sees and changes none of an agency's rules; a liaison or supervisor cannot open them; the chief reads them", async ({
  browser,
}) => {
  // Kankakee's 287(g) rules, as seeded.
  const rule = "Detainers are honoured under the 287(g) agreement";
  const { page: admin } = await signedInAs(browser, "admin@kankakee-sheriff.demo");
  await admin.goto("/admin/request-rules");
  const edit = admin.getByRole("link", { name: `Edit the rule “${rule}”` });
  await expect(edit).toBeVisible();
  const editUrl = (await edit.getAttribute("href"))!;
  await expect(admin.getByTestId("retired-rules").getByTestId("rule")).toHaveCount(1);

  const { page: other } = await signedInAs(browser, "admin@will-sheriff.demo");
  await other.goto("/admin/request-rules");
  await expect(other.getByRole("heading", { level: 2, name: "Federal request rules" })).toBeVisible();
  await expect(other.getByText(rule)).toHaveCount(0);
  await other.goto(editUrl);
  await expectNotFound(other);

  for (const email of ["liaison@kankakee-sheriff.demo", "supervisor@kankakee-sheriff.demo"]) {
    const { page } = await signedInAs(browser, email);
    await page.goto("/admin/request-rules");
    await expectNotFound(page);
    await page.goto(editUrl);
    await expectNotFound(page);
  }

  const { page: chief } = await signedInAs(browser, "chief@kankakee-sheriff.demo");
  await chief.goto("/requests");
  await chief.getByRole("link", { name: "Federal request rules" }).click();
  await expect(chief.getByRole("heading", { level: 1, name: "Federal request rules" })).toBeVisible();
  await expect(chief.getByText(rule)).toBeVisible();
  await expect(chief.getByRole("button", { name: /Retire|Restore/ })).toHaveCount(0);
  await expect(chief.getByTestId("preset-preview")).toHaveCount(0);
  await expectNoSeriousA11yViolations(chief);
  await inSpanish(chief, "Reglas para solicitudes federales");
  await inEnglish(chief);
  await chief.goto(editUrl);
  await expectNotFound(chief);
});

test("a chief designates the supervisor, who can then decide; removing the designation removes the ability; the log is corrected from the request page", async ({
  browser,
}) => {
  const supervisorName = await nameOf("supervisor@iroquois-sheriff.demo");
  const { page: chief } = await signedInAs(browser, "chief@iroquois-sheriff.demo");
  const { page: supervisor } = await signedInAs(browser, "supervisor@iroquois-sheriff.demo");

  const first = await logByHand(supervisor, { kind: "DETAINER", document: "I247A_DETAINER" });
  await expect(supervisor.getByTestId("command-only")).toBeVisible();
  await supervisor.goto("/requests");
  await expect(supervisor.getByTestId("queue-command-only")).toBeVisible();

  await chief.goto("/requests");
  await expect(chief.getByTestId("queue-you-decide")).toBeVisible();
  await chief.getByRole("link", { name: "Who decides" }).click();
  await expect(chief.getByRole("heading", { level: 1, name: "Who decides" })).toBeVisible();
  await expectNoSeriousA11yViolations(chief);
  await chief.getByRole("button", { name: `Designate ${supervisorName} to decide requests` }).click();
  await expect(chief.locator(`[data-testid="decider"][data-user-name="${supervisorName}"]`)).toBeVisible();
  await expectNoSeriousA11yViolations(chief);

  // Designated: the queue says so and the request has the decision form.
  await supervisor.goto("/requests");
  await expect(supervisor.getByTestId("queue-you-decide")).toHaveText(
    "The chief designated you to decide these requests.",
  );
  await supervisor.goto(`/requests/${first}`);
  await supervisor.getByLabel("Decision", { exact: true }).selectOption("DECLINED");
  await supervisor.getByLabel("Legal basis relied on").fill("Cal. Gov. Code § 7284.6(a)(1)(A)");
  await supervisor.getByLabel("Reason").fill("Detainer without a judicial warrant.");
  await supervisor.getByTestId("decide-submit").click();
  await expect(supervisor.getByTestId("decision-value")).toHaveText("Declined");

  // The log is corrected after the decision: the decision stays, the category changes.
  await supervisor.getByText("Correct the log", { exact: true }).click();
  await expect(supervisor.getByLabel(/Response due by/)).toHaveCount(0); // part of the decided record
  await supervisor.getByLabel("Offence category of the underlying matter").selectOption("MISDEMEANOR");
  await supervisor.getByTestId("edit-submit").click();
  await expect(supervisor.getByTestId("edit-saved")).toHaveText("1 field corrected.");
  await expect(supervisor.getByTestId("decision-value")).toHaveText("Declined");
  await expectNoSeriousA11yViolations(supervisor);

  // Removed: no longer decides.
  await chief.getByRole("button", { name: `Remove ${supervisorName}'s designation` }).click();
  await expect(chief.locator(`[data-testid="designable-person"][data-user-name="${supervisorName}"]`)).toBeVisible();
  const second = await logByHand(supervisor, { kind: "DETAINER", document: "I247A_DETAINER" });
  await expect(supervisor.getByTestId("command-only")).toBeVisible();
  await expect(supervisor.getByTestId("decision-form")).toHaveCount(0);
  await supervisor.goto("/requests");
  await expect(supervisor.getByTestId("queue-command-only")).toBeVisible();
  await expect(supervisor.locator(`[data-testid="queue-item"][data-request-id="${second}"]`)).toBeVisible();

  // Only the agency's chiefs reach the page, and it lists only their own people.
  await supervisor.goto("/requests/command");
  await expectNotFound(supervisor);
  const { page: otherChief } = await signedInAs(browser, "chief@will-sheriff.demo");
  await otherChief.goto("/requests/command");
  await expect(otherChief.getByRole("heading", { level: 1, name: "Who decides" })).toBeVisible();
  await expect(otherChief.getByText(supervisorName)).toHaveCount(0);

  // In Spanish.
  await chief.goto("/requests/command");
  await inSpanish(chief, "Quién decide");
  await inEnglish(chief);
});
