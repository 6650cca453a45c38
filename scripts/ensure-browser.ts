// `npm run test:e2e` runs this first: make sure a Chromium is there for Playwright to drive, and
// install one when none is (see scripts/lib/browser.ts for the order). playwright.config.ts then
// finds the same browser when it loads. Exit 1, with what to install, when none can be had.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { chromium } from "@playwright/test";
import {
  BrowserMissingError,
  ensureBrowser,
  machineProbe,
  PLAYWRIGHT_INSTALL_TIMEOUT_MS,
  type InstallOutcome,
} from "./lib/browser";
import { say } from "./lib/say";

const APT_TIMEOUT_MS = 10 * 60_000;
const playwrightCli = createRequire(import.meta.url).resolve("@playwright/test/cli");

/** Runs a command in its own process group, killed whole at the deadline (installers fork downloaders). */
function run(
  command: string,
  args: string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<InstallOutcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-8_000);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const onSignal = () => {
      killGroup();
      process.exit(130);
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const finish = (outcome: InstallOutcome) => {
      clearTimeout(timer);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolve(outcome);
    };
    child.once("error", (error: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        detail: error.code === "ENOENT" ? `${command} is not installed` : `${command}: ${error.message}`,
      }),
    );
    child.once("close", (code) => {
      if (code === 0) return finish({ ok: true });
      // The first error line says why (e.g. "Error: getaddrinfo ENOTFOUND …", apt's "E: …").
      const lines = output
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("at "));
      const reason = lines.find((l) => /^(Error|E):/.test(l)) ?? lines.at(-1) ?? `exit code ${code}`;
      finish({ ok: false, detail: timedOut ? `gave up after ${timeoutMs / 1000} s` : reason });
    });
  });
}

const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
const aptLock = ["-o", "DPkg::Lock::Timeout=120"];

try {
  await ensureBrowser({
    ...machineProbe(() => chromium.executablePath()),
    isRoot: process.getuid?.() === 0,
    installWithPlaywright: () =>
      run(process.execPath, [playwrightCli, "install", "chromium"], PLAYWRIGHT_INSTALL_TIMEOUT_MS),
    installWithApt: async () => {
      const update = await run("apt-get", [...aptLock, "update", "-qq"], APT_TIMEOUT_MS, aptEnv);
      if (!update.ok) return update;
      return run(
        "apt-get",
        [...aptLock, "install", "-y", "-qq", "--no-install-recommends", "chromium"],
        APT_TIMEOUT_MS,
        aptEnv,
      );
    },
    say,
  });
} catch (error) {
  if (!(error instanceof BrowserMissingError)) throw error;
  say.fail(error.message);
  process.exit(1);
}
