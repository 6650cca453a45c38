// Agency and platform administration in real Chromium: the forms explain bad input next to each
// field, the pages pass axe, and an agency admin cannot reach another agency's accounts, whether
// by address or by calling the server actions with the other agency's ids.
import { type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun, e2eRun } from "./auth-fixtures";
import { expectNoSeriousA11yViolations, expectNotFound, signedInAs } from "./support/sign-in";

const OWN = "kane-sheriff";
const OTHER = "dupage-sheriff";
// Unique per run, so the spec also passes against a database an earlier run used.
const RUN = Date.now().toString(36);
const NEW_EMAIL = `rosa.delgado-kim.${RUN}@${OWN}.demo`;
const NEW_SLUG = `naperville-pd-${RUN}`;

async function userRow(email: string) {
  const { pool } = await e2eRun();
  const { rows } = await pool.query<{ id: string; active: boolean; roles: string[]; totpSecret: string | null }>(
    `SELECT id, active, roles::text[] AS roles, "totpSecret" FROM "User" WHERE email = $1`,
    [email],
  );
  return rows[0];
}

/** Rewrites the next server action request from this page, swapping one id for another. */
async function swapIdInNextAction(page: Page, from: string, to: string) {
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"] && request.postData()?.includes(from)) {
      await route.continue({ postData: request.postData()!.replaceAll(from, to) });
    } else {
      await route.continue();
    }
  });
}

test.afterAll(async () => {
  await closeE2eRun();
});

