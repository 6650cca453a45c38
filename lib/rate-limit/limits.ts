// Every rate limit of the portal in one place: what is counted, how many per window, and how
// long a key that went over waits. Keys are built by the callers (`user:<id>`, `ip:<addr>`…).
// An installation may change any of them with RATE_LIMITS (JSON, see parseLimitOverrides).
import { z } from "zod";

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
  /**
   * Failed sign-in steps from one client address: a short wait after a burst, then a longer one
   * (the delay grows with the failures; it is never a lock on any account).
   */
  signInAddressBurst: { points: 10, durationSec: 60 },
  signInAddress: { points: 30, durationSec: 15 * 60 },
  /**
   * Failed sign-in steps naming one email address, known or not, from anywhere. Above what one
   * address may send, so a single source can never throttle someone else's account.
   */
  signInAccount: { points: 50, durationSec: 15 * 60 },
  /**
   * Authenticated API requests per token: 50 a second sustained, far above what a CAD or RMS link
   * sends, low enough that a runaway client cannot monopolise the server. Spent from per-process
   * leases (lib/rate-limit/leased.ts), so it costs one round trip per 60 requests.
   */
  apiToken: { points: 3_000, durationSec: 60 },
  /**
   * Requests refused for want of a valid credential (no token, a bad, revoked or expired one, an
   * unknown calendar feed), per client address. A misconfigured client trips it within seconds and
   * then waits five minutes; a person fixing a token by hand does not.
   */
  anonymousAddress: { points: 30, durationSec: 60, blockSec: 5 * 60 },
  /**
   * The API reference (/api/docs) and its OpenAPI document, anonymous, per client address, counted
   * in each process's memory: a vendor's generator or a reader fetches them a few times; a loop
   * rendering the long reference page over and over waits a minute.
   */
  apiReferenceAddress: { points: 60, durationSec: 60, blockSec: 60 },
  /** Calendar-feed fetches per feed token: calendar apps poll every few minutes at most. */
  calendarFeed: { points: 60, durationSec: 60 * 60 },
  /**
   * Dry runs (the API's check, the filing form's conflict and recipient previews) per user or API
   * token. The form asks twice ~400 ms after each change, so a person drawing stays well inside;
   * a script sweeping a region for other agencies' plans does not.
   */
  dryRunUser: { points: 60, durationSec: 60 },
  /** Dry runs per agency, all its people and tokens together: an average of one a second, in bursts. */
  dryRunAgency: { points: 300, durationSec: 5 * 60 },
  /**
   * Requests to the emailed action links' pages (/act/…), shown or confirmed, per client address:
   * a person opens a link and confirms (two); a mail gateway prefetching a busy inbox's links stays
   * inside; a script trying tokens waits five minutes after thirty.
   */
  actionLinkAddress: { points: 30, durationSec: 60, blockSec: 5 * 60 },
  /** Refused action links (forged, used, expired…) recorded in the audit trail per client address; the rest are logged. */
  actionLinkRefusalAudit: { points: 10, durationSec: 10 * 60 },
  /**
   * The public record's downloads and Atom feed, per client address: two a second sustained is far
   * more than a reader or a feed reader asks; a crawler pulling every file in a loop waits a minute.
   */
  publicDownload: { points: 120, durationSec: 60, blockSec: 60 },
  /**
   * Public record pages and files answered from memory, per client address, counted in each
   * process's memory (lib/rate-limit/memory.ts; the shared table would put every reader on the
   * database). Twenty a second sustained: a newsroom or a campus behind one address reading a
   * story's links stays inside; a loop fetching pages as fast as it can waits a minute. With several
   * processes (WEB_CONCURRENCY, instances) an address may get this from each; what costs the
   * database, a render, is counted across all of them (publicRenderAddress).
   */
  publicPageAddress: { points: 1_200, durationSec: 60, blockSec: 60 },
  /**
   * Public record pages that must be rendered (not in memory: the first view after a publication,
   * an unknown address), per client address, in the shared table: what costs the server work and
   * reads the database. A reader causes a few; a script requesting made-up addresses waits a minute.
   */
  publicRenderAddress: { points: 120, durationSec: 60, blockSec: 60 },
} satisfies Record<string, Limit>;

const overrideSchema = z
  .object({
    points: z.number().int().positive().optional(),
    durationSec: z.number().int().positive().optional(),
    blockSec: z.number().int().nonnegative().optional(),
  })
  .strict();
const overridesSchema = z.partialRecord(z.enum(Object.keys(LIMITS) as [LimitName, ...LimitName[]]), overrideSchema);

/** RATE_LIMITS's text as limits: `{"<name>":{"points":…,"durationSec":…,"blockSec":…}}`; throws on anything else. */
export function parseLimitOverrides(text: string): Partial<Record<LimitName, Partial<Limit>>> {
  if (!text.trim()) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error("not valid JSON");
  }
  const parsed = overridesSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`).join("; "));
  return parsed.data;
}

let resolved: { text: string; limits: Record<LimitName, Limit> } | undefined;

/** A limit as this installation runs it: the default, with RATE_LIMITS's changes. */
export function limitOf(name: LimitName, overridesText: string): Limit {
  if (resolved?.text !== overridesText) {
    const overrides = parseLimitOverrides(overridesText);
    const limits = {} as Record<LimitName, Limit>;
    for (const key of Object.keys(LIMITS) as LimitName[]) limits[key] = { ...LIMITS[key], ...overrides[key] };
    resolved = { text: overridesText, limits };
  }
  return resolved.limits[name];
}
