// Where a server's CPU went, from the V8 profile `--cpu-prof` writes (run.ts --cpu-prof): self
// time by package (node_modules/<name>, the app's own bundles, Node's internals) and the costliest
// functions. Usage: npx tsx bench/load/profile-summary.ts bench/out/prof/<file>.cpuprofile
import fs from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

function packageOf(url: string): string {
  if (!url) return "(V8/native)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.includes("/.next/server/")) return "app (.next/server bundles)";
  if (url.startsWith("node:")) return "node internals";
  return url
    .replace(/^file:\/\//, "")
    .split("/")
    .slice(-2)
    .join("/");
}

export function summarizeProfile(file: string, top = 15): string {
  const p = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || "(anonymous)";
    const pkg =
      name === "(idle)" || name === "(program)" || name === "(garbage collector)" ? name : packageOf(n.callFrame.url);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
    const fn = `${name} ${packageOf(n.callFrame.url)}:${n.callFrame.lineNumber}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1)} %`;
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${pct(us).padStart(7)}  ${k}`)
      .join("\n");
  return `Self time by package (${(total / 1e6).toFixed(1)} s sampled):\n${list(byPkg)}\nCostliest functions:\n${list(byFn)}`;
}

if (process.argv[1]?.endsWith("profile-summary.ts")) {
  for (const f of process.argv.slice(2)) process.stdout.write(`${f}\n${summarizeProfile(f)}\n`);
}
