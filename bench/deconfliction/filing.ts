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

export type FilingResult = { filed: number; failed: number; conflicts: number; seconds: number; latencies: number[]; errors: string[] };

export async function runFiling(db: Db, world: BenchWorld, counties: County[], now: Date, filers: number, seconds: number, seed: number): Promise<FilingResult> {
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
const FILING_SIDE_TABLES = ["NoticeMessage", "Notice", "DeliveryAttempt", "EscalationStep", "MailMessage", "Job", "Conflict"];

/**
 * Puts the benchmark database back to its seeded state after a filing run, so the next run's
 * probes and the server's job worker meet the same data (the audit trail, append-only, stays).
 */
export async function removeFilings(client: import("pg").Client): Promise<void> {
  const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1)`, [FILING_SIDE_TABLES]);
  if (rows.length) await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} CASCADE`);
  await client.query(`DELETE FROM "OperationChange" WHERE "operationId" IN (SELECT "id" FROM "Operation" WHERE "title" = $1)`, [FILING_TITLE]);
  await client.query(`DELETE FROM "Operation" WHERE "title" = $1`, [FILING_TITLE]);
}
