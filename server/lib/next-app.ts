// Builds and runs the Next.js app as a child process we can stop by PID (the `next` binary, or
// the production server, run directly, not through npx, which would put another process in between).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot } from "../../scripts/lib/script-env";

const NEXT_BIN = path.join(repoRoot, "node_modules", "next", "dist", "bin", "next");

export function hasBuild(): boolean {
  return fs.existsSync(path.join(repoRoot, ".next", "BUILD_ID"));
}

export function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], { cwd: repoRoot, env, stdio: "inherit" });
}

/** The production server (server/serve.ts) on the last build, as `npm start` runs it. */
export function runServer(
  port: number,
  env: NodeJS.ProcessEnv,
  stdio: "inherit" | ["ignore", "inherit", "inherit"] = "inherit",
  /** Extra flags for Node itself (e.g. `--cpu-prof`, which NODE_OPTIONS may not carry). */
  nodeArgs: string[] = [],
): ChildProcess {
  return spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", path.join(repoRoot, "server", "serve.ts"), "--port", String(port)],
    {
      cwd: repoRoot,
      env: { ...env, NODE_ENV: "production" },
      stdio,
    },
  );
}

export function exitOf(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(1);
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code ?? 1));
    child.once("error", () => resolve(1));
  });
}

/** SIGTERM, then SIGKILL if the app has not exited after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = exitOf(child);
  child.kill("SIGTERM");
  const done = await Promise.race([exited.then(() => true), sleep(graceMs, false, { ref: false })]);
  if (!done) {
    child.kill("SIGKILL");
    await exited;
  }
}

/** Resolves once something accepts connections on 127.0.0.1:port, or false if `child` exits first. */
export async function waitForPort(port: number, child: ChildProcess, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return true;
    await sleep(250);
  }
  return false;
}
