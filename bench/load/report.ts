// The load run's figures: printed, and as section "load" of bench/RESULTS.md.
import os from "node:os";
import { ms, summarize, type Summary } from "../deconfliction/stats";
import type { Reconciliation } from "./reconcile";
import type { Recorder } from "./recorder";
import type { SimUser } from "./world";

export type Figures = {
  date: Date;
  command: string;
  machine: string;
  /** The server's processes (WEB_CONCURRENCY). */
  workers: number;
  users: SimUser[];
  minutes: number;
  warmUpSeconds: number;
  signInMs: number[];
  rec: Recorder;
  kill: { atSeconds: number; killedPids: number[]; restartMs: number; firstPageMs: number; downMs: number } | null;
  reconciliation: Reconciliation;
  notices: { id: string; operationId: string; recipientAgencyId: string }[];
  drainSeconds: number;
  uptimeBefore: string;
  uptimeAfter: string;
  cpu: { serverSeconds: number; generatorSeconds: number; wallSeconds: number };
};

type Latency = {
  fromAnswer: number[];
  fromSubmit: number[];
  notices: number;
  reached: number;
  missed: number;
  /** Arrivals before the filer's answer came back. */
  beforeAnswer: number;
};

/** Filing's 2xx → the notice's event (or the refreshed page) on each open page of its recipient agency. */
function noticeLatency(f: Figures, arrivals: Map<string, { agencyId: string; at: number }[]>): Latency {
  const filings = new Map(f.rec.filings.map((x) => [x.operationId, x]));
  const watched = new Set(f.users.map((u) => u.agencyId));
  const out: Latency = { fromAnswer: [], fromSubmit: [], notices: 0, reached: 0, missed: 0, beforeAnswer: 0 };
  for (const n of f.notices) {
    const filing = filings.get(n.operationId);
    if (!filing || !watched.has(n.recipientAgencyId)) continue;
    out.notices++;
    const seen = (arrivals.get(n.id) ?? []).filter((a) => a.agencyId === n.recipientAgencyId);
    if (seen.length === 0) {
      out.missed++;
      continue;
    }
    out.reached++;
    for (const a of seen) {
      // The event is published on commit, so it can reach the page before the filer's answer does.
      out.fromAnswer.push(Math.max(0, a.at - filing.answeredAt));
      if (a.at < filing.answeredAt) out.beforeAnswer++;
      out.fromSubmit.push(a.at - filing.sentAt);
    }
  }
  return out;
}

const row = (label: string, s: Summary) =>
  `| ${label} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.count} |`;
/** "0–30 s: 120 · 30–60 s: 95 · …": where in the run the slow page loads fall. */
function pageWindows(rec: Recorder, windowS = 30): string {
  const buckets = new Map<number, number[]>();
  for (const { at, ms: took } of rec.pageTimeline) {
    const b = Math.floor((at - rec.measureFrom) / 1000 / windowS);
    buckets.set(b, [...(buckets.get(b) ?? []), took]);
  }
  return [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([b, list]) => `${b * windowS}–${(b + 1) * windowS} s: ${ms(summarize(list).p95)}`)
    .join(" · ");
}

const met = (ok: boolean) => (ok ? "met" : "**missed**");

