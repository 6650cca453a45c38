// Throttling of sign-in steps, decided before any account is looked up: per client address (a
// short wait after a burst of failures, a longer one after more) and per email address named
// (failures from anywhere, for known and unknown addresses alike, so the answer reveals nothing).
// Each attempt spends its points up front, so concurrent attempts cannot overrun a limit, and
// gets them back unless it failed: signing in successfully, however often, never counts.
import type { Db } from "../db/client";
import { configuredLimit, consume, refund } from "../rate-limit/limiter";
import type { LimitName } from "../rate-limit/limits";

export type Throttled = { status: "THROTTLED"; retryAfterSec: number };

type Charge = { name: LimitName; key: string };

export type Admission =
  | { admitted: true; charges: Charge[] }
  /** `tipped`: the limit this attempt took over the edge (the first refusal), for the audit trail. */
  | { admitted: false; refusal: Throttled; tipped: LimitName | null };

export function signInCharges(email: string, sourceIp: string | null): Charge[] {
  const address = `ip:${sourceIp ?? "unknown"}`;
  return [
    { name: "signInAddressBurst", key: address },
    { name: "signInAddress", key: address },
    { name: "signInAccount", key: `email:${email}` },
  ];
}

/** Spends one point on each limit in turn; the first one over its limit refuses the attempt. */
export async function admitSignIn(db: Db, email: string, sourceIp: string | null): Promise<Admission> {
  const spent: Charge[] = [];
  for (const charge of signInCharges(email, sourceIp)) {
    const verdict = await consume(db, charge.name, charge.key);
    if (!verdict.allowed) {
      // A refused attempt is not a failure: the limits it passed get their point back.
      await settleSignIn(db, spent);
      return {
        admitted: false,
        refusal: { status: "THROTTLED", retryAfterSec: verdict.retryAfterSec },
        tipped: verdict.consumed === configuredLimit(charge.name).points + 1 ? charge.name : null,
      };
    }
    spent.push(charge);
  }
  return { admitted: true, charges: spent };
}

/** Gives back the points of an attempt that did not fail. */
export async function settleSignIn(db: Db, charges: Charge[]): Promise<void> {
  await Promise.all(charges.map((c) => refund(db, c.name, c.key)));
}
