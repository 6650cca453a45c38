// The PostgreSQL server processes themselves: initdb, launching the postmaster detached with
// its log in a file, waiting until it accepts connections, and stopping it (fast shutdown first).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { isPortFree } from "./free-port";
import type { RunAs } from "./pg-runtime";
import { signal, waitForExit } from "./processes";

export const SUPERUSER = "postgres";

export async function initdb(
  binDir: string,
  pgdata: string,
  password: string,
  runAs: RunAs | undefined,
  pgRoot: string,
): Promise<void> {
  fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  const pwfile = path.join(pgRoot, `.pwfile-${process.pid}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    fs.chownSync(pgdata, runAs.uid, runAs.gid);
    fs.chownSync(pwfile, runAs.uid, runAs.gid);
  }
  const args = [
    `--pgdata=${pgdata}`,
    `--username=${SUPERUSER}`,
    `--pwfile=${pwfile}`,
    "--auth=scram-sha-256",
    "--encoding=UTF8",
    // Unicode-aware upper/lower (Spanish text) without depending on the host's locales.
    "--locale-provider=builtin",
    "--builtin-locale=C.UTF-8",
    "--locale=C",
  ];
  try {
    const output = await run(path.join(binDir, "initdb"), args, runAs);
    if (output.code !== 0) throw new Error(`initdb failed (exit ${output.code}):\n${output.text}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

function run(cmd: string, args: string[], runAs: RunAs | undefined): Promise<{ code: number | null; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      ...runAs,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
    });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, text }));
  });
}

export interface LaunchOptions {
  binDir: string;
  pgdata: string;
  port: number;
  runAs: RunAs | undefined;
  logFile: string;
  ephemeral: boolean;
  /** Where the server also listens on a Unix socket (socketDirFor); null for TCP only. */
  socketDir: string | null;
}

/** Longest socket path the kernel takes (sun_path is 108 bytes with its NUL), less a margin. */
const MAX_SOCKET_PATH = 100;

/**
 * The directory for the server's Unix socket: the data directory, when its socket's path fits a
 * socket name and the setting can carry it. Local connections through the socket skip the TCP
 * stack: about a third more statements per second on the same cores (bench/README.md).
 */
export function socketDirFor(pgdata: string, port: number): string | null {
  if (process.platform === "win32") return null;
  const ok = /^[\w./-]+$/.test(pgdata) && path.join(pgdata, `.s.PGSQL.${port}`).length <= MAX_SOCKET_PATH;
  return ok ? pgdata : null;
}

export async function launch(o: LaunchOptions): Promise<ChildProcess> {
  if (!(await isPortFree(o.port))) throw new Error(`Port ${o.port} was taken before PostgreSQL could start`);
  rotateLog(o.logFile);
  const logFd = fs.openSync(o.logFile, "a", 0o600);
  const settings = [
    "listen_addresses=127.0.0.1",
    `unix_socket_directories=${o.socketDir ?? ""}`,
    ...(o.ephemeral ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=300"] : []),
  ];
  // Detached into its own process group, so Ctrl-C reaches only us and we stop the app first.
  // Logs go to a file, not a pipe, so the server survives if this process is killed.
  const child = spawn(
    path.join(o.binDir, "postgres"),
    ["-D", o.pgdata, "-p", String(o.port), ...settings.flatMap((s) => ["-c", s])],
    {
      ...o.runAs,
      detached: true,
      stdio: ["ignore", logFd, logFd],
      env: { ...process.env, LC_MESSAGES: "C" },
    },
  );
  fs.closeSync(logFd);
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  return child;
}

function rotateLog(file: string): void {
  try {
    if (fs.statSync(file).size > 5_000_000) fs.renameSync(file, `${file}.1`);
  } catch {
    // no log yet
  }
}

export async function waitUntilReady(child: ChildProcess, adminUrl: string, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `PostgreSQL exited during start-up (${child.exitCode ?? child.signalCode}). Last log lines:\n${tail(logFile)}`,
      );
    }
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.end().catch(() => {});
    }
    await sleep(100);
  }
  throw new Error(
    `PostgreSQL did not accept connections within 60 s (${String(lastError)}). Last log lines:\n${tail(logFile)}`,
  );
}

function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await stopWith(child.pid, () =>
    Promise.race([exited.then(() => true), sleep(15_000, undefined, { ref: false }).then(() => false)]),
  );
}

export async function stopPid(pid: number): Promise<void> {
  await stopWith(pid, () => waitForExit(pid, 15_000));
}

/** Fast shutdown (SIGINT); immediate shutdown (SIGQUIT) and SIGKILL only if it hangs. */
async function stopWith(pid: number, waitForIt: () => Promise<boolean>): Promise<void> {
  signal(pid, "SIGINT");
  if (await waitForIt()) return;
  signal(pid, "SIGQUIT");
  if (await waitForExit(pid, 5_000)) return;
  signal(pid, "SIGKILL");
  await waitForExit(pid, 5_000);
}
