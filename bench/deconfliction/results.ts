// Writes the deconfliction section of bench/RESULTS.md: the figures of the latest run against the targets, with the machine,
// the date and the command that produced them.
import { writeResultsSection } from "../results-file";
import { ms, type Summary } from "./stats";

export type Results = {
  command: string;
  machine: string;
  database: string;
  n: number;
  seedSeconds: number | null;
  indexed: Summary;
  indexedConflicts: number;
  naive: Summary | null;
  http: {
    summary: Summary;
    rps: number;
    clients: number;
    /** The server's processes (WEB_CONCURRENCY). */
    workers: number;
    statuses: Record<number, number>;
    floor: Summary;
    floorRps: number;
  } | null;
  filing: {
    perSecond: number;
    filed: number;
    seconds: number;
    conflicts: number;
    failed: number;
    filers: number;
    processes: number;
    latency: Summary;
  } | null;
};

const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

export function writeResults(r: Results): string {
  const ratio = r.naive ? r.naive.p95 / r.indexed.p95 : null;
  const rows = [
    `| In-process dry-run check, p95 | ≤ 5 ms | ${ms(r.indexed.p95)} ms | ${verdict(r.indexed.p95 <= 5)} |`,
    ratio !== null
      ? `| Naive scan p95 ÷ indexed p95 | ≥ 100× | ${ratio.toFixed(0)}× | ${verdict(ratio >= 100)} |`
      : null,
    r.http
      ? `| HTTP API check, p95 at ${r.http.clients} clients | ≤ 25 ms | ${ms(r.http.summary.p95)} ms | ${verdict(r.http.summary.p95 <= 25)} |`
      : null,
    r.filing
      ? `| Sustained filing | ≥ 200 operations/s | ${r.filing.perSecond.toFixed(0)} operations/s | ${verdict(r.filing.perSecond >= 200)} |`
      : null,
  ].filter(Boolean);
  const detail = (label: string, s: Summary) =>
    `| ${label} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.count} |`;
  const text = `## Deconfliction at scale

Produced by \`bench/deconfliction/run.ts\` (see [README.md](README.md)).

- **Date:** ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC
- **Command:** \`${r.command}\`
- **Machine:** ${r.machine}
- **Database:** ${r.database}
- **Data:** ${r.n.toLocaleString("en-US")} operations over US metro areas and rural counties, ±2 years${r.seedSeconds !== null ? ` (seeded in ${r.seedSeconds.toFixed(0)} s)` : ""}

### Against the targets

| Measure | Target | Result | |
|---|---|---|---|
${rows.join("\n")}

${rows.some((row) => row?.includes("**missed**")) ? 'Why a target is missed on this machine, and what would meet it: [README.md, "What limits the figures"](README.md#what-limits-the-figures-on-this-machine).\n' : ""}
### Latencies (milliseconds)

| | p50 | p95 | p99 | max | samples |
|---|---|---|---|---|---|
${detail("In-process dry-run check (indexed)", r.indexed)}
${r.naive ? detail("Same probes, index disabled (naive scan)", r.naive) : ""}
${r.http ? detail(`HTTP \`POST /api/v1/deconfliction/check\`, ${r.http.clients} clients`, r.http.summary) : ""}
${r.http ? detail(`HTTP no-op Next.js route (\`GET /api/test/clock\`, 404), ${r.http.clients} clients — what a page-side request costs at least`, r.http.floor) : ""}
${r.filing ? detail(`Filing one operation (${r.filing.filers} concurrent filers in ${r.filing.processes} process${r.filing.processes === 1 ? "" : "es"})`, r.filing.latency) : ""}

${r.indexedConflicts} conflicts were found across the indexed probes.${r.http ? ` The HTTP run served ${r.http.rps.toFixed(0)} requests/s from ${r.http.workers === 1 ? "one server process" : `${r.http.workers} server processes (WEB_CONCURRENCY)`} (statuses ${JSON.stringify(r.http.statuses)}); the no-op Next.js route, ${r.http.floorRps.toFixed(0)} requests/s.` : ""}${
    r.filing
      ? ` Filing: ${r.filing.filed.toLocaleString("en-US")} operations in ${r.filing.seconds.toFixed(1)} s by ${r.filing.filers} filers in ${r.filing.processes} process${r.filing.processes === 1 ? "" : "es"}, ${r.filing.conflicts} conflicts recorded, ${r.filing.failed} failures.`
      : ""
  }
`;
  return writeResultsSection("deconfliction", text);
}
