// Starts this process's job worker once: inside the app server (from instrumentation.ts) and in
// the standalone `server/worker.ts`. Several instances against one database are safe.
import { db } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import { processListener } from "../realtime/process";
import { appJobHandlers, appPeriodicWork } from "./handlers";
import { startWorker, type Worker, type WorkerOptions } from "./worker";

const g = globalThis as unknown as { __cgWorker?: Worker };

export function startAppWorker(options: Pick<WorkerOptions, "concurrency" | "pollMs" | "leaseMs"> = {}): Worker {
  if (g.__cgWorker) return g.__cgWorker;
  g.__cgWorker = startWorker({
    db: db(),
    handlers: appJobHandlers(),
    listener: processListener(),
    periodic: appPeriodicWork(),
    ...options,
    concurrency: options.concurrency ?? env().JOB_CONCURRENCY,
  });
  return g.__cgWorker;
}

export async function stopAppWorker(timeoutMs?: number): Promise<void> {
  const worker = g.__cgWorker;
  g.__cgWorker = undefined;
  if (!worker) return;
  await worker.stop(timeoutMs).catch((err) => log.error({ err }, "stopping the job worker failed"));
}