test.describe.serial("agency admin", () => {
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    ({ context, page } = await signedInAs(browser, `admin@${OWN}.demo`));
  });

  test.afterAll(async () => {
    await context?.close();
  });

  test("lists the agency's own accounts and passes an accessibility scan", async () => {
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Agency admin" })).toBeVisible();
    const table = page.getByTestId("admin-users");
    await expect(table.getByText(`chief@${OWN}.demo`)).toBeVisible();
    await expect(table.getByText(`@${OTHER}.demo`)).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId(`user-row-liaison@${OWN}.demo`).getByRole("link").click();
    await expect(page.getByTestId("user-facts")).toContainText(`liaison@${OWN}.demo`);
    await expectNoSeriousA11yViolations(page);
  });

  test("the new-user form explains bad input next to each field", async () => {
    await page.goto("/admin/users/new");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByTestId("error-name")).toHaveText("Must be at least 2 characters.");
    await expect(page.getByTestId("error-email")).toHaveText("This field is required.");
    await expect(page.getByTestId("error-roles")).toHaveText("Choose at least one role.");
    await expect(page.getByTestId("error-password")).toHaveText("Use at least 12 characters.");
    await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Full name")).toHaveAttribute("aria-describedby", "name-error");
    await expect(page.getByTestId("form-error")).toHaveText("Some fields need attention.");
    await expectNoSeriousA11yViolations(page);

    // Checked by the server: an address already in use, and a common password.
    await page.getByLabel("Full name").fill("Rosa Delgado-Kim");
    await page.getByLabel("Email").fill(`chief@${OWN}.demo`);
    await page.getByLabel("Liaison").check();
    await page.getByLabel("Initial password").fill("Fox-River-Patrol-2026");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByTestId("error-email")).toHaveText("An account with this email address already exists.");
    await page.getByLabel("Email").fill(NEW_EMAIL);
    await page.getByLabel("Initial password").fill("password1234");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByTestId("error-password")).toContainText("This password is too common");
    await expect(page.getByTestId("error-email")).toHaveCount(0);
  });

  test("creates an account, changes its roles, deactivates, reactivates and resets its authenticator", async () => {
    await page.goto("/admin/users/new");
    await page.getByLabel("Full name").fill("Rosa Delgado-Kim");
    await page.getByLabel("Email").fill(NEW_EMAIL);
    await page.getByLabel("Job title (optional)").fill("Deconfliction liaison");
    await page.getByLabel("Liaison").check();
    await page.getByLabel("Initial password").fill("Fox-River-Patrol-2026");
    await page.getByRole("button", { name: "Create user" }).click();
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Rosa Delgado-Kim" })).toBeVisible();
    await expect(page.getByTestId("user-facts")).toContainText("Not enrolled");

    await page.getByTestId("roles-form").getByLabel("Liaison").uncheck();
    await page.getByRole("button", { name: "Save roles" }).click();
    await expect(page.getByTestId("error-roles")).toHaveText("Choose at least one role.");
    await page.getByTestId("roles-form").getByLabel("Liaison").check();
    await page.getByTestId("roles-form").getByLabel("Supervisor").check();
    await page.getByRole("button", { name: "Save roles" }).click();
    await expect(page.getByTestId("roles-saved")).toHaveText("Roles saved.");
    await expect(page.getByTestId("error-roles")).toHaveCount(0);
    expect((await userRow(NEW_EMAIL)).roles).toEqual(["LIAISON", "SUPERVISOR"]);

    await page.getByRole("button", { name: "Deactivate account" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    expect((await userRow(NEW_EMAIL)).active).toBe(true);
    await page.getByRole("button", { name: "Deactivate account" }).click();
    await expect(page.getByRole("button", { name: "Yes, deactivate" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("access-saved")).toHaveText("Account deactivated. No session was open.");
    await expect(page.getByTestId("user-facts")).toContainText("Deactivated");
    expect((await userRow(NEW_EMAIL)).active).toBe(false);
    await page.getByRole("button", { name: "Reactivate account" }).click();
    await expect(page.getByTestId("access-saved")).toHaveText("Account reactivated.");
    expect((await userRow(NEW_EMAIL)).active).toBe(true);

    await page.getByRole("button", { name: "Reset authenticator" }).click();
    await page.getByRole("button", { name: "Yes, reset" }).click();
    await expect(page.getByTestId("mfa-reset-saved")).toHaveText("Authenticator reset.");
    await expectNoSeriousA11yViolations(page);
  });

  test("will not let the admin remove their own admin role or deactivate themselves", async () => {
    const self = await userRow(`admin@${OWN}.demo`);
    await page.goto(`/admin/users/${self.id}`);
    await expect(page.getByText("This is your own account.")).toBeVisible();
    await page.getByTestId("roles-form").getByLabel("Agency admin").uncheck();
    await page.getByTestId("roles-form").getByLabel("Auditor").check();
    await page.getByRole("button", { name: "Save roles" }).click();
    await expect(page.getByTestId("error-roles")).toHaveText("You cannot remove your own agency admin role.");
    await page.getByRole("button", { name: "Deactivate account" }).click();
    await page.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(page.getByTestId("access-form").getByTestId("form-error")).toHaveText(
      "You cannot deactivate your own account.",
    );
    expect(await userRow(`admin@${OWN}.demo`)).toMatchObject({ active: true, roles: ["AGENCY_ADMIN"] });
  });

  test("another agency's user id in the address shows not found", async () => {
    const other = await userRow(`liaison@${OTHER}.demo`);
    const response = await page.goto(`/admin/users/${other.id}`);
    expect(response?.status()).toBe(404);
    await expectNotFound(page);
    expect((await page.goto("/admin/users/not-a-uuid"))?.status()).toBe(404);
  });

  test("server actions called with another agency's user ids change nothing", async () => {
    const other = await userRow(`liaison@${OTHER}.demo`);
    const own = await userRow(NEW_EMAIL);
    await page.goto(`/admin/users/${own.id}`);
    await swapIdInNextAction(page, own.id, other.id);

    await page.getByRole("button", { name: "Deactivate account" }).click();
    await page.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(page.getByTestId("access-form").getByTestId("form-error")).toHaveText(
      "Not found, or you do not have access to it.",
    );
    await page.getByTestId("roles-form").getByLabel("Agency admin").check();
    await page.getByRole("button", { name: "Save roles" }).click();
    await expect(page.getByTestId("roles-form").getByTestId("form-error")).toHaveText(
      "Not found, or you do not have access to it.",
    );
    await page.getByRole("button", { name: "Reset authenticator" }).click();
    await page.getByRole("button", { name: "Yes, reset" }).click();
    await expect(page.getByTestId("reset-mfa-form").getByTestId("form-error")).toHaveText(
      "Not found, or you do not have access to it.",
    );

    expect(await userRow(`liaison@${OTHER}.demo`)).toEqual(other);
    expect(await userRow(NEW_EMAIL)).toEqual(own);
    await page.unrouteAll({ behavior: "ignoreErrors" });
  });

  test("the settings form explains bad input, then saves good input", async () => {
    await page.goto("/admin/settings");
    await expect(page.getByLabel("24/7 phone")).toHaveValue(/555-01/);
    const phone = await page.getByLabel("24/7 phone").inputValue();
    await page.getByLabel("24/7 phone").fill("call the desk");
    await page.getByLabel("Acknowledgment window (minutes)").fill("2");
    await page.getByLabel("Required notice lead time (hours)").fill("");
    for (const box of await page
      .getByRole("group", { name: "Languages your agency takes notices in" })
      .getByRole("checkbox")
      .all())
      await box.uncheck();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByTestId("error-phone24x7")).toHaveText("Enter a valid phone number.");
    await expect(page.getByTestId("error-ackWindowMinutes")).toHaveText("Must be between 5 and 1,440.");
    await expect(page.getByTestId("error-noticeLeadHours")).toHaveText("Enter a number.");
    await expect(page.getByTestId("error-languages")).toHaveText("Choose at least one language.");
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("24/7 phone").fill(phone);
    await page.getByLabel("Acknowledgment window (minutes)").fill("45");
    await page.getByLabel("Required notice lead time (hours)").fill("24");
    await page.getByLabel("English", { exact: true }).check();
    await page.getByLabel("Spanish", { exact: true }).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByTestId("settings-saved")).toHaveText("Settings saved.");
    await page.reload();
    await expect(page.getByLabel("Acknowledgment window (minutes)")).toHaveValue("45");
    await page.getByLabel("Acknowledgment window (minutes)").fill("30");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByTestId("settings-saved")).toHaveText("Settings saved.");
  });
});

