// Acting from an email on a phone: a federal liaison files an operation in Will County; the link
// in the chief's queued email, opened in a fresh browser with no session at 390x844, shows what
// it will do and for whom, acknowledges on one press, and the liaison's notice page shows the
// chief's name. Opening it again says it was used; a forged link says it is not valid; the call
// link works in Spanish; the full notice still needs a sign-in, and another agency cannot open
// it. Every /act page passes axe.
import { randomUUID } from "node:crypto";
import { type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { closeE2eRun, e2eRun } from "./auth-fixtures";
import { fileAndOpen, fillOperation, wallTime } from "./operations-fixtures";
import { expectNoSeriousA11yViolations, expectNotFound, signedInAs } from "./support/sign-in";

const CHIEF = "chief@will-sheriff.demo";
const CHIEF_NAME = "Aisha Gonzalez";
const PHONE = { width: 390, height: 844 };

test.afterAll(async () => {
  await closeE2eRun();
});

/** A browser with no session, sized and behaving like a phone. */
async function phone(browser: Browser, locale = "en-US"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale });
  return { context, page: await context.newPage() };
}

/** The /act path after `label` in the email's text, as the recipient would tap it. */
function linkAfter(text: string, label: string): string {
  const m = new RegExp(`${label}:\\n(\\S+)`).exec(text);
  expect(m, `the email offers "${label}"`).not.toBeNull();
  return new URL(m![1]).pathname;
}

async function queuedEmail(operationId: string, to: string): Promise<{ text: string; noticeId: string }> {
  const { pool } = await e2eRun();
  const { rows } = await pool.query<{ text: string; noticeId: string }>(
    `SELECT m.text, n.id AS "noticeId" FROM "MailMessage" m JOIN "Notice" n ON n.id::text = m."subjectId"
      WHERE n."operationId" = $1 AND m."toAddress" = $2 AND m.template = 'notice'`,
    [operationId, to],
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

async function expectLargeTarget(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(48);
  expect(box!.width).toBeGreaterThanOrEqual(300);
}

test("the chief acknowledges from the emailed link on a phone, once, without signing in", async ({ browser }) => {
  // Filing through the form, two phones and three signed-in pages: long on a busy two-core machine.
  test.setTimeout(180_000);
  const tag = randomUUID().slice(0, 8);
  const title = `Warrant service, Joliet ${tag}`;
  const { page: liaison } = await signedInAs(browser, "liaison@ice-ero-chicago.demo");

  // Filed through the form, inside Will County (Joliet), away from its borders.
  await liaison.goto("/operations/new");
  await fillOperation(liaison, {
    title,
    startsAt: await wallTime(liaison, 2, 9),
    endsAt: await wallTime(liaison, 2, 13),
  });
  await liaison.getByTestId("area-shape-circle").check();
  await liaison.getByLabel("Centre latitude").fill("41.525");
  await liaison.getByLabel("Centre longitude").fill("-88.082");
  await liaison.getByLabel("Radius (metres)").fill("400");
  await expect(liaison.getByTestId("recipient-preview")).toHaveAttribute("data-state", "done");
  await expect(
    liaison.getByTestId("preview-recipient").filter({ hasText: "Will County Sheriff's Office" }),
  ).toBeVisible();
  await liaison.getByLabel("Name", { exact: true }).fill("PIO Jordan Reyes");
  await expect(liaison.getByTestId("conflict-preview")).toHaveAttribute("data-state", "done");
  await expect(liaison.getByTestId("area-description")).toHaveAttribute("data-state", "done");
  const operationId = await fileAndOpen(liaison);

  const { text, noticeId } = await queuedEmail(operationId, CHIEF);
  const ackPath = linkAfter(text, "Acknowledge this notice");
  const callPath = linkAfter(text, "Ask the other agency to call you");

  // A phone with no session: the page says what will happen and for whom, and does nothing yet.
  const { context, page } = await phone(browser);
  await page.goto(ackPath);
  await expect(page.getByRole("heading", { level: 1, name: "Acknowledge this notice?" })).toBeVisible();
  await expect(page.getByTestId("act-for-person")).toContainText(
    `This link is for ${CHIEF_NAME}, Will County Sheriff's Office`,
  );
  await expect(page.getByText(title)).toBeVisible();
  await expect(page.getByText(/CST|CDT/).first()).toBeVisible();
  await expectLargeTarget(page, "act-confirm");
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/action-link-confirm.png" });
  await page.reload();
  await expect(page.getByTestId("act-confirm")).toBeVisible(); // opening it twice did not use it

  await page.getByTestId("act-confirm").click();
  await expect(page.getByTestId("act-state-done")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Done" })).toBeFocused();
  await expect(page.getByTestId("act-message")).toContainText(
    `${CHIEF_NAME} acknowledged it for Will County Sheriff's Office`,
  );
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/action-link-done.png" });

  // The sender sees the acknowledgment, in the chief's name.
  await liaison.goto(`/notices/${noticeId}`);
  await expect(liaison.getByTestId("acknowledged-by")).toContainText(CHIEF_NAME);

  // Opened again: already used, said plainly, and nothing to press.
  await page.goto(ackPath);
  await expect(page.getByTestId("act-state-refused")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
  await expect(page.getByTestId("act-message")).toContainText("already been used");
  await expect(page.getByTestId("act-confirm")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // A link altered by one character is not valid, and tells nothing about the notice or the person.
  const forged = `${ackPath.slice(0, -1)}${ackPath.endsWith("A") ? "B" : "A"}`;
  const response = await page.goto(forged);
  expect(response!.status()).toBe(200);
  await expect(page.getByTestId("act-message")).toContainText("This link is not valid");
  await expect(page.getByText(title)).toHaveCount(0);
  await expect(page.getByText(CHIEF_NAME)).toHaveCount(0);

  // The full notice still needs a sign-in; someone of another agency cannot open it.
  await page.goto(`/notices/${noticeId}`);
  await expect(page).toHaveURL(/\/login/);
  const { page: outsider } = await signedInAs(browser, "chief@kane-sheriff.demo");
  await outsider.goto(`/notices/${noticeId}`);
  await expectNotFound(outsider);
  await context.close();

  // The call link, in Spanish: the liaison is asked to call, in the notice's conversation.
  const es = await phone(browser, "es-US");
  await es.context.addCookies([{ name: "cg_locale", value: "es", url: new URL(liaison.url()).origin }]);
  await es.page.goto(callPath);
  await expect(es.page.getByRole("heading", { level: 1, name: /¿Pedir a ICE .* que le llame\?/ })).toBeVisible();
  await expect(es.page.getByTestId("act-for-person")).toContainText(`Este enlace es para ${CHIEF_NAME}`);
  await expectNoSeriousA11yViolations(es.page);
  await es.page.getByTestId("act-confirm").click();
  await expect(es.page.getByTestId("act-message")).toContainText("Solicitud enviada");
  await expectNoSeriousA11yViolations(es.page);
  await es.page.goto(callPath);
  await expect(es.page.getByTestId("act-message")).toContainText("Este enlace ya se usó");
  await es.context.close();
  await liaison.reload();
  await expect(liaison.getByTestId("thread-entry").filter({ hasText: "Call me" })).toBeVisible();
  await expect(liaison.getByTestId("thread-entry").filter({ hasText: CHIEF_NAME }).first()).toBeVisible();
});
