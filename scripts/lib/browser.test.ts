// Which Chromium the end-to-end tests get, and what is installed when none is there: the
// machine (files present, root or not, installers working or failing) is described, not touched.
import { describe, expect, it } from "vitest";
import {
  BrowserMissingError,
  ensureBrowser,
  findBrowser,
  MISSING_BROWSER_HELP,
  SYSTEM_CHROMIUM,
  type InstallOutcome,
} from "./browser";
import type { Say } from "./say";

const PLAYWRIGHT_OWN = "/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";

interface Machine {
  files?: string[];
  env?: { CHROMIUM_PATH?: string; PATH?: string };
  isRoot?: boolean;
  /** What the installer does: put files in place and report an outcome, or throw (e.g. timed out). */
  playwright?: () => InstallOutcome;
  apt?: () => InstallOutcome;
  /** Where a successful apt-get puts the browser (Debian: /usr/bin/chromium). */
  aptInstalls?: string;
}

function machine(m: Machine) {
  const files = new Set(m.files ?? []);
  const calls: string[] = [];
  const lines: string[] = [];
  const say: Say = {
    step: (s) => lines.push(`step: ${s}`),
    ok: (s) => lines.push(`ok: ${s}`),
    warn: (s) => lines.push(`warn: ${s}`),
    fail: (s) => lines.push(`fail: ${s}`),
    detail: (s) => lines.push(`detail: ${s}`),
  };
  const install = (name: string, run?: () => InstallOutcome, gives?: string) => async () => {
    calls.push(name);
    if (!run) throw new Error(`${name} was not expected to run`);
    const outcome = run();
    if (outcome.ok && gives) files.add(gives);
    return outcome;
  };
  const deps = {
    env: m.env ?? { PATH: "/usr/local/bin:/usr/bin:/bin" },
    isExecutable: (f: string) => files.has(f),
    playwrightExecutable: () => PLAYWRIGHT_OWN,
    isRoot: m.isRoot ?? true,
    installWithPlaywright: install("playwright", m.playwright, PLAYWRIGHT_OWN),
    installWithApt: install("apt", m.apt, m.aptInstalls ?? SYSTEM_CHROMIUM),
    say,
  };
  return { deps, calls, lines };
}

const fails = (detail: string) => () => ({ ok: false, detail });
const succeeds = () => ({ ok: true });

describe("findBrowser", () => {
  it("prefers CHROMIUM_PATH, then /usr/bin/chromium, then chromium on PATH, then Playwright's own", () => {
    const all = ["/opt/chrome/chrome", SYSTEM_CHROMIUM, "/snap/bin/chromium", PLAYWRIGHT_OWN];
    const probe = (files: string[], env: { CHROMIUM_PATH?: string; PATH?: string }) =>
      findBrowser({ env, isExecutable: (f) => files.includes(f), playwrightExecutable: () => PLAYWRIGHT_OWN });
    const env = { CHROMIUM_PATH: "/opt/chrome/chrome", PATH: "/snap/bin:/usr/bin" };
    expect(probe(all, env).browser).toEqual({ source: "CHROMIUM_PATH", executablePath: "/opt/chrome/chrome" });
    expect(probe(all.slice(1), env).browser).toEqual({ source: "system", executablePath: SYSTEM_CHROMIUM });
    expect(probe(all.slice(2), env).browser).toEqual({ source: "PATH", executablePath: "/snap/bin/chromium" });
    expect(probe(all.slice(3), env).browser).toEqual({ source: "playwright", executablePath: PLAYWRIGHT_OWN });
    expect(probe([], env).browser).toBeUndefined();
  });

  it("passes over a CHROMIUM_PATH that does not exist, and says so", () => {
    const found = findBrowser({
      env: { CHROMIUM_PATH: "/nonexistent/chromium" },
      isExecutable: (f) => f === SYSTEM_CHROMIUM,
      playwrightExecutable: () => undefined,
    });
    expect(found.browser).toEqual({ source: "system", executablePath: SYSTEM_CHROMIUM });
    expect(found.notes).toEqual(["CHROMIUM_PATH=/nonexistent/chromium is not an executable file; looking elsewhere."]);
  });

  it("finds chromium-browser on PATH too, and ignores empty PATH entries", () => {
    const found = findBrowser({
      env: { PATH: "::/usr/lib/bin" },
      isExecutable: (f) => f === "/usr/lib/bin/chromium-browser",
      playwrightExecutable: () => undefined,
    });
    expect(found.browser).toEqual({ source: "PATH", executablePath: "/usr/lib/bin/chromium-browser" });
  });
});

