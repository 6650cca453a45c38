// Several server processes on one port (node:cluster): the primary forks them, hands out incoming
// connections, starts a new one when one dies, and stops them all on SIGTERM or SIGINT. Each worker
// is a whole portal process, as a separate instance behind a load balancer would be: live events,
// jobs, limits and caches already work across instances through PostgreSQL.
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import { z } from "zod";

/** At most this many when WEB_CONCURRENCY=auto: each worker holds a connection pool and a Next.js app. */
export const AUTO_WORKER_CAP = 4;

const workerCountSchema = z.union([
  z.literal("auto"),
  z.coerce.number().int("WEB_CONCURRENCY must be a whole number or auto").min(1).max(64),
]);

/** WEB_CONCURRENCY: a number of processes, or `auto` (one per core, at most AUTO_WORKER_CAP); unset is 1. */
export function workerCount(value: string | undefined, cores = os.availableParallelism()): number {
  if (value === undefined || value.trim() === "") return 1;
  const parsed = workerCountSchema.safeParse(value.trim());
  if (!parsed.success) throw new Error(`WEB_CONCURRENCY=${value}: expected a number from 1 to 64, or auto`);
  return parsed.data === "auto" ? Math.max(1, Math.min(cores, AUTO_WORKER_CAP)) : parsed.data;
}

type Logger = {
  info: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
};

/**
 * Runs the primary: `count` workers (this same script, same arguments, `workerEnv` added to their
 * environment), replaced when one exits unexpectedly. Gives up (exit 1) when workers keep dying:
 * more than `count + 3` deaths within a minute means they cannot start (a port in use, a bad
 * configuration) rather than a rare crash. `beforeExit` runs once every worker has gone.
 */
export function superviseWorkers(
  count: number,
  log: Logger,
  o: { workerEnv?: Record<string, string>; beforeExit?: () => Promise<void> } = {},
): void {
  let stopping = false;
  let exitCode = 0;
  const deaths: number[] = [];
  const fork = () => cluster.fork(o.workerEnv ?? {});
  let finishing = false;
  const finish = () => {
    if (finishing) return;
    finishing = true;
    void (o.beforeExit?.() ?? Promise.resolve())
      .catch((err: unknown) => log.error({ err }, "stopping the primary's own work failed"))
      .finally(() => process.exit(exitCode));
  };

  cluster.on("exit", (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) finish();
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && deaths[0] < now - 60_000) deaths.shift();
    log.error({ pid: worker.process.pid, code, signal }, "server worker exited; starting another");
    if (deaths.length > count + 3) {
      log.error({ deaths: deaths.length }, "server workers keep exiting; stopping");
      stopAll(1);
      return;
    }
    setTimeout(fork, 1_000).unref();
  });

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const live = Object.values(cluster.workers ?? {});
    if (live.length === 0) return finish();
    // Each worker finishes what is under way (server/serve.ts) and exits by itself within 5 s.
    for (const w of live) w?.process.kill("SIGTERM");
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
      process.exit(code);
    }, 10_000).unref();
  };
  process.on("SIGINT", () => stopAll(130));
  process.on("SIGTERM", () => stopAll(143));

  for (let i = 0; i < count; i++) fork();
  log.info({ workers: count, pid: process.pid }, "server primary started");
}
