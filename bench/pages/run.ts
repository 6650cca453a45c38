// What a fresh browser downloads to show the sign-in page, the inbox and a notice: the first-load
// JavaScript (every script response until the network is idle) and the HTML document with its
// inline RSC payload (where the page's messages travel), raw and gzip-compressed.
//   npx tsx bench/pages/run.ts [--build] [--save-baseline] [--no-results] [--port 3290]
// Starts the portal as `npm start` does (a fresh embedded database with the demo world in
// bench/out/pages-data), signs in as a demo account through the real form, and measures each page
// in a new browser context (empty cache, the session cookie only). --build rebuilds first;
// --save-baseline records the figures as the "before" the section compares with
// (bench/pages/baseline.json).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { execSync } from "node:child_process";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { demoTotpSecret } from "@/lib/auth/demo";
import { totpCode } from "@/lib/auth/totp";
import { DEMO_PASSWORD } from "@/prisma/seed/accounts";
import { CHROMIUM_ARGS, findBrowser, machineProbe } from "@/scripts/lib/browser";
import { repoRoot } from "@/scripts/lib/script-env";
import { writeResultsSection } from "../results-file";
import { measurePage, type PageFigures } from "./measure";
import { startPortal } from "./portal";

const { values: opt } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    "save-baseline": { type: "boolean", default: false },
    "no-results": { type: "boolean", default: false },
    port: { type: "string", default: "3290" },
    account: { type: "string", default: "chief@kankakee-sheriff.demo" },
  },
});
const PORT = Number(opt.port);
const BASE = `http://localhost:${PORT}`;
const BASELINE = path.join(repoRoot, "bench", "pages", "baseline.json");
const say = (s: string) => process.stdout.write(`${s}\n`);

type Run = { commit: string; at: string; pages: PageFigures[] };

type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Signs in once (a TOTP code is good for one sign-in) and keeps the session's cookies. */
async function signIn(browser: Browser, email: string): Promise<Session> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId("sign-in-continue").click();
  await page.getByTestId("sign-in-code").waitFor();
  await page.getByLabel("Verification code").fill(totpCode(demoTotpSecret(email), new Date()));
  await page.getByTestId("sign-in-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  const state = await context.storageState();
  await context.close();
  return state;
}

async function firstNoticeUrl(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  await page.goto(`${BASE}/inbox`);
  const href = await page.locator('a[href^="/notices/"]').first().getAttribute("href");
  await page.close();
  if (!href) throw new Error("The inbox lists no notice to measure");
  return href;
}

async function measureAll(browser: Browser): Promise<PageFigures[]> {
  const anonymous = await browser.newContext({ locale: "en-US" });
  const login = await measurePage(anonymous, BASE, "Sign-in", "/login");
  await anonymous.close();
  const session = await signIn(browser, opt.account!);
  // Only the cookies travel on: every measured page starts in a new context with an empty cache.
  const fresh = () => browser.newContext({ locale: "en-US", storageState: session });
  const listing = await fresh();
  const noticeUrl = await firstNoticeUrl(listing);
  await listing.close();
  const pages = [login];
  for (const [name, url] of [
    ["Inbox", "/inbox"],
    ["Notice", noticeUrl],
  ] as const) {
    const context = await fresh();
    pages.push(await measurePage(context, BASE, name, url));
    await context.close();
  }
  return pages;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const delta = (after: number, before: number | undefined) =>
  before === undefined ? "" : ` (${after - before >= 0 ? "+" : ""}${(((after - before) / before) * 100).toFixed(0)} %)`;

function table(run: Run, before: Run | undefined): string {
  const rows = run.pages.map((p) => {
    const b = before?.pages.find((x) => x.name === p.name);
    const cell = (now: number, then: number | undefined) =>
      then === undefined ? kb(now) : `${kb(then)} → ${kb(now)}${delta(now, then)}`;
    return `| ${p.name} | ${p.scripts} | ${cell(p.js.raw, b?.js.raw)} | ${cell(p.js.gzip, b?.js.gzip)} | ${cell(
      p.html.raw,
      b?.html.raw,
    )} | ${cell(p.html.gzip, b?.html.gzip)} | ${cell(p.rsc.raw, b?.rsc.raw)} |`;
  });
  return [
    "| page | scripts | first-load JS | JS gzip | HTML document | HTML gzip | inline RSC payload |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

function section(run: Run, before: Run | undefined, load: string): string {
  return `## Page weight (\`bench/pages/run.ts\`)

What a fresh browser (empty cache) downloads for three pages of the production build, signed in as
\`${opt.account}\` in English for the inbox and the notice. First-load JS: every script response
until the network is idle, raw and gzip-compressed (level 6, as the server's compression would
send it). HTML document: the streamed page, its inline RSC payload (\`self.__next_f\` scripts, where
the messages for client components travel) counted separately.

${before ? `Before (\`${before.commit}\`, ${before.at}) → after (\`${run.commit}\`, ${run.at}).` : `Run at \`${run.commit}\`, ${run.at}.`}

${table(run, before)}

The before is main's build without this change (\`bench/pages/baseline.json\`). Between the two, each page ships only
the messages its client components read (before, the whole catalog of the viewer's language, about 100 KiB of
JSON, was in every page's payload), and the browser's instrumentation imports only zod's configuration, so a
page without a client-side form no longer downloads zod (about 100 KiB raw). The notice's forms validate with
zod in the browser, so its JavaScript stays; its largest scripts are React DOM, Leaflet (loaded after
hydration, for the area map) and Next's router.

Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, load ${load}. Sizes do not depend on load.
Command: \`npx tsx bench/pages/run.ts --build\`.`;
}

async function main(): Promise<void> {
  const portal = await startPortal({ port: PORT, build: opt.build! });
  const { browser: found } = findBrowser(machineProbe(() => chromium.executablePath()));
  const browser = await chromium.launch({ executablePath: found?.executablePath, args: CHROMIUM_ARGS });
  try {
    const commit = execSync("git rev-parse --short HEAD", { cwd: repoRoot }).toString().trim();
    const run: Run = { commit, at: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC", pages: [] };
    run.pages = await measureAll(browser);
    const load = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", ");
    const before =
      !opt["save-baseline"] && fs.existsSync(BASELINE)
        ? (JSON.parse(fs.readFileSync(BASELINE, "utf8")) as Run)
        : undefined;
    say(table(run, before));
    for (const p of run.pages)
      say(
        `${p.name}: ${p.chunks
          .slice(0, 6)
          .map((c) => `${c.path.split("/").pop()} ${kb(c.raw)}`)
          .join(", ")}`,
      );
    say(`load average: ${load}`);
    if (opt["save-baseline"]) {
      fs.writeFileSync(BASELINE, `${JSON.stringify(run, null, 2)}\n`);
      say(`Baseline saved to ${path.relative(repoRoot, BASELINE)}`);
    } else if (!opt["no-results"]) {
      say(`Wrote ${path.relative(repoRoot, writeResultsSection("pages", section(run, before, load)))}`);
    }
  } finally {
    await browser.close();
    await portal.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
