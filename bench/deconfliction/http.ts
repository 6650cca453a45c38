// The HTTP half: the production server (as `npm start` runs it) on the benchmark database, API tokens of
// one probe agency (one per client, as separate CAD consoles would hold), and a fixed number of
// dry-run checks sent by concurrent clients, each waiting for its answer before sending the next.
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { freePort } from "@/scripts/lib/free-port";
import { runServer, stopChild, waitForPort } from "@/server/lib/next-app";
import type { Probe } from "./probes";

export type Server = { url: string; child: ChildProcess; stop(): Promise<void> };

/** `workers`: the server's WEB_CONCURRENCY (a number, or auto: one process per core); one by default, as `npm start`. */
export async function startServer(
  databaseUrl: string,
  authSecret: string,
  workers = "1",
  nodeArgs: string[] = [],
): Promise<Server> {
  const port = await freePort();
  const child = runServer(
    port,
    {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      TEST_CLOCK: "0",
      WEB_CONCURRENCY: workers,
    },
    ["ignore", "inherit", "inherit"],
    nodeArgs,
  );
  if (!(await waitForPort(port, child))) {
    await stopChild(child);
    throw new Error("The production server did not start (is there a build? run with --build)");
  }
  return { url: `http://127.0.0.1:${port}`, child, stop: () => stopChild(child) };
}

export type HttpResult = { latencies: number[]; statuses: Record<number, number>; seconds: number };

/** A minimal keep-alive HTTP client: the load generator shares the machine, so it should cost little. */
function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Sends the probes through `clients` concurrent connections; every client sends one request at a
 * time, with its own token (`tokens[client % tokens.length]`).
 */
export async function runHttpProbes(
  baseUrl: string,
  tokens: string[],
  probes: Probe[],
  clients: number,
): Promise<HttpResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const url = new URL("/api/v1/deconfliction/check", baseUrl);
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const headers = { authorization: `Bearer ${tokens[client % tokens.length]}`, "content-type": "application/json" };
      while (next < probes.length) {
        const probe = probes[next++];
        const t0 = performance.now();
        const status = await post(agent, url, headers, JSON.stringify(probe.input));
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  agent.destroy();
  return { latencies, statuses, seconds: (performance.now() - started) / 1000 };
}

/** The framework's floor: the same load against a route handler that does no work at all. */
export async function runFloor(baseUrl: string, requests: number, clients: number): Promise<HttpResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const url = new URL("/api/test/clock", baseUrl);
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next++ < requests) {
        const t0 = performance.now();
        const status = await new Promise<number>((resolve, reject) => {
          http
            .get({ agent, host: url.hostname, port: url.port, path: url.pathname }, (res) => {
              res.resume();
              res.on("end", () => resolve(res.statusCode ?? 0));
            })
            .on("error", reject);
        });
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  agent.destroy();
  return { latencies, statuses, seconds: (performance.now() - started) / 1000 };
}