describe("ensureBrowser", () => {
  it("uses a browser that is present and installs nothing", async () => {
    const m = machine({ files: [SYSTEM_CHROMIUM] });
    await expect(ensureBrowser(m.deps)).resolves.toEqual({ source: "system", executablePath: SYSTEM_CHROMIUM });
    expect(m.calls).toEqual([]);
    expect(m.lines).toEqual([`ok: End-to-end browser: ${SYSTEM_CHROMIUM} (the distribution's chromium)`]);
  });

  it("uses Playwright's own browser when that is the one installed", async () => {
    const m = machine({ files: [PLAYWRIGHT_OWN], isRoot: false });
    await expect(ensureBrowser(m.deps)).resolves.toEqual({ source: "playwright", executablePath: PLAYWRIGHT_OWN });
    expect(m.calls).toEqual([]);
  });

  it("with none, tries Playwright's installer first and announces it", async () => {
    const m = machine({ playwright: succeeds });
    await expect(ensureBrowser(m.deps)).resolves.toEqual({ source: "playwright", executablePath: PLAYWRIGHT_OWN });
    expect(m.calls).toEqual(["playwright"]);
    expect(m.lines[0]).toMatch(
      /^step: No Chromium found: installing one .*npx playwright install chromium, up to 60 s/,
    );
    expect(m.lines.at(-1)).toBe(`ok: Installed. End-to-end browser: ${PLAYWRIGHT_OWN} (Playwright's own build)`);
  });

  it("as root, falls back to apt-get's chromium when Playwright's installer fails", async () => {
    const m = machine({
      isRoot: true,
      playwright: fails("Error: getaddrinfo ENOTFOUND cdn.playwright.dev"),
      apt: succeeds,
    });
    await expect(ensureBrowser(m.deps)).resolves.toEqual({ source: "system", executablePath: SYSTEM_CHROMIUM });
    expect(m.calls).toEqual(["playwright", "apt"]);
    expect(m.lines).toContain(
      "warn: Playwright's installer did not provide a browser: Error: getaddrinfo ENOTFOUND cdn.playwright.dev",
    );
    expect(m.lines).toContain(
      "step: Installing the distribution's chromium for the end-to-end tests: apt-get update && apt-get install -y --no-install-recommends chromium",
    );
  });

  it("treats an installer that throws (or times out) as a failure and moves on", async () => {
    const m = machine({
      playwright: () => {
        throw new Error("gave up after 60 s");
      },
      apt: succeeds,
    });
    await expect(ensureBrowser(m.deps)).resolves.toEqual({ source: "system", executablePath: SYSTEM_CHROMIUM });
    expect(m.lines).toContain("warn: Playwright's installer did not provide a browser: gave up after 60 s");
  });

  it("does not call apt-get when not root, and says what to install", async () => {
    const m = machine({ isRoot: false, playwright: fails("Error: Download failure, code=1") });
    await expect(ensureBrowser(m.deps)).rejects.toBeInstanceOf(BrowserMissingError);
    expect(m.calls).toEqual(["playwright"]);
    expect(m.lines).toContain("warn: Not running as root, so not trying the distribution's chromium through apt-get.");
    expect(MISSING_BROWSER_HELP).toMatch(/apt-get install chromium/);
    expect(MISSING_BROWSER_HELP).toMatch(/npx playwright install chromium/);
    expect(MISSING_BROWSER_HELP).toMatch(/CHROMIUM_PATH/);
  });

  it("fails with the help when both installers fail as root", async () => {
    const m = machine({
      playwright: fails("Error: Download failure, code=1"),
      apt: fails("E: Unable to locate package chromium"),
    });
    await expect(ensureBrowser(m.deps)).rejects.toThrow(MISSING_BROWSER_HELP);
    expect(m.calls).toEqual(["playwright", "apt"]);
    expect(m.lines).toContain("warn: apt-get failed: E: Unable to locate package chromium");
  });

  it("fails when an installer reports success but no browser appears", async () => {
    const m = machine({
      playwright: fails("gave up after 60 s"),
      apt: succeeds,
      aptInstalls: "/usr/lib/chromium/chromium",
    });
    await expect(ensureBrowser(m.deps)).rejects.toBeInstanceOf(BrowserMissingError);
    expect(m.lines).toContain("warn: apt-get succeeded but no chromium executable appeared.");
  });
});
