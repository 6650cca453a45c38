// The public record under a surge of readers: the production server (as `npm start` runs it) on a
// database with the demo world, a mix of public page views from concurrent clients for a fixed
// time, and what that cost the database. Targets: ≥ 500 page views/s, p95 < 100 ms, and no
// database work per view (the pages are kept in memory between publications).
// Usage: npx tsx bench/public/run.ts [--build] [--seconds 20] [--clients 32] [--addresses 5000]
// See bench/README.md.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { applyMigrations } from "@/scripts/db/engine";
import { startEmbeddedPostgres, type EmbeddedPg } from "@/scripts/lib/embedded-pg";
import { exitOf, hasBuild, runNext } from "@/server/lib/next-app";
import { quoteIdent, withClient, withDatabase } from "@/scripts/lib/pg-url";
import { quiet } from "@/scripts/lib/say";
import { repoRoot } from "@/scripts/lib/script-env";
import { seedIfEmpty } from "@/scripts/lib/seed-demo";
import { startServer } from "../deconfliction/http";
import { ms, summarize, type Summary } from "../deconfliction/stats";
import { writeResultsSection } from "../results-file";

const { values: opt } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    clients: { type: "string", default: "32" },
    addresses: { type: "string", default: "5000" },
    "database-url": { type: "string" },
    build: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    "no-results": { type: "boolean", default: false },
  },
});
const SECONDS = Number(opt.seconds);
const CLIENTS = Number(opt.clients);
const ADDRESSES = Number(opt.addresses);
const BENCH_DB = "cg_bench_public";
/** Backends flush their statistics at most this long after going idle (PostgreSQL's PGSTAT_IDLE_INTERVAL is 10 s). */
const STATS_SETTLE_MS = 11_000;
const TARGET_RPS = 500;
const TARGET_P95 = 100;
const outDir = path.join(repoRoot, "bench", "out");
const say = (s: string) => process.stdout.write(`${s}\n`);

type View = { type: string; path: string };

/** Every public page type of the demo world, as readers would ask for them. */
async function viewsOf(url: string): Promise<View[]> {
  return withClient(url, async (c) => {
    const agencies = (
      await c.query<{ slug: string; id: string }>(
        `SELECT a.slug, a.id FROM "Agency" a WHERE a.active AND (
           EXISTS (SELECT 1 FROM "PublicDocumentVersion" v WHERE v."agencyId" = a.id AND v."publishedAt" IS NOT NULL)
           OR EXISTS (SELECT 1 FROM "RequestReport" r WHERE r."agencyId" = a.id AND r."publishedAt" IS NOT NULL))
         ORDER BY a.slug`,
      )
    ).rows;
    const docs = (
      await c.query<{ agency: string; slug: string; versions: number }>(
        `SELECT a.slug AS agency, d.slug, count(*)::int AS versions FROM "PublicDocument" d
         JOIN "Agency" a ON a.id = d."agencyId" JOIN "PublicDocumentVersion" v ON v."documentId" = d.id
         WHERE v."publishedAt" IS NOT NULL GROUP BY a.slug, d.slug ORDER BY 1, 2`,
      )
    ).rows;
    const reports = (
      await c.query<{ agency: string; year: number; quarter: number | null }>(
        `SELECT a.slug AS agency, r.year, r.quarter FROM "RequestReport" r JOIN "Agency" a ON a.id = r."agencyId"
         WHERE r."publishedAt" IS NOT NULL ORDER BY 1, 2, 3`,
      )
    ).rows;
    const views: View[] = [
      { type: "overview", path: "/transparency" },
      { type: "statewide", path: "/transparency/statewide" },
      { type: "feed", path: "/transparency/feed.xml" },
      { type: "audit anchors", path: "/transparency/audit-anchors" },
      ...agencies.map((a) => ({ type: "agency", path: `/transparency/${a.slug}` })),
    ];
    for (const d of docs) {
      views.push({ type: "document", path: `/transparency/${d.agency}/documents/${d.slug}` });
      if (d.versions > 1) views.push({ type: "document, old version", path: `/transparency/${d.agency}/documents/${d.slug}?v=1` });
    }
    for (const r of reports) {
      const label = r.quarter ? `${r.year}-Q${r.quarter}` : String(r.year);
      views.push({ type: "report CSV", path: `/transparency/${r.agency}/reports/${label}.csv` });
      views.push({ type: "report JSON", path: `/transparency/${r.agency}/reports/${label}.json` });
    }
    return views;
  });
}

