// The deconfliction benchmark. Seeds N operations (default 1,000,000) over US metro areas and
// rural counties across ±2 years, then measures:
//   1. the in-process dry-run check (lib/operations/dry-run) over random probes: p50/p95/p99;
//   2. the same probes with the candidate index disabled (a naive scan), for the ratio;
//   3. POST /api/v1/deconfliction/check on a production server with concurrent clients;
//   4. sustained filing throughput with several concurrent filers.
// Usage: npx tsx bench/deconfliction/run.ts --n 1000000 [--database-url postgres://…/postgres]
// See bench/README.md for every option.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "@/scripts/db/engine";
import { startEmbeddedPostgres, type EmbeddedPg } from "@/scripts/lib/embedded-pg";
import { hasBuild, runNext, exitOf } from "@/server/lib/next-app";
import { quoteIdent, redactUrl, withClient, withDatabase } from "@/scripts/lib/pg-url";
import { repoRoot } from "@/scripts/lib/script-env";
import { removeFilings, runFilingProcesses } from "./filing";
import { runFloor, runHttpProbes, startServer } from "./http";
import { workerCount } from "@/server/lib/cluster";
import { countyCentroids } from "./places";
import { benchActor, makeProbes, type Probe } from "./probes";
import { seedAgencies, seedOperations, type BenchWorld } from "./seed";
import { line, summarize, type Summary } from "./stats";
import { writeResults } from "./results";

const { values: opt } = parseArgs({
  options: {
    n: { type: "string", default: "1000000" },
    probes: { type: "string", default: "1000" },
    "naive-probes": { type: "string" },
    clients: { type: "string", default: "16" },
    // The server's WEB_CONCURRENCY: one process, as `npm start` runs by default. More processes do
    // not help this check on two vCPUs: PostgreSQL and the clients need the second, and each
    // process's request audit then commits in smaller groups.
    workers: { type: "string", default: "1" },
    // The server runs with V8's sampling profiler; profiles go to bench/out/prof (one per thread).
    "cpu-prof": { type: "boolean", default: false },
    "http-requests": { type: "string", default: "1000" },
    filers: { type: "string", default: "8" },
    "filing-processes": { type: "string", default: "1" },
    "filing-seconds": { type: "string", default: "30" },
    seed: { type: "string", default: "20261123" },
    "database-url": { type: "string" },
    reseed: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    "skip-naive": { type: "boolean", default: false },
    "skip-http": { type: "boolean", default: false },
    "skip-filing": { type: "boolean", default: false },
    "no-results": { type: "boolean", default: false },
  },
});

const N = Number(opt.n);
const PROBES = Number(opt.probes);
const NAIVE_PROBES = Number(opt["naive-probes"] ?? opt.probes);
const SEED = Number(opt.seed);
const SEED_VERSION = 1;
/** Probes (other than the measured ones) run first, in-process and over HTTP. */
const WARM_UP_PROBES = 2_000;
const BENCH_DB = `cg_bench_${N}`;
const outDir = path.join(repoRoot, "bench", "out");

const say = (s: string) => process.stdout.write(`${s}\n`);

async function server(): Promise<{ adminUrl: string; embedded?: EmbeddedPg; label: string }> {
  if (opt["database-url"]) return { adminUrl: opt["database-url"], label: "external PostgreSQL (--database-url)" };
  fs.mkdirSync(outDir, { recursive: true });
  fs.chmodSync(outDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(outDir, "pg") });
  return {
    adminUrl: embedded.adminUrl,
    embedded,
    label: "embedded PostgreSQL (default settings, as `npm start` runs it)",
  };
}

/** The server's version and the settings that matter most here, for the record. */
async function serverFacts(url: string): Promise<string> {
  return withClient(url, async (c) => {
    const setting = async (name: string) =>
      (await c.query<{ v: string }>(`SELECT current_setting($1) AS v`, [name])).rows[0].v;
    const version = (await setting("server_version")).split(" ")[0];
    const names = ["shared_buffers", "fsync", "synchronous_commit", "max_connections"];
    const values: string[] = [];
    for (const n of names) values.push(await setting(n));
    return `PostgreSQL ${version} (${names.map((n, i) => `${n}=${values[i]}`).join(", ")})`;
  });
}

type Marker = { n: number; seed: number; version: number; now: string; world: BenchWorld };

