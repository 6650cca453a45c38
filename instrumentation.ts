// Runs once when a Next.js server instance starts: on the Node.js runtime it starts this
// instance's durable job worker (email, escalation timers). Every instance runs one; jobs are
// claimed with row locks, so they never run twice at once. JOBS_WORKER=0 leaves it to
// separate `server/worker.ts` processes.
export async function register(): Promise<void> {
  // Next evaluates this file in every runtime, and loads it while building; only a live Node server works jobs.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // The gazetteer behind every area's description: read now, not during someone's request.
  const { warmGazetteer } = await import("./lib/geo/gazetteer");
  warmGazetteer();
  const { env } = await import("./lib/env");
  if (env().JOBS_WORKER !== "1") return;
  const { startAppWorker } = await import("./lib/jobs/start");
  // No signal handler of our own: Next owns shutdown. A job cut short is retried after its lease.
  startAppWorker();
}
