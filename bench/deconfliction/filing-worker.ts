// One filing process's share of the sustained-filing run: its own event loop and database pool,
// like another app instance. Receives its job over IPC, answers with its counts, exits.
import { createDb } from "@/lib/db/client";
import { runFiling } from "./filing";
import { countyCentroids } from "./places";
import type { BenchWorld } from "./seed";

type Job = { url: string; world: BenchWorld; now: string; filers: number; seconds: number; seed: number };

process.once("message", async (job: Job) => {
  const db = createDb(job.url, job.filers + 2);
  const result = await runFiling(
    db,
    job.world,
    countyCentroids(),
    new Date(job.now),
    job.filers,
    job.seconds,
    job.seed,
  );
  await db.$disconnect();
  process.send?.(result, () => process.exit(0));
});
