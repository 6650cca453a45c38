// The load benchmark: N simulated signed-in people (liaisons filing and editing, chiefs reading
// and acknowledging, supervisors working conflicts) for M minutes against the production server
// on its own database, with a real SMTP server receiving every email; mid-run the server is
// killed with SIGKILL and started again; at the end every filing answered 2xx, its notices and
// every email are reconciled. See bench/README.md.
//   npx tsx bench/load/run.ts [--build] [--users 100] [--minutes 5] [--no-kill]
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "@/prisma/seed/accounts";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-pg";
import { freePort } from "@/scripts/lib/free-port";
import { exitOf, hasBuild, runNext } from "@/server/lib/next-app";
import { withDatabase } from "@/scripts/lib/pg-url";
import { repoRoot } from "@/scripts/lib/script-env";
import { actionIds } from "./actions";
import { Browser } from "./browser";
import { startMailSink } from "./mail-sink";
import { personFor, type ConflictState, type Shared } from "./people";
import { Recorder } from "./recorder";
import { drainMail, filingNotices, reconcile } from "./reconcile";
import { report, type Figures } from "./report";
import { startAppServer } from "./server";
import { signIn } from "./sign-in";
import { freshDatabase, query, simulatedUsers } from "./world";
import { workerCount } from "@/server/lib/cluster";
import { sampleWaits } from "./pg-waits";