async function prepare(
  adminUrl: string,
): Promise<{ url: string; now: Date; world: BenchWorld; seeded: boolean; seedSeconds: number }> {
  const url = withDatabase(adminUrl, BENCH_DB);
  const counties = countyCentroids();
  const existing = await withClient(
    adminUrl,
    async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [BENCH_DB])).rowCount === 1,
  );
  if (existing && !opt.reseed) {
    const marker = await withClient(url, async (c) => {
      const r = await c
        .query<{ value: Marker }>(`SELECT "value" FROM "SystemSetting" WHERE "key" = 'bench.seed'`)
        .catch(() => ({ rows: [] as { value: Marker }[] }));
      return r.rows[0]?.value;
    });
    if (marker && marker.n === N && marker.seed === SEED && marker.version === SEED_VERSION) {
      say(`Reusing ${BENCH_DB}: ${N.toLocaleString("en-US")} operations seeded ${marker.now}`);
      const applied = await applyMigrations(url);
      if (applied.length) say(`  applied ${applied.join(", ")}`);
      return { url, now: new Date(marker.now), world: marker.world, seeded: false, seedSeconds: 0 };
    }
  }
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(BENCH_DB)} WITH (FORCE)`));
  say(`Creating ${BENCH_DB} and applying the migrations`);
  await applyMigrations(url);
  const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const t0 = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const world = await seedAgencies(client, counties);
    let last = 0;
    await seedOperations(client, world, counties, N, now, SEED, (done) => {
      if (done - last >= 100_000 || done === N) {
        last = done;
        say(`  seeded ${done.toLocaleString("en-US")} operations (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      }
    });
    const marker: Marker = { n: N, seed: SEED, version: SEED_VERSION, now: now.toISOString(), world };
    await client.query(
      `INSERT INTO "SystemSetting" ("key", "value", "updatedAt") VALUES ('bench.seed', $1::jsonb, now())`,
      [JSON.stringify(marker)],
    );
    await client.query("VACUUM ANALYZE");
    return { url, now, world, seeded: true, seedSeconds: (performance.now() - t0) / 1000 };
  } finally {
    await client.end();
  }
}

const BENCH_RATE_LIMITS = { dryRunUser: { points: 10_000_000 }, dryRunAgency: { points: 10_000_000 } };

async function timeProbes(
  db: import("@/lib/db/client").Db,
  probes: Probe[],
  now: Date,
): Promise<{ summary: Summary; conflicts: number }> {
  // The dry run as the API runs it: validation, the per-person and per-agency probe limits, the
  // check, the need-to-know answer, and the probe's audit record handed to the request's own audit
  // event (here a sink that keeps it; the HTTP run below writes them).
  const { dryRunCheck } = await import("@/lib/operations/dry-run");
  const samples: number[] = [];
  const records: unknown[] = [];
  let conflicts = 0;
  for (const p of probes) {
    const actor = benchActor(p.agency);
    const t0 = performance.now();
    const result = await dryRunCheck({ db, actor, input: p.input, now, sink: (r) => records.push(r) });
    samples.push(performance.now() - t0);
    conflicts += result.conflicts.length;
  }
  return { summary: summarize(samples), conflicts };
}

