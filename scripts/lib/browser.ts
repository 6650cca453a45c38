// The Chromium the end-to-end tests drive: found (playwright.config.ts, at load time) or, before a
// test run, installed (scripts/ensure-browser.ts). Order: CHROMIUM_PATH, the distribution's
// /usr/bin/chromium, `chromium` on PATH, Playwright's own build. When none is there: Playwright's
// installer (its download host is unreachable on some networks, so it is bounded), then the
// distribution's package through apt-get when running as root. Dependencies are passed in, so the
// decisions are unit-tested without touching the machine.
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import type { Say } from "./say";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const PATH_NAMES = ["chromium", "chromium-browser"];

/** Flags every Chromium here is launched with (Debian's build needs them; Playwright's accepts them). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const PLAYWRIGHT_INSTALL_TIMEOUT_MS = 60_000;

export type BrowserSource = "CHROMIUM_PATH" | "system" | "PATH" | "playwright";

export interface FoundBrowser {
  source: BrowserSource;
  executablePath: string;
}

export interface BrowserProbe {
  env: Readonly<Record<string, string | undefined>>; // CHROMIUM_PATH, PATH
  /** True for an executable regular file. */
  isExecutable(file: string): boolean;
  /** Where Playwright keeps its own Chromium (whether or not it is installed). */
  playwrightExecutable(): string | undefined;
}

export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** This machine, as seen by this process; `playwrightExecutable` is @playwright/test's `chromium.executablePath`. */
export function machineProbe(playwrightExecutable: () => string): BrowserProbe {
  return {
    env: process.env,
    isExecutable: isExecutableFile,
    playwrightExecutable: () => {
      try {
        return playwrightExecutable();
      } catch {
        return undefined;
      }
    },
  };
}

/** The first Chromium present, and why any explicitly named one was passed over. */
export function findBrowser(probe: BrowserProbe): { browser?: FoundBrowser; notes: string[] } {
  const notes: string[] = [];
  const named = probe.env.CHROMIUM_PATH?.trim();
  if (named) {
    if (probe.isExecutable(named)) return { browser: { source: "CHROMIUM_PATH", executablePath: named }, notes };
    notes.push(`CHROMIUM_PATH=${named} is not an executable file; looking elsewhere.`);
  }
  if (probe.isExecutable(SYSTEM_CHROMIUM))
    return { browser: { source: "system", executablePath: SYSTEM_CHROMIUM }, notes };
  for (const dir of (probe.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) {
      const file = path.join(dir, name);
      if (probe.isExecutable(file)) return { browser: { source: "PATH", executablePath: file }, notes };
    }
  }
  const own = probe.playwrightExecutable();
  if (own && probe.isExecutable(own)) return { browser: { source: "playwright", executablePath: own }, notes };
  return { notes };
}

export interface InstallOutcome {
  ok: boolean;
  /** What went wrong, in a line (the installer's last words, or the timeout). */
  detail?: string;
}

export interface EnsureDeps extends BrowserProbe {
  isRoot: boolean;
  installWithPlaywright(): Promise<InstallOutcome>;
  installWithApt(): Promise<InstallOutcome>;
  say: Say;
}

export const MISSING_BROWSER_HELP = [
  "No Chromium for the end-to-end tests. Install one, then run the tests again:",
  "  Debian/Ubuntu:  sudo apt-get install chromium   (gives /usr/bin/chromium)",
  "  elsewhere:      npx playwright install chromium   (needs Playwright's download host)",
  "  or point CHROMIUM_PATH at an installed Chromium or Chrome executable.",
].join("\n");

export class BrowserMissingError extends Error {
  constructor() {
    super(MISSING_BROWSER_HELP);
    this.name = "BrowserMissingError";
  }
}

const describe = (b: FoundBrowser) =>
  `${b.executablePath} (${{ CHROMIUM_PATH: "CHROMIUM_PATH", system: "the distribution's chromium", PATH: "found on PATH", playwright: "Playwright's own build" }[b.source]})`;

/** A browser the tests can launch, installing one when none is present; BrowserMissingError if that fails. */
export async function ensureBrowser(deps: EnsureDeps): Promise<FoundBrowser> {
  const look = () => findBrowser(deps);
  const first = look();
  for (const note of first.notes) deps.say.warn(note);
  if (first.browser) {
    deps.say.ok(`End-to-end browser: ${describe(first.browser)}`);
    return first.browser;
  }

  deps.say.step(
    `No Chromium found: installing one for the end-to-end tests with Playwright's installer (npx playwright install chromium, up to ${PLAYWRIGHT_INSTALL_TIMEOUT_MS / 1000} s)`,
  );
  const viaPlaywright = await settle(deps.installWithPlaywright());
  const afterPlaywright = viaPlaywright.ok ? look().browser : undefined;
  if (afterPlaywright) {
    deps.say.ok(`Installed. End-to-end browser: ${describe(afterPlaywright)}`);
    return afterPlaywright;
  }
  deps.say.warn(
    `Playwright's installer did not provide a browser${viaPlaywright.detail ? `: ${viaPlaywright.detail}` : ""}`,
  );

  if (!deps.isRoot) {
    deps.say.warn("Not running as root, so not trying the distribution's chromium through apt-get.");
    throw new BrowserMissingError();
  }
  deps.say.step(
    "Installing the distribution's chromium for the end-to-end tests: apt-get update && apt-get install -y --no-install-recommends chromium",
  );
  const viaApt = await settle(deps.installWithApt());
  const afterApt = viaApt.ok ? look().browser : undefined;
  if (afterApt) {
    deps.say.ok(`Installed. End-to-end browser: ${describe(afterApt)}`);
    return afterApt;
  }
  deps.say.warn(
    viaApt.ok
      ? "apt-get succeeded but no chromium executable appeared."
      : `apt-get failed${viaApt.detail ? `: ${viaApt.detail}` : ""}`,
  );
  throw new BrowserMissingError();
}

async function settle(attempt: Promise<InstallOutcome>): Promise<InstallOutcome> {
  try {
    return await attempt;
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
