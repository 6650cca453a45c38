// Sustained filing: several filers, each filing one operation after another for a fixed time,
// every filing with its check, conflict records, history and audit event in one transaction.
import { performance } from "node:perf_hooks";
import type { Db } from "@/lib/db/client";
import { fileOperation } from "@/lib/operations/file-operation";
import { OPERATION_TYPES } from "@/lib/validation/operation";
import { PlacePicker, randomArea, randomFlags, randomWindow, rng } from "./generate";
import type { County } from "./places";
import { benchActor } from "./probes";
import { agencyFor, type BenchWorld } from "./seed";

export const FILING_TITLE = "Benchmark filing";

export type FilingResult = {
  filed: number;
  failed: number;
  conflicts: number;
  seconds: number;
  latencies: number[];
  errors: string[];
};

export async function runFiling(
  db: Db,
  world: BenchWorld,
  counties: County[],
  now: Date,
  filers: number,
  seconds: number,
  seed: number,
): Promise<FilingResult> {
  const result: FilingResult = { filed: 0, failed: 0, conflicts: 0, seconds: 0, latencies: [], errors: [] };
  const picker = new PlacePicker(counties);
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: filers }, async (_, f) => {
      const r = rng(seed + f);
      while (performance.now() < deadline) {
        const place = picker.pick(r);
        const agency = agencyFor(world, place, r());
        // Filed ahead of time, as a liaison would: no exigent grounds needed.
        const { startsAt, endsAt } = randomWindow(r, now, true);
        const input = {
          type: OPERATION_TYPES[Math.floor(r() * OPERATION_TYPES.length)],
          title: FILING_TITLE,
          area: randomArea(r, place.lon, place.lat),
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          leadAgencyName: agency.name.slice(0, 160),
          commanderName: "Lt. Bench Mark",
          commanderPhone: "+1 202 555 0199",
          commsPlan: "Primary talkgroup; interop on national calling channel.",
          personnelCount: 2 + Math.floor(r() * 40),
          riskFlags: randomFlags(r),
          status: "PLANNED",
        };
        const t0 = performance.now();
        try {
          const { conflicts } = await fileOperation({ db, actor: benchActor(agency), input, now });
          result.filed++;
          result.conflicts += conflicts.length;
          result.latencies.push(performance.now() - t0);
        } catch (e) {
          result.failed++;
          if (result.errors.length < 5) result.errors.push(e instanceof Error ? e.message.slice(0, 300) : String(e));
        }
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/** Tables only filings write to in the benchmark database (notices, their deliveries and timers, conflicts). */
const FILING_SIDE_TABLES = [
  "NoticeMessage",
  "Notice",
  "DeliveryAttempt",
  "EscalationStep",
  "MailMessage",
  "Job",
  "Conflict",
];

/**
 * Puts the benchmark database back to its seeded state after a filing run, so the next run's
 * probes and the server's job worker meet the same data (the audit trail, append-only, stays).
 */
export async function removeFilings(client: import("pg").Client): Promise<void> {
  const { rows } = await client.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1)`,
    [FILING_SIDE_TABLES],
  );
  if (rows.length) await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} CASCADE`);
  await client.query(
    `DELETE FROM "OperationChange" WHERE "operationId" IN (SELECT "id" FROM "Operation" WHERE "title" = $1)`,
    [FILING_TITLE],
  );
  await client.query(`DELETE FROM "Operation" WHERE "title" = $1`, [FILING_TITLE]);
}

/** The filers spread over `processes` child processes (each its own event loop and pool, like app instances). */
export async function runFilingProcesses(
  url: string,
  world: BenchWorld,
  now: Date,
  processes: number,
  filers: number,
  seconds: number,
  seed: number,
): Promise<FilingResult> {
  const { fork } = await import("node:child_process");
  const { fileURLToPath } = await import("node:url");
  const shares = Array.from(
    { length: processes },
    (_, i) => Math.floor(filers / processes) + (i < filers % processes ? 1 : 0),
  ).filter((n) => n > 0);
  const results = await Promise.all(
    shares.map(
      (share, i) =>
        new Promise<FilingResult>((resolve, reject) => {
          const child = fork(fileURLToPath(new URL("./filing-worker.ts", import.meta.url)), [], {
            // BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=…" profiles the filers.
            execArgv: ["--import", "tsx", ...(process.env.BENCH_CHILD_NODE_ARGS?.split(" ").filter(Boolean) ?? [])],
            env: { ...process.env, DATABASE_URL: url },
            stdio: ["ignore", "inherit", "inherit", "ipc"],
          });
          child.once("message", (m) => resolve(m as FilingResult));
          child.once("error", reject);
          child.once("exit", (code) =>
            code === 0 ? undefined : reject(new Error(`filing process exited with ${code}`)),
          );
          child.send({ url, world, now: now.toISOString(), filers: share, seconds, seed: seed + 100 * i });
        }),
    ),
  );
  return {
    filed: results.reduce((s, r) => s + r.filed, 0),
    failed: results.reduce((s, r) => s + r.failed, 0),
    conflicts: results.reduce((s, r) => s + r.conflicts, 0),
    seconds: Math.max(...results.map((r) => r.seconds)),
    latencies: results.flatMap((r) => r.latencies),
    errors: results.flatMap((r) => r.errors).slice(0, 5),
  };
}
