// The HTTP half: a production server (`next start`) on the benchmark database, an API token of
// one probe agency, and a fixed number of dry-run checks sent by concurrent clients, each
// waiting for its answer before sending the next.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { freePort } from "@/scripts/lib/free-port";
import { stopChild, waitForPort } from "@/scripts/lib/next-app";
import { repoRoot } from "@/scripts/lib/script-env";
import type { Probe } from "./probes";

export type Server = { url: string; child: ChildProcess; stop(): Promise<void> };

export async function startServer(databaseUrl: string, authSecret: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repoRoot, "node_modules", "next", "dist", "bin", "next"), "start", "--port", String(port)], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      TEST_CLOCK: "0",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (!(await waitForPort(port, child))) {
    await stopChild(child);
    throw new Error("The production server did not start (is there a build? run with --build)");
  }
  return { url: `http://127.0.0.1:${port}`, child, stop: () => stopChild(child) };
}

export type HttpResult = { latencies: number[]; statuses: Record<number, number>; seconds: number };

/** Sends the probes through `clients` concurrent connections; every client sends one request at a time. */
export async function runHttpProbes(baseUrl: string, token: string, probes: Probe[], clients: number): Promise<HttpResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < probes.length) {
        const probe = probes[next++];
        const t0 = performance.now();
        const res = await fetch(`${baseUrl}/api/v1/deconfliction/check`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(probe.input),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
    }),
  );
  return { latencies, statuses, seconds: (performance.now() - started) / 1000 };
}