/** Transactions and rows the database served for one database (pg_stat_database). */
async function dbWork(url: string): Promise<{ xacts: number; rows: number }> {
  return withClient(url, async (c) => {
    const r = await c.query<{ xacts: string; rows: string }>(
      `SELECT (xact_commit + xact_rollback)::text AS xacts, (tup_returned + tup_fetched)::text AS rows
       FROM pg_stat_database WHERE datname = current_database()`,
    );
    return { xacts: Number(r.rows[0].xacts), rows: Number(r.rows[0].rows) };
  });
}

/** CPU seconds a process has used (Linux /proc; null elsewhere). Clock ticks are 100 a second on Linux. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

type Sample = { type: string; ms: number; status: number; bytes: number };

function get(agent: http.Agent, base: URL, path: string, headers: Record<string, string>): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    http
      .get({ agent, host: base.hostname, port: base.port, path, headers }, (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => resolve([res.statusCode ?? 0, bytes]));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/** `clients` readers, each asking for a random view in a random language from a random address, one at a time. */
async function drive(baseUrl: string, views: View[], seconds: number, clients: number): Promise<Sample[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const base = new URL(baseUrl);
  const samples: Sample[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const view = views[Math.floor(Math.random() * views.length)];
        const spanish = Math.random() < 0.5;
        const n = Math.floor(Math.random() * ADDRESSES);
        const headers = {
          "accept-language": spanish ? "es-US,es;q=0.9" : "en-US,en;q=0.9",
          // Readers arriving through the reverse proxy the server trusts (TRUSTED_PROXIES).
          "x-forwarded-for": `198.18.${n >> 8}.${n & 255}`,
        };
        const t0 = performance.now();
        const [status, bytes] = await get(agent, base, view.path, headers);
        samples.push({ type: `${view.type} (${spanish ? "es" : "en"})`, ms: performance.now() - t0, status, bytes });
      }
    }),
  );
  agent.destroy();
  return samples;
}

async function database(): Promise<{ adminUrl: string; embedded?: EmbeddedPg }> {
  if (opt["database-url"]) return { adminUrl: opt["database-url"] };
  fs.mkdirSync(outDir, { recursive: true });
  fs.chmodSync(outDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(outDir, "pg-public") });
  return { adminUrl: embedded.adminUrl, embedded };
}

