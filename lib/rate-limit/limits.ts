// Every rate limit of the portal in one place: what is counted, how many per window, and how
// long a key that went over waits. Keys are built by the callers (`user:<id>`, `ip:<addr>`…).

export type LimitName = keyof typeof LIMITS;

export type Limit = {
  /** Points a key may spend in one window. */
  points: number;
  /** The window, in seconds. */
  durationSec: number;
  /** Once over the limit, the key is refused for this long (defaults to the rest of the window). */
  blockSec?: number;
};

export const LIMITS = {
  /** Failed sign-in steps from one client address (progressive delay past this, never a lock). */
  signInAddress: { points: 20, durationSec: 15 * 60 },
  /** Sign-in attempts of any outcome naming one account, whoever sends them. */
  signInAccount: { points: 30, durationSec: 15 * 60 },
  /** Authenticated API requests per token. */
  apiToken: { points: 1_200, durationSec: 60 },
  /** Refused (unauthenticated) API and calendar-feed requests per client address. */
  anonymousAddress: { points: 60, durationSec: 60, blockSec: 60 },
  /** Calendar-feed fetches per feed token. */
  calendarFeed: { points: 60, durationSec: 60 * 60 },
  /**
   * Dry runs (the API's check, the filing form's conflict and recipient previews) per user or API
   * token. The form asks twice ~400 ms after each change, so a person drawing stays well inside;
   * a script sweeping a region for other agencies' plans does not.
   */
  dryRunUser: { points: 60, durationSec: 60 },
  /** Dry runs per agency, all its people and tokens together: an average of one a second, in bursts. */
  dryRunAgency: { points: 300, durationSec: 5 * 60 },
} satisfies Record<string, Limit>;
