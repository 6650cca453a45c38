// The idle lock means idle: an inbox left open, with its live stream reconnecting and the page
// refreshing itself when events arrive, still locks 30 minutes (on the test clock) after the
// person's last action, and the page itself goes to the sign-in page without anyone touching it.
import { expect, test } from "./support/csp-guard";
import { closeE2eRun, createThrowawayUser, e2eRun, setServerClockOffset, signIn } from "./auth-fixtures";

test.afterAll(async () => {
  await closeE2eRun();
});

test("an inbox left open with its live stream locks after 30 minutes and shows the sign-in page by itself", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const account = await createThrowawayUser({ agencySlug: "cook-sheriff", roles: ["CHIEF"] });
  await signIn(page, { ...account, secret: account.secret! });

  const streamOpen = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/events" && r.status() === 200);
  await page.goto("/inbox");
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  await streamOpen;

  const { pool } = await e2eRun();
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "Agency" WHERE slug = 'cook-sheriff'`);
  try {
    // Twenty minutes on, a notice event arrives and the page re-renders itself in the background.
    await setServerClockOffset(page.request, 20 * 60_000);
    const refreshed = page.waitForResponse(
      (r) => new URL(r.url()).pathname === "/inbox" && r.request().headers()["rsc"] === "1",
    );
    await pool.query(`SELECT pg_notify('cg_live', $1)`, [
      JSON.stringify({ type: "notice", agencyIds: [rows[0].id], id: "e2e-idle-lock" }),
    ]);
    expect((await refreshed).ok()).toBe(true);
    await expect(page).toHaveURL("/inbox");

    // Thirty-one minutes after the last thing the person did: no click, no reload, the page locks.
    await setServerClockOffset(page.request, 31 * 60_000);
    await expect(page).toHaveURL(/\/login\?reason=idle/, { timeout: 45_000 });
    await expect(page.getByTestId("sign-in-notice")).toHaveText(
      "For your security you were signed out after 30 minutes without activity. Sign in again to continue.",
    );
    // Still locked on the next visit.
    await page.goto("/inbox");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await setServerClockOffset(page.request, 0);
  }
});

test("moving between pages inside the app still counts as activity", async ({ page }) => {
  test.setTimeout(120_000);
  const account = await createThrowawayUser({ agencySlug: "cook-sheriff", roles: ["CHIEF"] });
  await signIn(page, { ...account, secret: account.secret! });
  await page.goto("/inbox");
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  try {
    // Twenty minutes on, the person follows a link: an in-app navigation, no page load.
    await setServerClockOffset(page.request, 20 * 60_000);
    const reported = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/session/activity");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Sent notices" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sent notices" })).toBeVisible();
    expect((await reported).status()).toBe(204);

    // Thirty-one minutes after sign-in but eleven after that click: still signed in.
    await setServerClockOffset(page.request, 31 * 60_000);
    await page.goto("/inbox");
    await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  } finally {
    await setServerClockOffset(page.request, 0);
  }
});
