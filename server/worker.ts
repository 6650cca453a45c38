// A standalone job worker: `tsx server/worker.ts [--concurrency=N] [--poll-ms=N] [--lease-ms=N]`.
// The app server runs one itself (instrumentation.ts); run this too to add delivery capacity,
// or alone with JOBS_WORKER=0 on the app servers. Stops gracefully on SIGTERM/SIGINT.
import { parseArgs } from "node:util";
import { log } from "../lib/log";
import { startAppWorker, stopAppWorker } from "../lib/jobs/start";
import { processListener } from "../lib/realtime/process";

const { values } = parseArgs({
  options: {
    concurrency: { type: "string" },
    "poll-ms": { type: "string" },
    "lease-ms": { type: "string" },
  },
});

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
startAppWorker({
  concurrency: num(values.concurrency),
  pollMs: num(values["poll-ms"]),
  leaseMs: num(values["lease-ms"]),
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "worker stopping");
  await stopAppWorker();
  await processListener().close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
