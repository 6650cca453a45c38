// Signing in to the real app in real Chromium: password and TOTP, a refused code, lockout after
// five wrong codes, throttled guessing, callbackUrls that try to leave the site, the required
// change of an admin-set password, first-time enrolment, the idle lock after 30 minutes (moved by the test clock),
// the account page, and accessibility scans of what a person signing in sees.
import { expect, test } from "./support/csp-guard";
import { base32Decode, hotp, TOTP_PERIOD_SECONDS } from "../../lib/auth/totp";
import {
  closeE2eRun,
  createThrowawayUser,
  currentCode,
  demoAccount,
  enterCredentials,
  serverNow,
  setServerClockOffset,
  signIn,
} from "./auth-fixtures";
import { expectNoSeriousA11yViolations } from "./support/sign-in";

test.afterAll(async () => {
  await closeE2eRun();
});

test("the sign-in page is accessible in both languages and usable from the keyboard alone", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Keyboard only: type into the labelled fields and submit with Enter.
  await page.getByLabel("Email address").focus();
  await page.keyboard.type("nobody@example.gov");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  await page.keyboard.type("wrong password entirely");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("form-error")).toHaveText("The email address or password is not correct.");
  await expect(page.getByTestId("form-error")).toHaveAttribute("aria-live", "polite");

  await page.getByTestId("language-switch").selectOption("es");
  await expect(page.getByRole("heading", { level: 1, name: "Iniciar sesión" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expectNoSeriousA11yViolations(page);
  await page.getByTestId("language-switch").selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test("a seeded demo user signs in with password and authenticator code", async ({ page }) => {
  const chief = demoAccount("chief@cook-sheriff.demo");
  await enterCredentials(page, chief.email, chief.password);
  await expect(page.getByRole("heading", { level: 1, name: "Enter your verification code" })).toBeVisible();
  const code = page.getByLabel("Verification code");
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await expect(code).toHaveAttribute("inputmode", "numeric");
  await expectNoSeriousA11yViolations(page);

  await code.fill(await currentCode(page.request, chief.email, chief.secret));
  await page.getByTestId("sign-in-submit").click();
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("shell-user")).toBeVisible();
  await expect(page.getByTestId("shell-agency")).toContainText("Cook County Sheriff");
});

test("a wrong code is refused and the user stays on the code step", async ({ page }) => {
  const liaison = demoAccount("liaison@cook-sheriff.demo");
  await enterCredentials(page, liaison.email, liaison.password);
  await expect(page.getByTestId("sign-in-code")).toBeVisible();
  const now = await serverNow(page.request);
  const valid = new Set(
    [-1, 0, 1].map((d) =>
      hotp(base32Decode(liaison.secret), Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + d),
    ),
  );
  const wrong = ["000000", "111111", "222222", "333333"].find((c) => !valid.has(c))!;

  await page.getByLabel("Verification code").fill(wrong);
  await page.getByTestId("sign-in-submit").click();
  await expect(page.getByTestId("form-error")).toContainText("That code is not valid");
  await expect(page.getByTestId("sign-in-code")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  // The right code still works afterwards (one failure does not lock anything).
  await page.getByLabel("Verification code").fill(await currentCode(page.request, liaison.email, liaison.secret));
  await page.getByTestId("sign-in-submit").click();
  await expect(page).toHaveURL("/");
});

test("five wrong codes lock the account, with a message saying for how long", async ({ page }) => {
  const account = await createThrowawayUser();
  // Wrong passwords alone never lock anything.
  for (let attempt = 1; attempt <= 2; attempt++) {
    await enterCredentials(page, account.email, "not the right password");
    await expect(page.getByTestId("form-error")).toHaveText("The email address or password is not correct.");
  }
  await enterCredentials(page, account.email, account.password);
  await expect(page.getByTestId("sign-in-code")).toBeVisible();
  const now = await serverNow(page.request);
  const valid = new Set(
    [-1, 0, 1].map((d) =>
      hotp(base32Decode(account.secret!), Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + d),
    ),
  );
  const wrong = ["000000", "111111", "222222", "333333", "444444", "555555", "666666", "777777"].filter(
    (c) => !valid.has(c),
  );
  // Each code is answered before the next is typed (the form clears the field after a refusal).
  const submitCode = async (code: string) => {
    await page.getByLabel("Verification code").fill(code);
    const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await page.getByTestId("sign-in-submit").click();
    await answered;
  };
  for (let attempt = 1; attempt <= 4; attempt++) {
    await submitCode(wrong[attempt - 1]);
    await expect(page.getByTestId("form-error")).toContainText("That code is not valid");
    await expect(page.getByLabel("Verification code")).toHaveValue("");
  }
  await submitCode(wrong[4]);
  await expect(page.getByTestId("form-error")).toHaveText(
    "This account is locked because of too many failed sign-in attempts. Try again in 10 minutes.",
  );

  // While locked, even the right password (and code) is refused.
  await enterCredentials(page, account.email, account.password);
  await expect(page.getByTestId("form-error")).toContainText("This account is locked");
  await expect(page.getByTestId("sign-in-code")).toHaveCount(0);
});

test("guesses from one address are throttled, alike for a registered and an unregistered email", async ({
  browser,
  request,
}) => {
  const account = await createThrowawayUser();
  // The attacker's own address (the server trusts the first X-Forwarded-For hop, as behind a proxy).
  const attacker = { "x-forwarded-for": "203.0.113.77" };
  const post = async (email: string, password: string) => {
    const csrf = await request.get("/api/auth/csrf", { headers: attacker });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    return request.post("/api/auth/callback/credentials", {
      headers: attacker,
      form: { email, password, code: "123456", csrfToken, callbackUrl: "/", json: "true" },
    });
  };
  for (let i = 0; i < 10; i++) expect((await post(account.email, `guess ${i}`)).status()).not.toBe(429);
  const known = await post(account.email, "another guess");
  const unknown = await post("nobody-at-all@e2e.demo", "another guess");
  expect(known.status()).toBe(429);
  expect(unknown.status()).toBe(429);
  expect(Number(known.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await known.json()).toEqual(await unknown.json());

  // The sign-in page says so, in words, from that address.
  const context = await browser.newContext({ extraHTTPHeaders: attacker });
  const page = await context.newPage();
  await enterCredentials(page, account.email, account.password);
  await expect(page.getByTestId("form-error")).toContainText(
    /Too many sign-in attempts\. For your security, wait and try again in \d+ minutes?\./,
  );
  await context.close();

  // The owner, from their own address, is not locked out.
  const owner = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" } });
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, { ...account, secret: account.secret! });
  await expect(ownerPage.getByTestId("shell-user")).toBeVisible();
  await owner.close();
});

test("a callbackUrl never leads off the site, before or after signing in, and never fails", async ({ page }) => {
  const variants = [
    "/\t/example.org",
    "/\n/example.org",
    "/\r/example.org",
    "/\r\nLocation: https://example.org",
    "/\\example.org",
    "\\\\example.org",
    "//example.org",
    "///example.org",
    "/.//example.org",
    "https://example.org/",
    "http://example.org",
    "javascript:alert(1)",
    "/%2F/example.org",
    "%2F%2Fexample.org",
    "/%5Cexample.org",
    "/%E0%A4%A",
  ];

  // Signed out, the first: sign in through the form and land on this site.
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/\t/example.org")}`);
  const account = await createThrowawayUser();
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByTestId("sign-in-continue").click();
  await expect(page.getByTestId("sign-in-code")).toBeVisible();
  await page.getByLabel("Verification code").fill(await currentCode(page.request, account.email, account.secret!));
  await page.getByTestId("sign-in-submit").click();
  await expect(page.getByTestId("shell-user")).toBeVisible();
  const base = new URL(page.url()).origin;
  expect(new URL(page.url()).host).not.toContain("example.org");

  // Signed in: every variant is answered with a redirect on this site (or the page), never a 500.
  for (const variant of variants) {
    for (const query of [`callbackUrl=${encodeURIComponent(variant)}`, `callbackUrl=${variant}`]) {
      const res = await page.request.get(`/login?${query}`, { maxRedirects: 0 });
      expect(res.status(), `${query} -> ${res.status()}`).toBeLessThan(500);
      const location = res.headers()["location"];
      if (location) expect(new URL(location, base).origin, `${query} -> ${location}`).toBe(base);
    }
  }
  // The same through next-auth's own endpoints.
  for (const variant of variants) {
    const res = await page.request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(variant)}`, {
      maxRedirects: 0,
    });
    expect(res.status()).toBeLessThan(500);
    const location = res.headers()["location"];
    if (location) expect(new URL(location, base).origin).toBe(base);
  }
});

test("an account opened with an admin's password must choose its own before anything else", async ({ page }) => {
  const account = await createThrowawayUser({ mustChangePassword: true });
  await signIn(page, { ...account, secret: account.secret! });
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByRole("heading", { level: 1, name: "Choose your own password" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Nothing else opens meanwhile: pages send the person back here, and handlers refuse.
  for (const path of ["/", "/operations", "/account", "/admin"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/change-password$/);
  }
  // The live-update stream gives no events, only word that the session cannot be used yet.
  const events = await page.request.get("/api/events", { maxRedirects: 0 });
  if (events.ok()) expect(await events.text()).toContain("passwordChangeRequired");
  else expect(events.status()).toBeGreaterThanOrEqual(300);

  const form = page.getByTestId("change-password-form");
  await form.getByLabel("Current password").fill(account.password);
  await form.getByLabel("New password", { exact: true }).fill("harbour lantern of my own");
  await form.getByLabel("Confirm new password").fill("harbour lantern of my own");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?reason=passwordChanged/);

  await signIn(page, { ...account, password: "harbour lantern of my own", secret: account.secret! });
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("shell-user")).toBeVisible();
});

test("a first sign-in enrols an authenticator from the QR code or the typed key", async ({ page }) => {
  const account = await createThrowawayUser({ enrolled: false });
  await enterCredentials(page, account.email, account.password);
  await expect(page.getByRole("heading", { level: 1, name: "Set up two-step verification" })).toBeVisible();
  const qr = page.getByTestId("totp-qr");
  await expect(qr).toHaveAttribute("alt", /QR code/);
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
  await expectNoSeriousA11yViolations(page);

  // Type the key into "the app", as someone without a camera would.
  const key = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code shown in the app").fill(await currentCode(page.request, account.email, key));
  await page.getByTestId("sign-in-submit").click();
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("shell-user")).toBeVisible();
});

test("after 30 minutes without activity the session locks and says why", async ({ page }) => {
  // A throwaway account: its last used code step ends up in the moved clock's future.
  const account = await createThrowawayUser();
  await signIn(page, { ...account, secret: account.secret! });
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  // Leave the app first: an open page, seeing the lock on its live connection, goes to the sign-in
  // page by itself (idle-lock.spec.ts), which would race the navigation below.
  await page.goto("about:blank");
  try {
    await setServerClockOffset(page.request, 31 * 60_000);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId("sign-in-notice")).toHaveText(
      "For your security you were signed out after 30 minutes without activity. Sign in again to continue.",
    );
    // Still locked on the next visit.
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await setServerClockOffset(page.request, 0);
  }
});

test("the account page is accessible and signs out everywhere", async ({ browser }) => {
  const account = await createThrowawayUser({ roles: ["SUPERVISOR"] });
  const withSecret = { ...account, secret: account.secret! };
  // Two browsers, each with its own cookies.
  const laptopContext = await browser.newContext();
  const phoneContext = await browser.newContext();
  const laptop = await laptopContext.newPage();
  const phone = await phoneContext.newPage();
  await signIn(laptop, withSecret);
  await signIn(phone, withSecret);

  await laptop.goto("/account");
  await expect(laptop.getByTestId("account-profile")).toContainText(account.email);
  await expect(laptop.getByTestId("active-sessions")).toHaveText("You have 2 active sessions.");
  await expectNoSeriousA11yViolations(laptop);

  await laptop.getByTestId("sign-out-everywhere").click();
  await expect(laptop).toHaveURL(/\/login\?reason=signedOut/);
  await expect(laptop.getByTestId("sign-in-notice")).toHaveText("You have signed out.");
  await phone.goto("/account");
  await expect(phone).toHaveURL(/\/login/);
  await laptopContext.close();
  await phoneContext.close();
});

test("changing the password signs out and the new password works", async ({ page }) => {
  const account = await createThrowawayUser();
  await signIn(page, { ...account, secret: account.secret! });
  await page.goto("/account");
  const form = page.getByTestId("change-password-form");

  await form.getByLabel("Current password").fill(account.password);
  await form.getByLabel("New password", { exact: true }).fill("password12345");
  await form.getByLabel("Confirm new password").fill("password12345");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("error-newPassword")).toContainText("too common");

  const fresh = "granite owl meadow lantern";
  await form.getByLabel("New password", { exact: true }).fill(fresh);
  await form.getByLabel("Confirm new password").fill(fresh);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?reason=passwordChanged/);

  await signIn(page, { ...account, password: fresh, secret: account.secret! });
  await expect(page.getByTestId("shell-user")).toBeVisible();
});

test("signing out ends the session on the server, not only in the browser", async ({ browser }) => {
  const account = await createThrowawayUser();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { ...account, secret: account.secret! });
  const cookies = await context.cookies();

  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/login/);

  // Someone who kept a copy of the session cookie gets nowhere with it.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const stolen = await replay.newPage();
  await stolen.goto("/account");
  await expect(stolen).toHaveURL(/\/login/);
  await replay.close();
  await context.close();
});

test("the language chosen on the account page follows the user to their next sign-in", async ({ browser }) => {
  const account = await createThrowawayUser();
  const withSecret = { ...account, secret: account.secret! };
  const first = await browser.newContext();
  const page = await first.newPage();
  await signIn(page, withSecret);
  await page.goto("/account");
  await page.getByTestId("language-form").getByLabel("Preferred language").selectOption("es");
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Su cuenta" })).toBeVisible();
  await expect(page.getByTestId("language-status")).toHaveText("Se guardó su preferencia de idioma.");
  await first.close();

  // A different browser, no language cookie: the account's preference decides.
  const second = await browser.newContext();
  const again = await second.newPage();
  await signIn(again, withSecret);
  await expect(again.locator("html")).toHaveAttribute("lang", "es");
  await second.close();
});
