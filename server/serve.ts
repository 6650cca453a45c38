// The production server `npm start` runs (after `next build`): Next.js serves the portal, and the
// CAD/RMS API under /api/v1 goes straight to its route handlers (server/lib/api-server.ts).
//   node --import tsx server/serve.ts --port 3000
// Environment as for `next start` (DATABASE_URL, AUTH_SECRET, NEXTAUTH_URL…); like `next start`, it
// listens on every interface. WEB_CONCURRENCY=N (or auto) runs N such processes on the one port
// (server/lib/cluster.ts).
import cluster from "node:cluster";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../scripts/lib/script-env";
import { superviseWorkers, workerCount } from "./lib/cluster";

const { values } = parseArgs({ options: { port: { type: "string" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
Object.assign(process.env, { NODE_ENV: "production" });
let workers: number;
try {
  workers = workerCount(process.env.WEB_CONCURRENCY);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

if (cluster.isPrimary && workers > 1) {
  const { log } = await import("@/lib/log");
  // The primary only hands connections to the workers, so it runs the background jobs (email,
  // webhooks, escalations) in their place: they go out from a process whose event loop is never
  // busy rendering a page, which keeps the moment between a mail server's acceptance and its
  // record short. JOBS_WORKER=0 leaves jobs to separate server/worker.ts processes, as before.
  const runJobs = (await import("@/lib/env")).env().JOBS_WORKER === "1";
  let stopJobs = async () => {};
  if (runJobs) {
    const [{ startAppWorker, stopAppWorker }, { processListener }] = await Promise.all([
      import("@/lib/jobs/start"),
      import("@/lib/realtime/process"),
    ]);
    startAppWorker();
    stopJobs = async () => {
      await stopAppWorker(5_000);
      await processListener().close();
    };
  }
  superviseWorkers(workers, log, { workerEnv: runJobs ? { JOBS_WORKER: "0" } : {}, beforeExit: stopJobs });
} else {
  await serve();
}

async function serve() {
  // Imported only now: Next.js and the route modules read NODE_ENV when they load.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: repoRoot, port });
  const handleNext = app.getRequestHandler();
  await app.prepare();

  // Only after prepare(): these import next/server, whose request-scoped storage needs the runtime
  // environment prepare() sets up (imported earlier, it would be an inert stand-in).
  const { loadRoutes } = await import("./lib/api-routes");
  const { API_BASE, apiReferenceGuard, configuredTrustedProxies, createApiHandler, pinClientAddress } =
    await import("./lib/api-server");
  const { createMemoryLimiter } = await import("@/lib/rate-limit/memory");
  const { log } = await import("@/lib/log");
  const { servedOverHttps } = await import("@/lib/http/security-headers");
  const { createRequestListener } = await import("./lib/request-listener");
  const routes = await loadRoutes(path.join(repoRoot, "app", API_BASE));
  const trustedProxies = configuredTrustedProxies();
  const handleApi = createApiHandler(routes, { trustedProxies });
  // The public record's pages, answered from memory between publications (lib/public-record/page-server.ts).
  const servePublic = await (await import("@/lib/public-record/page-server")).processPublicPageServer();

  const server = http.createServer(
    createRequestListener({
      // The public API reference: limited per client address before anything else runs.
      guard: apiReferenceGuard(trustedProxies, createMemoryLimiter("apiReferenceAddress")),
      handleApi,
      handleNext: (req, res) => servePublic(req, res, handleNext),
      // Pages, server actions and sign-in read the client address from a header only this server sets.
      beforeNext: (req) => pinClientAddress(req, trustedProxies),
      https: servedOverHttps(),
      onError: (err, req) => log.error({ err, url: req.url }, "request failed"),
    }),
  );

  // An idle keep-alive connection stays open longer than clients and proxies keep theirs (load
  // balancers commonly 60 s): Node's default of 5 s closes sockets a client may be reusing at that
  // instant, which it sees as a reset connection. Headers must arrive within a little more.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  server.listen(port, () => {
    log.info({ port, apiRoutes: routes.length, pid: process.pid }, "serving");
  });

  let stopping = false;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // Finish what is under way (briefly), then go, with the usual 128 + signal code (as `next
      // start` does); a job cut short is retried after its lease. Live-update streams never finish
      // by themselves: they are cut after the grace period.
      server.close(() => process.exit(code));
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2_000).unref();
      setTimeout(() => process.exit(code), 5_000).unref();
    });
  }
}
