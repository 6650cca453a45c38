// Which agencies have an active webhook endpoint, and for which events, remembered per process so
// that a change for agencies without one (most of them) raises its webhook event without a
// lookup. A trigger on "WebhookEndpoint" NOTIFYs `cg_webhook_endpoints` when an endpoint is added,
// removed, switched on or off, or given other events (migration webhook_subscriber_cache), and
// every process forgets what it remembered; the process making the change forgets at once.
//
// Only an agency's absence is trusted: for an agency the cache lists, emitWebhookEvent still reads
// its endpoints in the change's transaction, so a removed or disabled endpoint is never written
// to. An endpoint added a moment ago may miss events until the notification arrives, as it would
// miss a change committed just before it. The cache is consulted only while this process's LISTEN
// connection is confirmed, and only where that connection already exists (the server and the
// worker): a script or a test reads the table every time.
import type { Tx } from "../db/client";
import type { PgListener } from "../realtime/pg-listener";
import { existingProcessListener } from "../realtime/process";

export const WEBHOOK_ENDPOINTS_CHANNEL = "cg_webhook_endpoints";

/** Beyond this many endpoints the cache stands aside and every change reads the table. */
const MAX_ENDPOINTS = 10_000;

/** Agency id → the events its active endpoints take. */
export type Subscriptions = ReadonlyMap<string, ReadonlySet<string>>;

export type SubscriberCache = {
  get(): Subscriptions | null;
  /** Call before reading the table; null when nothing read now may be remembered. */
  generation(): number | null;
  remember(subscriptions: Subscriptions, generation: number): void;
  forget(): void;
};

export function createSubscriberCache(listener: PgListener): SubscriberCache {
  let current = 0;
  let remembered: Subscriptions | null = null;
  const forget = () => {
    current++;
    remembered = null;
  };
  listener.listen(WEBHOOK_ENDPOINTS_CHANNEL, forget);
  listener.onReconnect(forget);
  const trusted = () => listener.isListening(WEBHOOK_ENDPOINTS_CHANNEL);
  return {
    get: () => (trusted() ? remembered : null),
    generation: () => (trusted() ? current : null),
    remember(subscriptions, generation) {
      if (generation === current && trusted()) remembered = subscriptions;
    },
    forget,
  };
}

/** The agencies among `agencyIds` that may have an endpoint for `event`: all of them when unsure. */
export async function possibleSubscribers(
  tx: Tx,
  cache: SubscriberCache | null,
  agencyIds: readonly string[],
  event: string,
): Promise<string[]> {
  if (!cache) return [...agencyIds];
  let subscriptions = cache.get();
  if (!subscriptions) {
    const generation = cache.generation();
    if (generation === null) return [...agencyIds];
    const rows = await tx.webhookEndpoint.findMany({
      where: { active: true },
      select: { agencyId: true, events: true },
      take: MAX_ENDPOINTS + 1,
    });
    if (rows.length > MAX_ENDPOINTS) return [...agencyIds];
    const map = new Map<string, Set<string>>();
    for (const r of rows) {
      const events = map.get(r.agencyId) ?? new Set<string>();
      for (const e of r.events) events.add(e);
      map.set(r.agencyId, events);
    }
    cache.remember(map, generation);
    subscriptions = map;
  }
  return agencyIds.filter((id) => subscriptions.get(id)?.has(event));
}

const g = globalThis as unknown as { __cgSubscriberCache?: SubscriberCache };

/** This process's cache, once the process has its LISTEN connection (the server, the worker); else null. */
export function processSubscriberCache(): SubscriberCache | null {
  if (g.__cgSubscriberCache) return g.__cgSubscriberCache;
  const listener = existingProcessListener();
  if (!listener) return null;
  g.__cgSubscriberCache = createSubscriberCache(listener);
  return g.__cgSubscriberCache;
}

/** After a change to endpoints commits: this process forgets at once. */
export function forgetWebhookSubscribers(): void {
  g.__cgSubscriberCache?.forget();
}