async function main(): Promise<void> {
  const srv = await server();
  try {
    const prepared = await prepare(srv.adminUrl);
    const { url, now, world } = prepared;
    // lib/env validates these once; the domain code is called with an explicit client below.
    process.env.DATABASE_URL = url;
    process.env.AUTH_SECRET ??= randomBytes(24).toString("base64url");
    // The probe limits stay in the path (every check spends from them, as in production) but are
    // raised past what this load asks: by default an agency may run 300 dry runs in 5 minutes,
    // and this benchmark sends thousands a second on purpose.
    process.env.RATE_LIMITS = JSON.stringify(BENCH_RATE_LIMITS);
    const { createDb } = await import("@/lib/db/client");
    const counties = countyCentroids();
    // Whatever an interrupted earlier run filed would otherwise skew this one.
    await withClient(url, removeFilings);
    const rows = await withClient(
      url,
      async (c) => (await c.query<{ n: string }>(`SELECT count(*) AS n FROM "Operation"`)).rows[0].n,
    );
    say(`Operations in the database: ${Number(rows).toLocaleString("en-US")}`);

    const db = createDb(url, 4);
    // A running server is warm: compiled code paths, the index's upper levels in memory.
    const warm = makeProbes(world, counties, now, WARM_UP_PROBES, SEED + 1);
    await timeProbes(db, warm, now);
    const probes = makeProbes(world, counties, now, PROBES, SEED + 2);
    const indexed = await timeProbes(db, probes, now);
    say(line("in-process dry-run check", indexed.summary) + `   conflicts found: ${indexed.conflicts}`);

    let naive: { summary: Summary; conflicts: number } | null = null;
    if (!opt["skip-naive"]) {
      // One connection, so the session settings apply to every query the check makes.
      const naiveDb = createDb(url, 1);
      await naiveDb.$executeRawUnsafe("SET enable_indexscan = off");
      await naiveDb.$executeRawUnsafe("SET enable_bitmapscan = off");
      await naiveDb.$executeRawUnsafe("SET enable_indexonlyscan = off");
      const plan = await naiveDb.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT 1 FROM "Operation" o WHERE o."searchRange" && tstzrange(now(), now() + interval '4 hours') AND o."searchBox" && box(point(-87.7, 41.8), point(-87.6, 41.9))`,
      );
      say(`  naive plan: ${plan.map((p) => p["QUERY PLAN"].trim()).join(" | ")}`);
      naive = await timeProbes(naiveDb, probes.slice(0, NAIVE_PROBES), now);
      await naiveDb.$disconnect();
      say(line("same probes, index disabled", naive.summary) + `   conflicts found: ${naive.conflicts}`);
      say(
        `  ratio (naive p95 / indexed p95): ${(naive.summary.p95 / indexed.summary.p95).toFixed(0)}×   (p50: ${(naive.summary.p50 / indexed.summary.p50).toFixed(0)}×)`,
      );
    }

    let http: {
      summary: Summary;
      statuses: Record<number, number>;
      rps: number;
      floor: Summary;
      floorRps: number;
    } | null = null;
    if (!opt["skip-http"]) {
      if (!hasBuild() || opt.build) {
        say("Building the app for production (next build)");
        const code = await exitOf(
          runNext(["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" }),
        );
        if (code !== 0) throw new Error(`next build failed (exit ${code})`);
      }
      const { createApiToken } = await import("@/lib/api-tokens/manage-tokens");
      const agency = world.metroAgencies[2][0];
      const clients = Number(opt.clients);
      // One token per client, as each CAD console of an agency would hold: every request is rate
      // limited per token (lib/rate-limit/limits.ts) as in production, and one token sending all
      // of this load would be throttled long before the run ended.
      const tokens: string[] = [];
      for (let i = 0; i < clients; i++) {
        const input = { name: `Benchmark client ${i + 1}`, scopes: ["file"] };
        tokens.push(
          (await createApiToken({ db, actor: benchActor(agency, ["AGENCY_ADMIN"]), input, now: new Date() })).token,
        );
      }
      const app = await startServer(
        url,
        process.env.AUTH_SECRET,
        opt.workers,
        opt["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.join(outDir, "prof")}`] : [],
      );
      try {
        await runHttpProbes(app.url, tokens, makeProbes(world, counties, now, WARM_UP_PROBES, SEED + 3), clients);
        const result = await runHttpProbes(
          app.url,
          tokens,
          makeProbes(world, counties, now, Number(opt["http-requests"]), SEED + 4),
          clients,
        );
        // The same load on a route that does nothing: what the framework alone costs on this machine.
        await runFloor(app.url, WARM_UP_PROBES, clients);
        const floor = await runFloor(app.url, Number(opt["http-requests"]), clients);
        http = {
          summary: summarize(result.latencies),
          statuses: result.statuses,
          rps: result.latencies.length / result.seconds,
          floor: summarize(floor.latencies),
          floorRps: floor.latencies.length / floor.seconds,
        };
        say(
          line(`HTTP API check, ${clients} clients`, http.summary) +
            `   ${http.rps.toFixed(0)} req/s, statuses ${JSON.stringify(result.statuses)}`,
        );
        say(
          line(`  no-op Next.js route, ${clients} clients`, http.floor) +
            `   ${http.floorRps.toFixed(0)} req/s (a page-side request at least)`,
        );
      } finally {
        await app.stop();
      }
    }

    let filing: Awaited<ReturnType<typeof runFilingProcesses>> | null = null;
    if (!opt["skip-filing"]) {
      const filers = Number(opt.filers);
      const processes = Number(opt["filing-processes"]);
      filing = await runFilingProcesses(url, world, now, processes, filers, Number(opt["filing-seconds"]), SEED + 5);
      await withClient(url, removeFilings);
      const s = summarize(filing.latencies);
      say(
        `filing throughput, ${filers} filers in ${processes} processes: ${(filing.filed / filing.seconds).toFixed(0)} operations/s ` +
          `(${filing.filed} filed in ${filing.seconds.toFixed(1)} s, ${filing.conflicts} conflicts recorded, ${filing.failed} failed)`,
      );
      say(line("  filing latency", s));
      if (filing.errors.length) say(`  errors: ${filing.errors.join(" / ")}`);
    }
    await db.$disconnect();

    if (!opt["no-results"]) {
      const file = writeResults({
        command: `npx tsx bench/deconfliction/run.ts ${process.argv
          .slice(2)
          .map((a) => a.replace(/postgres(ql)?:\/\/\S+/, (u) => redactUrl(u)))
          .join(" ")}`.trim(),
        machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`,
        database: `${srv.label}: ${await serverFacts(url)}`,
        n: N,
        seedSeconds: prepared.seeded ? prepared.seedSeconds : null,
        indexed: indexed.summary,
        indexedConflicts: indexed.conflicts,
        naive: naive?.summary ?? null,
        http: http ? { ...http, clients: Number(opt.clients), workers: workerCount(opt.workers) } : null,
        filing: filing
          ? {
              perSecond: filing.filed / filing.seconds,
              filed: filing.filed,
              seconds: filing.seconds,
              conflicts: filing.conflicts,
              failed: filing.failed,
              filers: Number(opt.filers),
              processes: Number(opt["filing-processes"]),
              latency: summarize(filing.latencies),
            }
          : null,
      });
      say(`Wrote ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    await srv.embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
