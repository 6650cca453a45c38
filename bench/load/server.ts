// The production server under load, as `npm start` serves it (server/serve.ts on the last build,
// its job worker in the same process, started by instrumentation.ts), and its sudden death: the
// one place this benchmark names how the server is started.
import type { ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { exitOf, runServer, stopChild, waitForPort } from "@/server/lib/next-app";

export type AppServer = {
  url: string;
  port: number;
  pid(): number;
  /** CPU-seconds used so far by the server's processes (with WEB_CONCURRENCY > 1, its workers too). */
  cpuSeconds(): number;
  /** `kill -9` of the server process (and any process it started); resolves once it is gone. */
  kill9(): Promise<{ killedPids: number[] }>;
  /** Starts it again on the same port; resolves with the milliseconds until it accepts connections. */
  restart(): Promise<number>;
  stop(): Promise<void>;
};

/** The process and every descendant: there should be only the one, but a kill -9 must take all. */
function processTree(pid: number): number[] {
  const out = [pid];
  try {
    const children = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
    for (const c of children) out.push(...processTree(c));
  } catch {
    // no children
  }
  return out;
}

function cpuSecondsOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

export async function startAppServer(
  port: number,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<AppServer> {
  const spawn = async (): Promise<{ child: ChildProcess; ms: number }> => {
    const t0 = performance.now();
    const child = runServer(port, env, ["ignore", "inherit", "inherit"], nodeArgs);
    if (!(await waitForPort(port, child))) {
      await stopChild(child);
      throw new Error("The production server did not start (is there a build? run with --build)");
    }
    return { child, ms: performance.now() - t0 };
  };
  let current = (await spawn()).child;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: () => current.pid ?? 0,
    cpuSeconds: () => processTree(current.pid ?? 0).reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
    async kill9() {
      const pids = processTree(current.pid ?? 0);
      const exited = exitOf(current);
      for (const p of pids) {
        try {
          process.kill(p, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await exited;
      return { killedPids: pids };
    },
    async restart() {
      const started = await spawn();
      current = started.child;
      return started.ms;
    },
    stop: () => stopChild(current),
  };
}
