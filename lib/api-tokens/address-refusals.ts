// Requests refused for want of a valid credential (no token, a bad, revoked or expired one, an
// unknown calendar feed) are counted per client address under the shared `anonymousAddress`
// limit. Past it the address gets 429 for every such request until its block ends, and this
// process remembers the block so that it answers from memory, before looking any token up.
// Requests with a token this process already knows to be valid are not held up by the block:
// one misconfigured client behind an agency's NAT does not lock out the agency's other systems.
import type { Db } from "../db/client";
import { RateLimitError } from "../errors";
import { consume } from "../rate-limit/limiter";

const MAX_BLOCKED = 10_000;
const g = globalThis as unknown as { __cgBlockedAddresses?: Map<string, number> };
const blocked = (g.__cgBlockedAddresses ??= new Map<string, number>());

/** The limiter key for a client address; requests with no known address share one. */
export function addressKey(address: string | null): string {
  return `ip:${address ?? "unknown"}`;
}

/** Throws a RateLimitError (with `retryAfter` seconds) when this process knows the address is blocked. */
export function refuseIfBlocked(address: string | null, now = Date.now()): void {
  const until = blocked.get(addressKey(address));
  if (until === undefined) return;
  if (until <= now) {
    blocked.delete(addressKey(address));
    return;
  }
  throw new RateLimitError("api.rateLimited", { retryAfter: Math.max(1, Math.ceil((until - now) / 1000)) });
}

/** Counts one refusal for the address; throws a RateLimitError once it is over the limit. */
export async function countAddressRefusal(db: Db, address: string | null, now = Date.now()): Promise<void> {
  refuseIfBlocked(address, now);
  const verdict = await consume(db, "anonymousAddress", addressKey(address));
  if (verdict.allowed) return;
  if (blocked.size >= MAX_BLOCKED) blocked.clear();
  blocked.set(addressKey(address), now + verdict.retryAfterSec * 1000);
  throw new RateLimitError("api.rateLimited", { retryAfter: verdict.retryAfterSec });
}

/** Forgets every block this process remembers (tests). */
export function forgetAddressBlocks(): void {
  blocked.clear();
}
