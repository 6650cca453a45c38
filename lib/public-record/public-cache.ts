// What the public site serves, remembered per process so that a surge of readers never reaches the
// database. Safe only because every change the public site shows is announced: triggers on the
// published versions, documents, reports, agencies and audit anchors NOTIFY `cg_public_record` when
// their transaction commits (migration public_record_cache_invalidation), and every process forgets
// all it remembered when the notification arrives. The process that publishes forgets at once.
//
// As with the API token cache (lib/api-tokens/token-cache.ts), on the same process-wide LISTEN
// connection: nothing is remembered or answered from memory unless this process's LISTEN is
// confirmed, everything is forgotten after a reconnect, and a value read while a notification
// arrived is not remembered (it may be the old one). Entries are bounded in number (least recently
// used first out), so requests for ever new addresses cannot grow the memory.
import type { PgListener } from "../realtime/pg-listener";
import { processListener, existingProcessListener } from "../realtime/process";

export const PUBLIC_RECORD_CHANNEL = "cg_public_record";

export type PublicCache<V> = {
  get(key: string): V | undefined;
  /** Call before reading what will be remembered; null when nothing read now may be remembered. */
  generation(): number | null;
  /** Remembers a value read since `generation`, unless something changed meanwhile. */
  remember(key: string, value: V, generation: number): void;
  /**
   * The remembered value, or `load`'s, remembered when still current. Concurrent callers for one
   * key share one `load` (after a publication, a crowd of readers causes one read, not one each).
   */
  through(key: string, load: () => Promise<V>): Promise<V>;
  forget(): void;
  size(): number;
};

/** Every cache on one listener forgets on the same notification: one generation counter for them all. */
type Invalidation = { current: number; forgetters: Set<() => void> };

// On globalThis: the production server and Next.js's server bundle may each load this module.
const g = globalThis as unknown as { __cgPublicInvalidation?: Map<PgListener, Invalidation> };
const invalidations = (g.__cgPublicInvalidation ??= new Map());

function forgetAll(inv: Invalidation): void {
  inv.current++;
  for (const f of inv.forgetters) f();
}

function invalidationOf(listener: PgListener): Invalidation {
  let inv = invalidations.get(listener);
  if (!inv) {
    const created: Invalidation = { current: 0, forgetters: new Set() };
    listener.listen(PUBLIC_RECORD_CHANNEL, () => forgetAll(created));
    listener.onReconnect(() => forgetAll(created));
    invalidations.set(listener, created);
    inv = created;
  }
  return inv;
}

/**
 * Forgets what this process's public caches (those on the process-wide LISTEN connection) remember, at once: called after a publication commits,
 * so the publisher's next page view shows it even before the notification comes back.
 */
export function forgetPublicRecord(): void {
  const listener = existingProcessListener();
  const inv = listener && invalidations.get(listener);
  if (inv) forgetAll(inv);
}

export function createPublicCache<V>(listener: PgListener, maxEntries: number): PublicCache<V> {
  const inv = invalidationOf(listener);
  // A Map keeps insertion order: re-inserting on each hit makes its first key the least recently used.
  const entries = new Map<string, V>();
  const pending = new Map<string, { generation: number; promise: Promise<V> }>();
  inv.forgetters.add(() => {
    entries.clear();
    pending.clear();
  });
  const trusted = () => listener.isListening(PUBLIC_RECORD_CHANNEL);

  const cache: PublicCache<V> = {
    get(key) {
      if (!trusted()) return undefined;
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    generation: () => (trusted() ? inv.current : null),
    remember(key, value, generation) {
      if (generation !== inv.current || !trusted()) return;
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    async through(key, load) {
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const generation = cache.generation();
      if (generation === null) return load();
      const inFlight = pending.get(key);
      if (inFlight && inFlight.generation === generation) return inFlight.promise;
      const promise = load().then((value) => {
        cache.remember(key, value, generation);
        return value;
      });
      const entry = { generation, promise };
      pending.set(key, entry);
      void promise
        .finally(() => {
          if (pending.get(key) === entry) pending.delete(key);
        })
        .catch(() => {});
      return promise;
    },
    forget: () => forgetAll(inv),
    size: () => entries.size,
  };
  return cache;
}

const named = globalThis as unknown as { __cgPublicCaches?: Map<string, PublicCache<unknown>> };

/** This process's cache named `name`, on the process-wide LISTEN connection. */
export function processPublicCache<V>(name: string, maxEntries: number): PublicCache<V> {
  const caches = (named.__cgPublicCaches ??= new Map());
  let c = caches.get(name);
  if (!c) {
    c = createPublicCache<unknown>(processListener(), maxEntries);
    caches.set(name, c);
  }
  return c as PublicCache<V>;
}
