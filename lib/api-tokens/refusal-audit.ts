// Refusals are sampled into the audit trail, not written one chain row each: a flood of requests
// without a valid credential (or over a limit) would otherwise take the audit chain's single lock
// once per request and slow every write in the portal. The first refusal of each key (a client
// address, a token) in a window is recorded in full, as before; later ones in the same window are
// counted here and folded into one summary event per flush (`api.request.refusals`, with the
// count per key and action), written at most once a minute by each process that refused anything.
// Counts not yet flushed when a process stops are lost; the first refusal of each window never is.
import type { Db } from "../db/client";
import { log } from "../log";
import { API_AUDIT } from "./audit-actions";
import { recordRequestAudit } from "./request-audit";

/** How long a key's first refusal stands for the ones after it, and how often summaries are written. */
export const REFUSAL_WINDOW_MS = 60_000;
const MAX_KEYS = 10_000;
/** Keys named in one summary event, busiest first; the total counts them all. */
const KEYS_PER_SUMMARY = 50;

type Count = { key: string; what: string; count: number; sourceIp: string | null };

type State = {
  firstSeen: Map<string, number>;
  counts: Map<string, Count>;
  since: number;
  timer: NodeJS.Timeout | null;
  db: Db | null;
};

const g = globalThis as unknown as { __cgRefusals?: State };
const state = (g.__cgRefusals ??= {
  firstSeen: new Map(),
  counts: new Map(),
  since: Date.now(),
  timer: null,
  db: null,
});

/**
 * Whether this refusal should be audited in full: true for the first of `key` in the window.
 * Otherwise it is counted for the next summary (`what` names the kind, e.g. "api.401").
 */
export function sampleRefusal(db: Db, key: string, what: string, sourceIp: string | null, now = Date.now()): boolean {
  const first = state.firstSeen.get(key);
  if (first === undefined || now - first >= REFUSAL_WINDOW_MS) {
    if (state.firstSeen.size >= MAX_KEYS) state.firstSeen.clear();
    state.firstSeen.set(key, now);
    return true;
  }
  const id = `${what}\u0000${key}`;
  const count = state.counts.get(id);
  if (count) count.count++;
  else if (state.counts.size < MAX_KEYS) state.counts.set(id, { key, what, count: 1, sourceIp });
  else {
    const overflow = state.counts.get("\u0000overflow") ?? { key: "other", what: "other", count: 0, sourceIp: null };
    overflow.count++;
    state.counts.set("\u0000overflow", overflow);
  }
  state.db = db;
  if (!state.timer) {
    state.timer = setTimeout(() => {
      state.timer = null;
      if (state.db)
        void flushRefusalSummary(state.db).catch((err: unknown) =>
          log.error({ err }, "writing the refusal summary failed"),
        );
    }, REFUSAL_WINDOW_MS);
    state.timer.unref();
  }
  return false;
}

/** Writes the refusals counted since the last flush as one audit event; returns how many it covered. */
export async function flushRefusalSummary(db: Db, now = new Date()): Promise<number> {
  if (state.counts.size === 0) return 0;
  const counts = [...state.counts.values()].sort((a, b) => b.count - a.count);
  const since = new Date(state.since);
  state.counts.clear();
  state.since = now.getTime();
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  await recordRequestAudit(db, {
    action: API_AUDIT.refusals,
    targetType: "ApiToken",
    targetId: null,
    outcome: "DENIED",
    details: {
      since: since.toISOString(),
      until: now.toISOString(),
      total,
      keys: counts.length,
      counts: counts.slice(0, KEYS_PER_SUMMARY).map((c) => ({ key: c.key, what: c.what, count: c.count })),
    },
    at: now,
    actorUserId: null,
    actorLabel: "rate-limit",
    agencyId: null,
    requestId: null,
    // One address when the whole summary is one client's; otherwise each is named in the counts.
    sourceIp: counts.length === 1 ? counts[0].sourceIp : null,
  });
  return total;
}

/** Forgets every first refusal and count (tests). */
export function resetRefusalSampling(): void {
  state.firstSeen.clear();
  state.counts.clear();
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
}