async function main(): Promise<void> {
  const { adminUrl, embedded } = await database();
  try {
    const url = withDatabase(adminUrl, BENCH_DB);
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(BENCH_DB)} WITH (FORCE)`));
    say(`Creating ${BENCH_DB}, applying the migrations and seeding the demo world`);
    await applyMigrations(url);
    process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
    process.env.DATABASE_URL = url;
    await seedIfEmpty(url, quiet);
    const views = await viewsOf(url);
    say(`  ${views.length} public addresses (× 2 languages)`);

    if (!hasBuild() || opt.build) {
      say("Building the app for production (next build)");
      const code = await exitOf(
        runNext(["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" }),
      );
      if (code !== 0) throw new Error(`next build failed (exit ${code})`);
    }
    // As deployed behind a reverse proxy on this host: the readers' addresses come from
    // X-Forwarded-For, and every limit by address applies to each reader (lib/rate-limit/limits.ts).
    process.env.TRUSTED_PROXIES = "127.0.0.1";
    if (opt.profile) process.env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${path.join(outDir, "prof")}`;
    const app = await startServer(url, process.env.AUTH_SECRET);
    delete process.env.NODE_OPTIONS;
    try {
      say(`Warming up: every address once per language, then ${Math.min(5, SECONDS)} s of load`);
      const agent = new http.Agent({ keepAlive: true });
      for (const v of views)
        for (const lang of ["en-US", "es-US"]) {
          const [status] = await get(agent, new URL(app.url), v.path, { "accept-language": lang });
          if (status !== 200) throw new Error(`${v.path} answered ${status} while warming up`);
        }
      agent.destroy();
      await drive(app.url, views, Math.min(5, SECONDS), CLIENTS);

      await sleep(STATS_SETTLE_MS);
      const before = await dbWork(url);
      say(`Measuring: ${CLIENTS} concurrent readers for ${SECONDS} s`);
      const cpuBefore = cpuSeconds(app.child.pid);
      const samples = await drive(app.url, views, SECONDS, CLIENTS);
      const cpuAfter = cpuSeconds(app.child.pid);
      const serverCpuMs =
        cpuBefore !== null && cpuAfter !== null ? ((cpuAfter - cpuBefore) * 1000) / samples.length : null;
      await sleep(STATS_SETTLE_MS);
      const after = await dbWork(url);
      // The same stretch with no readers: what the server does on its own (the job worker's polls).
      say(`Idle baseline: the same ${SECONDS + STATS_SETTLE_MS / 1000} s without readers`);
      await sleep(SECONDS * 1000);
      await sleep(STATS_SETTLE_MS);
      const idle = await dbWork(url);

      const overall = summarize(samples.map((s) => s.ms));
      const rps = samples.length / SECONDS;
      const statuses: Record<number, number> = {};
      for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
      const types = [...new Set(samples.map((s) => s.type))].sort();
      const byType = types.map((type) => ({
        type,
        summary: summarize(samples.filter((s) => s.type === type).map((s) => s.ms)),
        bytes: Math.round(
          samples.filter((s) => s.type === type).reduce((sum, s) => sum + s.bytes, 0) /
            Math.max(1, samples.filter((s) => s.type === type).length),
        ),
      }));
      const measured = { xacts: after.xacts - before.xacts - 1, rows: after.rows - before.rows };
      const baseline = { xacts: idle.xacts - after.xacts - 1, rows: idle.rows - after.rows };
      const load = os.loadavg().map((l) => l.toFixed(2));

      const row = (label: string, s: Summary, extra = "") =>
        `${label.padEnd(30)} p50 ${ms(s.p50).padStart(6)} ms  p95 ${ms(s.p95).padStart(6)} ms  p99 ${ms(s.p99).padStart(6)} ms  n=${s.count}${extra}`;
      say("");
      for (const t of byType) say(row(t.type, t.summary, `  ~${t.bytes} B`));
      say(row("all views", overall));
      say(`${rps.toFixed(0)} views/s; statuses ${JSON.stringify(statuses)}`);
      say(
        `database during the window: ${measured.xacts} transactions, ${measured.rows} rows read; ` +
          `idle baseline over the same time: ${baseline.xacts} transactions, ${baseline.rows} rows`,
      );
      if (serverCpuMs !== null) say(`server CPU per view: ${serverCpuMs.toFixed(3)} ms (the rest of the time is the machine's)`);
      say(`load average at the end: ${load.join(" ")}`);

      const allOk = Object.keys(statuses).every((s) => s === "200");
      const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
      const fig = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;
      if (!opt["no-results"]) {
        const file = writeResultsSection(
          "public",
          `## Public record under a surge of readers

\`npx tsx bench/public/run.ts ${process.argv.slice(2).join(" ")}\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC;
${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}; load average at the end ${load.join(" ")}
(the machine is shared: figures under other work are lower than on a quiet machine).
The production server on the demo world, ${CLIENTS} concurrent readers for ${SECONDS} s, each view a random public
address (${views.length} of them: overview, statewide, agency pages, documents and old versions, report CSV and JSON,
the Atom feed, the signed audit heads) in English or Spanish, from ${ADDRESSES} reader addresses behind a trusted proxy.

| | target | measured | |
|---|---|---|---|
| Page views per second | ≥ ${TARGET_RPS} | ${rps.toFixed(0)} | ${verdict(rps >= TARGET_RPS)} |
| p95 latency, all views | < ${TARGET_P95} ms | ${ms(overall.p95)} ms | ${verdict(overall.p95 < TARGET_P95)} |
| Answers other than 200 | 0 | ${samples.length - (statuses[200] ?? 0)} | ${verdict(allOk)} |
| Server CPU per view (informative) | | ${serverCpuMs === null ? "n/a" : `${serverCpuMs.toFixed(3)} ms`} | |
| Database transactions during the window (idle baseline) | ~0 beyond the baseline | ${measured.xacts} (${baseline.xacts}) | ${verdict(measured.xacts <= baseline.xacts + 5)} |

| view | p50 / p95 / p99 ms | n |
|---|---|---|
${byType.map((t) => `| ${t.type} | ${fig(t.summary)} | ${t.summary.count} |`).join("\n")}
| **all** | ${fig(overall)} | ${overall.count} |
`,
        );
        say(`Wrote ${path.relative(repoRoot, file)}`);
      }
    } finally {
      await app.stop();
    }
  } finally {
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