test("people who are not agency admins find no admin or platform pages", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, `chief@${OWN}.demo`);
  await expect(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Agency admin" }),
  ).toHaveCount(0);
  for (const path of ["/admin", "/admin/settings", "/admin/users/new", "/platform", "/platform/agencies/new"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expectNotFound(page);
  }
  await context.close();
});

test.describe.serial("platform admin", () => {
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    ({ context, page } = await signedInAs(browser, "platform@common-ground.demo"));
  });

  test.afterAll(async () => {
    await context?.close();
  });

  test("lists every agency and passes an accessibility scan", async () => {
    await page.goto("/platform");
    await expect(page.getByRole("heading", { level: 1, name: "Platform" })).toBeVisible();
    await expect(page.getByTestId("platform-agencies").getByText("usms-ndil")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("the agency form explains a bad boundary and a taken slug, then registers the agency", async () => {
    await page.goto("/platform/agencies/new");
    await page.getByLabel("Name", { exact: true }).fill("Naperville Police Department");
    await page.getByLabel("Short name").fill("Naperville PD");
    await page.getByLabel("Slug").fill(NEW_SLUG);
    await page.getByLabel("Level").selectOption("LOCAL");
    await page.getByLabel("Kind").selectOption("POLICE");
    await page.getByLabel("24/7 phone").fill("+1 630-555-0190");
    const boundary = page.getByLabel("Jurisdiction boundary (GeoJSON)");

    await boundary.fill("{ this is not json");
    await page.getByRole("button", { name: "Register agency" }).click();
    await expect(page.getByTestId("error-boundary")).toHaveText("This is not valid JSON.");
    await expect(boundary).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousA11yViolations(page);

    await boundary.fill(JSON.stringify({ type: "Point", coordinates: [-88.15, 41.77] }));
    await page.getByRole("button", { name: "Register agency" }).click();
    await expect(page.getByTestId("error-boundary")).toHaveText(
      "Expected a GeoJSON object of type MultiPolygon or Polygon.",
    );

    const square = [
      [
        [-88.22, 41.72],
        [-88.08, 41.72],
        [-88.08, 41.82],
        [-88.22, 41.82],
        [-88.22, 41.72],
      ],
    ];
    await boundary.fill(JSON.stringify({ type: "Polygon", coordinates: square }));
    await page.getByLabel("Slug").fill("aurora-pd");
    await page.getByRole("button", { name: "Register agency" }).click();
    await expect(page.getByTestId("error-slug")).toHaveText("Another agency already uses this slug.");

    await page.getByLabel("Slug").fill(NEW_SLUG);
    await page.getByRole("button", { name: "Register agency" }).click();
    await page.waitForURL(/\/platform\/agencies\/[0-9a-f-]{36}\?saved=1$/);
    await expect(page.getByTestId("agency-saved")).toHaveText("Agency saved.");
    await expect(
      page.getByRole("img", { name: "Outline of the jurisdiction of Naperville Police Department" }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto(`/directory/${NEW_SLUG}`);
    await expect(page.getByRole("heading", { level: 1, name: "Naperville Police Department" })).toBeVisible();
  });

  test("an unknown agency id shows not found", async () => {
    expect((await page.goto("/platform/agencies/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
    await expectNotFound(page);
  });
});
