// What PostgreSQL's sessions are doing while the load runs (run.ts --pg-waits): pg_stat_activity
// sampled every 100 ms, counting each active session by what it waits on (or "CPU" when it waits
// on nothing) and by the start of its statement, so a lock that serializes the app shows up.
import pg from "pg";

export type WaitSampler = {
  /** From now on, samples also count in a second summary (e.g. the seconds after a restart). */
  markWindow(label: string, seconds: number): void;
  stop(): Promise<string>;
};

export function sampleWaits(url: string, everyMs = 100): WaitSampler {
  const client = new pg.Client({ connectionString: url });
  const waits = new Map<string, number>();
  const statements = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const win = {
    label: "",
    until: 0,
    samples: 0,
    waits: new Map<string, number>(),
    statements: new Map<string, number>(),
  };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const loop = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows } = await client.query<{ wait: string | null; query: string }>(
        `SELECT wait_event_type || ':' || wait_event AS wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS query
           FROM pg_stat_activity
          WHERE state <> 'idle' AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            AND query NOT LIKE 'LISTEN%'`,
      );
      samples++;
      const inWindow = Date.now() < win.until;
      if (inWindow) win.samples++;
      for (const r of rows) {
        bump(waits, r.wait ?? "CPU");
        bump(statements, `${r.wait ?? "CPU"} | ${r.query}`);
        if (inWindow) {
          bump(win.waits, r.wait ?? "CPU");
          bump(win.statements, `${r.wait ?? "CPU"} | ${r.query}`);
        }
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
    await client.end();
  })();
  const top = (m: Map<string, number>, n: number, of: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${(v / Math.max(1, of)).toFixed(2).padStart(6)}  ${k}`)
      .join("\n");
  return {
    markWindow(label, seconds) {
      win.label = label;
      win.until = Date.now() + seconds * 1000;
    },
    async stop() {
      stopped = true;
      await loop;
      const all = `PostgreSQL sessions, average number active per sample (${samples} samples):\n${top(waits, 12, samples)}\nBy statement:\n${top(statements, 20, samples)}`;
      if (!win.label) return all;
      return `${all}\n${win.label} (${win.samples} samples):\n${top(win.waits, 12, win.samples)}\nBy statement:\n${top(win.statements, 20, win.samples)}`;
    },
  };
}
