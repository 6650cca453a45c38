// More app instances for the multi-instance spec: each is the production server as `npm start`
// runs it (its start script, on the last build) against an existing database, on its own port, with
// its own job worker and LISTEN connection — what docs/DEPLOY.md has an installation run behind its
// load balancer. Each runs in a process group of its own, so stopping it stops everything it
// started, even when the spec fails.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot } from "../../../scripts/lib/script-env";

/**
 * What `npm start` runs (package.json's "start": `tsx <entry>`), without npm in between, so the
 * process group's leader is the start script itself.
 */
function startCommand(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const entry = /^tsx (\S+)$/.exec(pkg.scripts.start)?.[1];
  if (!entry) throw new Error(`Unexpected "start" script: ${pkg.scripts.start}`);
  return [process.execPath, "--import", "tsx", entry];
}

/** Variables that would point a started instance somewhere else than the spec says. */
const REDIRECTING = ["DATABASE_URL", "CG_DATA_DIR", "START_SKIP_SERVE", "CG_DEMO", "CG_DEMO_FORCE", "NODE_ENV"];

export type AppInstance = {
  name: string;
  port: number;
  /** The instance itself, bypassing any proxy. */
  url: string;
  /** Everything it printed (the start script's steps and the server's JSON log lines). */
  output(): string;
  /** The server's structured log lines with this `msg`. */
  logged(msg: string): Record<string, unknown>[];
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();
// A worker torn down without its hooks must not leave servers behind.
process.once("exit", () => {
  for (const child of running) signalGroup(child, "SIGKILL");
});

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Starts one instance; resolves once it serves the sign-in page. */
export async function startAppInstance(o: {
  name: string;
  port: number;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<AppInstance> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  for (const key of REDIRECTING) delete env[key];
  Object.assign(env, o.env, { PORT: String(o.port) });
  const [command, ...args] = startCommand();
  const child = spawn(command, args, { cwd: repoRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let text = "";
  child.stdout!.on("data", (c: Buffer) => (text += c.toString("utf8")));
  child.stderr!.on("data", (c: Buffer) => (text += c.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const instance: AppInstance = {
    name: o.name,
    port: o.port,
    url: `http://127.0.0.1:${o.port}`,
    output: () => text,
    logged: (msg) =>
      text
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        })
        .filter((entry) => entry.msg === msg),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(child, "SIGTERM");
        await Promise.race([exited, sleep(15_000)]);
      }
      // Whatever is left of the group (the server, if the start script went first).
      signalGroup(child, "SIGKILL");
      running.delete(child);
    },
  };

  const deadline = Date.now() + (o.timeoutMs ?? 240_000);
  while (!(await answers(`${instance.url}/login`))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await instance.stop();
      throw new Error(`Instance ${o.name} did not start on port ${o.port}. Its output:\n${text}`);
    }
    await sleep(500);
  }
  return instance;
}