export function report(f: Figures): { text: string; markdown: string } {
  const { rec, reconciliation: r } = f;
  const allPages = summarize([...rec.pages.values()].flat());
  const events = noticeLatency(f, rec.noticeEvents);
  const refreshed = noticeLatency(f, rec.noticeRefreshes);
  const ev = summarize(events.fromAnswer);
  const evSubmit = summarize(events.fromSubmit);
  const rf = summarize(refreshed.fromAnswer);
  const roles = (role: string) => f.users.filter((u) => u.role === role).length;
  const agencies = new Set(f.users.map((u) => u.agencySlug)).size;
  const filingsInFlight = rec.inFlightAtKill.filter((w) => w.startsWith("fileOperation")).length;
  const pageCount = [...rec.pages.values()].reduce((s, l) => s + l.length, 0);
  const serverCores = f.cpu.serverSeconds / f.cpu.wallSeconds;

  const targets = [
    `| Errors (apart from requests cut off by the kill) | 0 | ${rec.errors.length} | ${met(rec.errors.length === 0)} |`,
    `| Page p95 (full HTML document GETs, all pages) | ≤ 300 ms | ${ms(allPages.p95)} ms | ${met(allPages.p95 <= 300)} |`,
    `| New notice on the recipient's open page (filing's 2xx → live event), p95 | ≤ 1 s | ${ms(ev.p95)} ms (${events.beforeAnswer} of ${ev.count} arrived before the filer's 2xx; from the submit: p95 ${ms(evSubmit.p95)} ms) | ${met(ev.p95 <= 1000)} |`,
    ...(f.kill
      ? [
          `| Filings answered 2xx that are stored, with their notices | all | ${r.filingsStored} of ${r.filingsAcknowledged}, ${r.notices} notices, ${r.noticesWithoutEmail} notices without their email | ${met(r.filingsStored === r.filingsAcknowledged && r.noticesWithoutEmail === 0)} |`,
          `| Emails sent exactly once | every one, 0 duplicates | ${r.receivedOnce} of ${r.sent} once, ${r.missing} missing, ${r.duplicates} duplicates | ${met(r.missing === 0 && r.duplicates === 0 && r.unknown === 0)} |`,
        ]
      : []),
  ];

  const pageRows = [...rec.pages.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([k, v]) => row(k, summarize(v)));
  const actionRows = [...rec.actions.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([k, v]) => row(`action: ${k}`, summarize(v)));

  const killText = f.kill
    ? [
        `- **kill -9** at ${f.kill.atSeconds.toFixed(1)} s into the measured run (pids ${f.kill.killedPids.join(", ")}: every process of the production server, its job worker included); started again at once, accepting connections after ${(f.kill.restartMs / 1000).toFixed(1)} s (first page after it ${ms(f.kill.firstPageMs)} ms; down ${(f.kill.downMs / 1000).toFixed(1)} s in all).`,
        `- Requests in flight at the kill (no answer): ${rec.inFlightAtKill.length}${rec.inFlightAtKill.length ? ` — ${summarizeList(rec.inFlightAtKill)}` : ""}; ${filingsInFlight} of them filings (the liaison never learnt whether they were stored; not counted as acknowledged). Requests refused (connection refused/reset) while the server was down or starting: ${rec.refusedWhileDown} — expected, not errors: the simulated person waits and carries on, as a person reloading would.`,
        `- **Reconciliation:** ${r.filingsAcknowledged} filings acknowledged (2xx), ${r.filingsStored} stored, ${r.notices} notices (${r.noticesWithoutEmail} without their email; ${r.filingsWithoutNotices} filings had no one to tell, filed by ${r.withoutNoticesBy.join(", ") || "none"}); ${r.mail.total} emails in the outbox (${JSON.stringify(r.mail.byStatus)}), ${r.sent} sent, ${r.received} received by the SMTP server, ${r.missing} missing, **${r.duplicates} duplicates**${r.duplicateIds.length ? ` (${r.duplicateIds.slice(0, 5).join(", ")})` : ""}, ${r.unknown} unknown; ${r.interruptedDeliveries} deliveries recorded as interrupted by the kill and sent again. The outbox drained ${f.drainSeconds.toFixed(0)} s after the run.`,
      ]
    : [
        `- No kill (--no-kill). ${r.filingsAcknowledged} filings acknowledged, ${r.filingsStored} stored, ${r.notices} notices; ${r.sent} emails sent, ${r.received} received, ${r.duplicates} duplicates.`,
      ];

  const markdown = `## Load: ${f.users.length} signed-in people for ${f.minutes} min, with a kill -9
Produced by \`bench/load/run.ts\` (see [README.md](README.md#load-benchmloadrunts)).

- **Date:** ${f.date.toISOString().slice(0, 16).replace("T", " ")} UTC
- **Command:** \`${f.command}\`
- **Machine:** ${f.machine}; load before: \`${f.uptimeBefore}\`; after: \`${f.uptimeAfter}\`
- **Server:** the production server as \`npm start\` runs it (\`server/serve.ts\` on the last build, embedded PostgreSQL on the same machine), ${f.workers === 1 ? "one process with its job worker" : `${f.workers} processes on the one port (WEB_CONCURRENCY) under a primary that runs the job worker`}.
- **People:** ${f.users.length} (${roles("LIAISON")} liaisons, ${roles("CHIEF")} chiefs, ${roles("SUPERVISOR")} supervisors in ${agencies} agencies), each signed in through the sign-in page (password, then TOTP code; median ${ms(summarize(f.signInMs).p50)} ms) with its own connections, session cookie and live-event stream; ${f.warmUpSeconds} s warm-up, then ${f.minutes} min measured.
- **Traffic:** ${rec.requests} requests (${pageCount} measured page loads), ${rec.filings.length} filings, ${rec.refreshes.length} live refreshes. Filing and editing go through the filing form's own server actions (\`fileOperationAction\`, \`updateOperationAction\`), as the browser posts them; no API token is involved.
- **CPU:** the server used ${f.cpu.serverSeconds.toFixed(0)} CPU-seconds over the ${f.minutes} min (${serverCores.toFixed(2)} cores on average, of ${os.cpus().length}); the load generator ${f.cpu.generatorSeconds.toFixed(0)} s.

### Against the targets

| Measure | Target | Result | |
|---|---|---|---|
${targets.join("\n")}

### Latencies (milliseconds)

| | p50 | p95 | p99 | max | samples |
|---|---|---|---|---|---|
${row("**All pages** (full HTML document)", allPages)}
${pageRows.join("\n")}
${actionRows.join("\n")}
${row("live refresh (router.refresh(), flight payload)", summarize(rec.refreshes))}
${row("**Filing's 2xx → notice event on the recipient's stream**", ev)}
${row("filing submitted → notice event on the recipient's stream", evSubmit)}
${row("filing's 2xx → recipient's page refreshed with it", rf)}

The live event is published by the filing's commit, while the action's answer still carries the re-rendered form page, so the recipient's page usually hears of the notice before the filer sees the 2xx (${events.beforeAnswer} of ${ev.count} arrivals here): the 2xx → event figure is then 0, and the submit → event figure (which includes the filing itself) bounds it from above.

Page p95 by 30-second stretch of the run (ms${f.kill ? `; the kill at ${f.kill.atSeconds.toFixed(0)} s` : ""}): ${pageWindows(rec)}.

Notice events: ${events.notices} notices of answered filings went to agencies with people online; ${events.reached} reached at least one of their open pages, ${events.missed} reached none (published while the server was down, or to a stream reconnecting after the kill: the page re-reads on reconnection).

### Errors and the kill

- Errors: ${rec.errors.length}${rec.errors.length ? ` — ${summarizeList(rec.errors)}` : ""}.
${killText.join("\n")}
`;

  const text = [
    `Pages (all): p50 ${ms(allPages.p50)} ms  p95 ${ms(allPages.p95)} ms  p99 ${ms(allPages.p99)} ms  (n=${allPages.count})`,
    `  p95 by 30 s: ${pageWindows(rec)}`,
    ...[...rec.pages.entries()].map(([k, v]) => {
      const s = summarize(v);
      return `  ${k.padEnd(22)} p50 ${ms(s.p50).padStart(6)}  p95 ${ms(s.p95).padStart(6)}  p99 ${ms(s.p99).padStart(6)}  n=${s.count}`;
    }),
    ...[...rec.actions.entries()].map(([k, v]) => {
      const s = summarize(v);
      return `  action ${k.padEnd(15)} p50 ${ms(s.p50).padStart(6)}  p95 ${ms(s.p95).padStart(6)}  p99 ${ms(s.p99).padStart(6)}  n=${s.count}`;
    }),
    `Notice event after the filing's 2xx: p50 ${ms(ev.p50)} ms  p95 ${ms(ev.p95)} ms  (n=${ev.count}; ${events.beforeAnswer} before the 2xx; ${events.missed} notices missed); from the submit: p50 ${ms(evSubmit.p50)} ms  p95 ${ms(evSubmit.p95)} ms`,
    `Page refreshed with it: p50 ${ms(rf.p50)} ms  p95 ${ms(rf.p95)} ms  (n=${rf.count})`,
    `Requests ${rec.requests}; errors ${rec.errors.length}; in flight at kill ${rec.inFlightAtKill.length}; refused while down ${rec.refusedWhileDown}`,
    ...rec.errors.slice(0, 15).map((e) => `  error: ${e}`),
    `Filings acknowledged ${r.filingsAcknowledged}, stored ${r.filingsStored}, notices ${r.notices} (${r.filingsWithoutNotices} filings without: ${r.withoutNoticesBy.join(", ")}; ${r.noticesWithoutEmail} notices without email)`,
    `Emails: outbox ${JSON.stringify(r.mail.byStatus)}; sent ${r.sent}, received ${r.received}, missing ${r.missing}, duplicates ${r.duplicates}, unknown ${r.unknown}, interrupted ${r.interruptedDeliveries}`,
    `Server CPU ${f.cpu.serverSeconds.toFixed(0)} s (${serverCores.toFixed(2)} cores), generator ${f.cpu.generatorSeconds.toFixed(0)} s`,
  ].join("\n");
  return { text, markdown };
}

function summarizeList(items: string[]): string {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, n]) => `${k} ×${n}`)
    .join("; ");
}
