// How often an open page re-renders itself on live events (components/realtime/live-refresh.tsx):
// the first event after a quiet spell within a short debounce, then at most once per interval
// while events keep coming, the last of a burst always included.

/** The least time between two refreshes of one page while events keep coming. */
export const LIVE_REFRESH_MIN_INTERVAL_MS = 2_000;

/**
 * Up to this much is added at random to the debounce: an event reaches every open page of an
 * agency at the same instant, and their refreshes are spread over this window instead of all
 * arriving at the server together.
 */
export const LIVE_REFRESH_SPREAD_MS = 700;

/**
 * Milliseconds until the next refresh, given when the last one ran (0: none yet), now, and a
 * random number in [0, 1) (Math.random()) that places it in the spread.
 */
export function nextRefreshDelay(
  lastRefreshAt: number,
  now: number,
  debounceMs: number,
  random: number,
  minIntervalMs = LIVE_REFRESH_MIN_INTERVAL_MS,
): number {
  return Math.max(debounceMs + Math.floor(random * LIVE_REFRESH_SPREAD_MS), lastRefreshAt + minIntervalMs - now);
}
