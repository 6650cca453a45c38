// End-to-end helpers for signing in: the run's database (to create throwaway users, so lockout
// tests never lock a shared demo account), the server's test clock, and a sign-in that computes
// the TOTP code the way an authenticator app would.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { demoTotpSecret } from "../../lib/auth/demo";
import { encryptTotpSecret, generateTotpSecret, hotp, base32Decode, TOTP_PERIOD_SECONDS } from "../../lib/auth/totp";
import { persistentAuthSecret } from "../../scripts/lib/auth-secret";
import { resolveDatabase } from "../../scripts/lib/database-url";
import { quiet } from "../../scripts/lib/say";
import { repoRoot, scriptEnv } from "../../scripts/lib/script-env";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";

export { DEMO_PASSWORD, demoTotpSecret };

// The data directory `npm start` uses for the end-to-end run (see playwright.config.ts).
const DATA_DIR = path.resolve(repoRoot, process.env.E2E_DATA_DIR ?? ".data/e2e");

type Run = { url: string; pool: pg.Pool; authSecret: string; close(): Promise<void> };
let run: Promise<Run> | undefined;

/** The database and AUTH_SECRET of the server under test (E2E_DATABASE_URL / E2E_AUTH_SECRET override). */
export function e2eRun(): Promise<Run> {
  run ??= (async () => {
    const database = await resolveDatabase({
      databaseUrl: process.env.E2E_DATABASE_URL || undefined,
      dataDir: DATA_DIR,
      log: quiet,
    });
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    // As `npm start` picks it: AUTH_SECRET from the environment, else the one in the data directory.
    const authSecret = process.env.E2E_AUTH_SECRET ?? scriptEnv().AUTH_SECRET ?? persistentAuthSecret(DATA_DIR).secret;
    return {
      url: database.url,
      pool,
      authSecret,
      async close() {
        await pool.end();
        await database.close();
      },
    };
  })();
  return run;
}

export async function closeE2eRun(): Promise<void> {
  if (!run) return;
  const current = await run;
  run = undefined;
  await current.close();
}

export type TestAccount = { email: string; password: string; secret: string | null };

/** A new account in a seeded agency, enrolled in MFA unless asked otherwise. */
export async function createThrowawayUser(
  options: { agencySlug?: string; roles?: string[]; enrolled?: boolean; mustChangePassword?: boolean } = {},
): Promise<TestAccount> {
  const { pool, authSecret } = await e2eRun();
  const email = `e2e-${randomUUID().slice(0, 8)}@e2e.demo`;
  const password = `river lantern ${randomUUID().slice(0, 6)}`;
  const secret = options.enrolled === false ? null : generateTotpSecret();
  await pool.query(
    `INSERT INTO "User" (id, "agencyId", email, name, "passwordHash", roles, "totpSecret", "mfaEnrolledAt", "mustChangePassword", "updatedAt")
     SELECT $1, a.id, $2, 'E2E Test User', $3, $4::"Role"[], $5, CASE WHEN $5::text IS NULL THEN NULL ELSE now() END, $7, now()
     FROM "Agency" a WHERE a.slug = $6`,
    [
      randomUUID(),
      email,
      await hash(password),
      options.roles ?? ["LIAISON"],
      secret ? encryptTotpSecret(secret, authSecret) : null,
      options.agencySlug ?? "cook-sheriff",
      options.mustChangePassword ?? false,
    ],
  );
  return { email, password, secret };
}

export async function serverNow(request: APIRequestContext): Promise<Date> {
  const res = await request.get("/api/test/clock");
  expect(res.ok(), "the server must run with TEST_CLOCK=1").toBe(true);
  return new Date(((await res.json()) as { now: string }).now);
}

export async function setServerClockOffset(request: APIRequestContext, offsetMs: number): Promise<void> {
  const res = await request.post("/api/test/clock", { data: { offsetMs } });
  expect(res.ok()).toBe(true);
}

/**
 * A code the server will accept now: the current step (by the server's clock), or a later one
 * when this account already used it — each step's code works only once.
 */
export async function currentCode(request: APIRequestContext, email: string, secret: string): Promise<string> {
  const { pool } = await e2eRun();
  const { rows } = await pool.query<{ lastTotpStep: number | null }>(
    `SELECT "lastTotpStep" FROM "User" WHERE email = $1`,
    [email],
  );
  const last = rows[0]?.lastTotpStep ?? null;
  for (;;) {
    const step = Math.floor((await serverNow(request)).getTime() / 1000 / TOTP_PERIOD_SECONDS);
    const wanted = last === null ? step : Math.max(step, last + 1);
    if (wanted <= step + 1) return hotp(base32Decode(secret), wanted);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

export async function enterCredentials(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByTestId("sign-in-continue").click();
}

/** Signs in through the real form: password, then the authenticator code. */
export async function signIn(page: Page, account: { email: string; password: string; secret: string }): Promise<void> {
  await enterCredentials(page, account.email, account.password);
  await expect(page.getByTestId("sign-in-code")).toBeVisible();
  await page.getByLabel("Verification code").fill(await currentCode(page.request, account.email, account.secret));
  await page.getByTestId("sign-in-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** A seeded demo account: the documented password and the secret derived from its address. */
export function demoAccount(email: string) {
  return { email, password: DEMO_PASSWORD, secret: demoTotpSecret(email) };
}
