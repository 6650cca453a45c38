// The portal under measurement, started the way a person starts it (`npm start`, so a move of the
// server's entry point needs no change here): a fresh embedded database with the demo world.
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot } from "@/scripts/lib/script-env";

export type Portal = { stop(): Promise<void> };

export async function startPortal({ port, build }: { port: number; build: boolean }): Promise<Portal> {
  const args = ["start", "--", "--fresh", "--demo", ...(build ? ["--rebuild"] : [])];
  // Its own process group: npm, tsx, the server and PostgreSQL's supervisor stop together.
  const child = spawn("npm", args, {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      CG_DATA_DIR: "bench/out/pages-data",
      DATABASE_URL: "",
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async () => {
    if (gone || child.pid === undefined) return;
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, sleep(30_000)]);
  };
  const deadline = Date.now() + 20 * 60_000; // a production build on two busy cores
  while (Date.now() < deadline) {
    if (gone) throw new Error("`npm start` exited before the portal answered");
    const ok = await fetch(`http://localhost:${port}/login`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { stop };
    await sleep(1_000);
  }
  await stop();
  throw new Error("The portal did not answer in time");
}
