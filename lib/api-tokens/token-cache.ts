// Which agency each API token acts for, remembered per process so that a busy CAD client's
// requests skip the lookup. It is safe only because every change that matters is announced:
// triggers on "ApiToken" (revoked, deleted, re-hashed, renamed, moved, scopes or expiry changed)
// and on "Agency" (deactivated, renamed, time zone changed) NOTIFY `cg_api_tokens` when their
// transaction commits (migrations api_token_cache_invalidation, api_token_scopes_expiry), and every process forgets all it remembered when the
// notification arrives. The process that makes such a change forgets at once, without waiting.
//
// The cache is consulted only while this process's LISTEN connection is confirmed; when it drops,
// lookups go to the database again and the cache starts empty after the reconnect. A lookup that
// was under way when a notification arrived is not remembered (it may have read the old row).
// Entries also expire after a minute, whatever happens.
import type { PgListener } from "../realtime/pg-listener";
import { processListener } from "../realtime/process";

export const TOKEN_CACHE_CHANNEL = "cg_api_tokens";

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/** A token row with its agency, as authenticateApiToken reads it. */
export type TokenRecord = {
  id: string;
  name: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** Checked on every request: a cached token past it is refused all the same. */
  expiresAt: Date | null;
  scopes: string[] | null;
  agencyId: string;
  agencyName: string;
  timeZone: string;
  active: boolean;
};

export type TokenCache = {
  get(tokenHash: string): TokenRecord | null;
  /** Call before the lookup; null when nothing looked up now may be remembered. */
  generation(): number | null;
  /** Remembers a lookup that began at `generation`, unless something changed since. */
  remember(tokenHash: string, record: TokenRecord, generation: number): void;
  forget(): void;
};

export function createTokenCache(listener: PgListener, clock: () => number = Date.now): TokenCache {
  const entries = new Map<string, { record: TokenRecord; until: number }>();
  let current = 0;
  const forget = () => {
    current++;
    entries.clear();
  };
  listener.listen(TOKEN_CACHE_CHANNEL, forget);
  listener.onReconnect(forget);
  const trusted = () => listener.isListening(TOKEN_CACHE_CHANNEL);

  return {
    get(tokenHash) {
      if (!trusted()) return null;
      const entry = entries.get(tokenHash);
      if (!entry) return null;
      if (entry.until <= clock()) {
        entries.delete(tokenHash);
        return null;
      }
      return entry.record;
    },
    generation: () => (trusted() ? current : null),
    remember(tokenHash, record, generation) {
      if (generation !== current || !trusted()) return;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(tokenHash, { record, until: clock() + TTL_MS });
    },
    forget,
  };
}

const g = globalThis as unknown as { __cgTokenCache?: TokenCache };

/** This process's cache, listening on the process-wide LISTEN connection. */
export function processTokenCache(): TokenCache {
  g.__cgTokenCache ??= createTokenCache(processListener());
  return g.__cgTokenCache;
}

/** After a change that revokes or alters tokens or agencies commits: this process forgets at once. */
export function forgetCachedTokens(): void {
  g.__cgTokenCache?.forget();
}