const { values: opt } = parseArgs({
  options: {
    users: { type: "string", default: "100" },
    minutes: { type: "string", default: "5" },
    "warm-up": { type: "string", default: "30" },
    "kill-at": { type: "string", default: "0.5" },
    "no-kill": { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    seed: { type: "string", default: "20261203" },
    "drain-seconds": { type: "string", default: "240" },
    "no-results": { type: "boolean", default: false },
    // The server runs with V8's sampling profiler; its profile is written when it stops (so with --no-kill).
    "cpu-prof": { type: "boolean", default: false },
    // The server's WEB_CONCURRENCY: processes on the one port (auto: one per core, as DEPLOY.md advises).
    workers: { type: "string", default: "auto" },
    // Samples what PostgreSQL's sessions wait on during the measured run, and prints it.
    "pg-waits": { type: "boolean", default: false },
  },
});

const USERS = Number(opt.users);
const MINUTES = Number(opt.minutes);
const WARM_UP_S = Number(opt["warm-up"]);
const DB = "cg_load";
const outDir = path.join(repoRoot, "bench", "out");
const say = (s: string) => process.stdout.write(`${s}\n`);

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CPU seconds a process has used (user + system), from /proc. */
const uptime = () => execFileSync("uptime", { encoding: "utf8" }).trim();

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  fs.chmodSync(outDir, 0o755);
  if (!hasBuild() || opt.build) {
    say("Building the app for production (next build)");
    const code = await exitOf(
      runNext(["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" }),
    );
    if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  }
  const ids = actionIds();
  const pg = await startEmbeddedPostgres({ dataDir: path.join(outDir, "load-pg") });
  try {
    const url = withDatabase(pg.adminUrl, DB);
    const authSecret = randomBytes(24).toString("base64url");
    // lib/env reads these once; the world is opened through the domain functions.
    Object.assign(process.env, { DATABASE_URL: url, AUTH_SECRET: authSecret });
    say(`Preparing ${DB}: the demo world and ${USERS} simulated people`);
    await freshDatabase(pg.adminUrl, DB, url);
    const users = await simulatedUsers(url, USERS, DEMO_PASSWORD);
    const sink = await startMailSink();
    const port = await freePort();
    const app = await startAppServer(
      port,
      {
        ...process.env,
        DATABASE_URL: url,
        AUTH_SECRET: authSecret,
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "error",
        SMTP_URL: sink.url,
        TEST_CLOCK: "0",
        WEB_CONCURRENCY: opt.workers,
      },
      opt["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.join(outDir, "prof")}`] : [],
    );
    const pids = [app.pid()];
    let serverCpu = 0;
    const uptimeBefore = uptime();
    say(`Server up at ${app.url} (pid ${app.pid()}); ${uptimeBefore}`);

    const rec = new Recorder();
    const conflicts = new Map<string, ConflictState>();
    for (const c of await query<{
      id: string;
      a: string;
      b: string;
      acka: Date | null;
      ackb: Date | null;
      prop: string | null;
      status: string;
    }>(
      url,
      `SELECT id, "agencyAId" AS a, "agencyBId" AS b, "ackAAt" AS acka, "ackBAt" AS ackb, "proposedByAgencyId" AS prop, status FROM "Conflict"`,
    )) {
      const acked = new Set<string>([...(c.acka ? [c.a] : []), ...(c.ackb ? [c.b] : [])]);
      conflicts.set(c.id, { acked, proposedBy: c.prop, done: c.status !== "OPEN", busy: false });
    }
    let down = false;
    const shared: Shared = {
      ids,
      rec,
      until: Infinity,
      claimedNotices: new Set(),
      conflicts,
      random: mulberry32(Number(opt.seed)),
      down: () => down,
    };
    const people = users.map((u) => personFor(u, shared, app.url));

    // Everyone signs in through the sign-in page, a few at a time (as a shift starts).
    const t0 = performance.now();
    const signInMs: number[] = [];
    const queue = [...people];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let p = queue.shift(); p; p = queue.shift()) {
          const s = performance.now();
          await signIn(p.browser, p.user.email, DEMO_PASSWORD, ids.beginSignIn);
          signInMs.push(performance.now() - s);
          p.openStream();
        }
      }),
    );
    say(
      `${people.length} people signed in (${((performance.now() - t0) / 1000).toFixed(1)} s), each with its live-event stream open`,
    );

    // Warm-up: people start over the first part of it; nothing is counted until it ends.
    const start = performance.now();
    const measureFrom = start + WARM_UP_S * 1000;
    const measureTo = measureFrom + MINUTES * 60_000;
    shared.until = measureTo;
    const runs = people.map(async (p, i) => {
      await sleep((i / people.length) * WARM_UP_S * 500);
      await p.run();
    });
    await sleep(measureFrom - performance.now());
    rec.measuring = true;
    rec.measureFrom = performance.now();
    const waits = opt["pg-waits"] ? sampleWaits(url) : null;
    const cpuAt = { server: app.cpuSeconds(), self: process.cpuUsage() };
    say(`Measuring for ${MINUTES} min`);

    let kill: Figures["kill"] = null;
    if (!opt["no-kill"]) {
      await sleep(measureFrom + MINUTES * 60_000 * Number(opt["kill-at"]) - performance.now());
      serverCpu += app.cpuSeconds() - cpuAt.server;
      const at = performance.now();
      rec.killAt = at;
      down = true;
      waits?.markWindow("The 40 s from the kill", 40);
      const { killedPids } = await app.kill9();
      say(`kill -9 ${killedPids.join(" ")} at ${((at - measureFrom) / 1000).toFixed(1)} s into the run`);
      const restartMs = await app.restart();
      rec.upAgainAt = performance.now();
      down = false;
      pids.push(app.pid());
      cpuAt.server = app.cpuSeconds();
      // A page works again (not only the port): the first one after a start compiles its route.
      const probe = new Browser(app.url);
      const firstPage = await probe.page("/login");
      probe.close();
      kill = {
        atSeconds: (at - measureFrom) / 1000,
        killedPids,
        restartMs,
        firstPageMs: firstPage.ms,
        downMs: rec.upAgainAt - at,
      };
      say(
        `restarted (pid ${app.pid()}) in ${(restartMs / 1000).toFixed(1)} s; first page ${firstPage.ms.toFixed(0)} ms`,
      );
    }
    await sleep(measureTo - performance.now());
    rec.measuring = false;
    if (waits) say(await waits.stop());
    serverCpu += app.cpuSeconds() - cpuAt.server;
    const selfCpu = process.cpuUsage(cpuAt.self);
    const uptimeAfter = uptime();
    say(`Run over; ${uptimeAfter}. Waiting for people to finish what they were doing`);
    await Promise.race([Promise.all(runs), sleep(60_000)]);
    for (const p of people) p.close();

    say("Letting the server send what is left");
    const drainSeconds = await drainMail(url, Number(opt["drain-seconds"]) * 1000, say);
    await sleep(2_000);
    const reconciliation = await reconcile(url, rec.filings, sink);
    const notices = await filingNotices(url, rec.filings);
    await app.stop();
    await sink.close();
    if (opt["cpu-prof"]) {
      const { summarizeProfile } = await import("./profile-summary");
      const dir = path.join(outDir, "prof");
      // One profile per thread (the module loader has its own): the main thread's is the largest.
      const main = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".cpuprofile"))
        .map((f) => path.join(dir, f))
        .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
      if (main) say(summarizeProfile(main));
    }

    const figures: Figures = {
      date: new Date(),
      command: `npx tsx bench/load/run.ts ${process.argv.slice(2).join(" ")}`.trim(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`,
      workers: workerCount(opt.workers),
      users,
      minutes: MINUTES,
      warmUpSeconds: WARM_UP_S,
      signInMs,
      rec,
      kill,
      reconciliation,
      notices,
      drainSeconds,
      uptimeBefore,
      uptimeAfter,
      cpu: {
        serverSeconds: serverCpu,
        generatorSeconds: (selfCpu.user + selfCpu.system) / 1e6,
        wallSeconds: MINUTES * 60,
      },
    };
    const { text, markdown } = report(figures);
    say(text);
    if (!opt["no-results"]) {
      const { writeResultsSection } = await import("../results-file");
      say(`Wrote ${path.relative(process.cwd(), writeResultsSection("load", markdown))}`);
    }
  } finally {
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
