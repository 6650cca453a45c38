// End-to-end tests: real Chromium against a production build served by the real `npm start`,
// on its own port with a fresh embedded database for the run and the test clock enabled.
import fs from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findBrowser, machineProbe } from "./scripts/lib/browser";
import { SMTP_URL } from "./tests/e2e/support/mail-peer";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
const CI = !!process.env.CI;
const TEST_DIR = "tests/e2e";

// Playwright starts the web server before it looks for tests: with no spec yet, skip the
// build and the server so `npm run test:e2e` (--pass-with-no-tests) passes quickly.
const hasSpecs =
  fs.existsSync(TEST_DIR) && fs.readdirSync(TEST_DIR, { recursive: true }).some((f) => String(f).endsWith(".spec.ts"));

// The browser `npm run test:e2e` made sure of first (scripts/ensure-browser.ts, which installs
// one when none is present), looked up again at load time the same way: CHROMIUM_PATH, else
// /usr/bin/chromium, else chromium on PATH, else Playwright's own. `npx playwright test` alone
// installs nothing; with no browser, Playwright reports its own missing-browser error.
const { browser } = findBrowser(machineProbe(() => chromium.executablePath()));
const launchOptions = browser ? { executablePath: browser.executablePath, args: CHROMIUM_ARGS } : {};

export default defineConfig({
  testDir: TEST_DIR,
  testMatch: "**/*.spec.ts",
  // A real SMTP peer on a fixed port receives the run's email (tests/e2e/support/mail-peer.ts).
  globalSetup: "./tests/e2e/global-setup.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1, // two cores: the server and the browser already use them
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    locale: "en-US",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: hasSpecs
    ? {
        // --fresh: a new embedded database in CG_DATA_DIR for every run; --demo: with the demo world
        // (the embedded database's default, said out loud). --rebuild: never test a stale build
        // (E2E_SKIP_BUILD=1 reuses the last one when iterating locally).
        command: `npm start -- --fresh --demo${process.env.E2E_SKIP_BUILD === "1" ? "" : " --rebuild"}`,
        port: PORT,
        env: {
          PORT: String(PORT),
          CG_DATA_DIR: ".data/e2e",
          DATABASE_URL: "", // always the run's own embedded database, whatever the shell has
          NEXTAUTH_URL: BASE_URL,
          TEST_CLOCK: "1",
          NEXT_TELEMETRY_DISABLED: "1",
          // The specs stand in for a reverse proxy on this machine: an X-Forwarded-For they send is
          // believed, so a spec can play an attacker at another address.
          TRUSTED_PROXIES: "127.0.0.1,::1",
          // Email goes out over SMTP to the run's peer, as it would to an agency's mail system.
          SMTP_URL,
        },
        reuseExistingServer: !CI,
        timeout: 600_000, // a production build on two cores
        stdout: "pipe",
        stderr: "pipe",
        gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      }
    : undefined,
});
