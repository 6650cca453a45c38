import { describe, expect, it } from "vitest";
import { ABSOLUTE_TIMEOUT_MS, endReason, IDLE_TIMEOUT_MS, sessionVerdict } from "./sessions";

const start = new Date("2026-11-23T08:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const session = (over: Partial<{ lastSeenAt: Date; revokedAt: Date | null }> = {}) => ({
  createdAt: start,
  lastSeenAt: over.lastSeenAt ?? start,
  expiresAt: at(ABSOLUTE_TIMEOUT_MS),
  revokedAt: over.revokedAt ?? null,
});
const user = { active: true, agencyActive: true, passwordChangedAt: at(-86_400_000) };

describe("session verdicts", () => {
  it("stays active with activity, up to the 30-minute idle limit", () => {
    expect(sessionVerdict(session(), user, at(IDLE_TIMEOUT_MS - 1))).toBe("ACTIVE");
    expect(sessionVerdict(session(), user, at(IDLE_TIMEOUT_MS))).toBe("IDLE");
    expect(sessionVerdict(session({ lastSeenAt: at(IDLE_TIMEOUT_MS - 1000) }), user, at(IDLE_TIMEOUT_MS + 1000))).toBe(
      "ACTIVE",
    );
  });

  it("expires 12 hours after sign-in however active it was", () => {
    const busy = session({ lastSeenAt: at(ABSOLUTE_TIMEOUT_MS - 60_000) });
    expect(sessionVerdict(busy, user, at(ABSOLUTE_TIMEOUT_MS - 1))).toBe("ACTIVE");
    expect(sessionVerdict(busy, user, at(ABSOLUTE_TIMEOUT_MS))).toBe("EXPIRED");
  });

  it("refuses revoked sessions, deactivated users or agencies, and older passwords", () => {
    expect(sessionVerdict(session({ revokedAt: at(1000) }), user, at(2000))).toBe("REVOKED");
    expect(sessionVerdict(session(), { ...user, active: false }, at(1000))).toBe("INACTIVE");
    expect(sessionVerdict(session(), { ...user, agencyActive: false }, at(1000))).toBe("INACTIVE");
    expect(sessionVerdict(session(), { ...user, passwordChangedAt: at(500) }, at(1000))).toBe("PASSWORD_CHANGED");
    expect(sessionVerdict(session(), { ...user, passwordChangedAt: start }, at(1000))).toBe("ACTIVE");
  });

  it("explains an ended session on the sign-in page", () => {
    expect(endReason("IDLE", session())).toBe("idle");
    expect(endReason("EXPIRED", session())).toBe("expired");
    expect(endReason("REVOKED", session({ revokedAt: at(IDLE_TIMEOUT_MS + 5000) }))).toBe("idle");
    expect(
      endReason(
        "REVOKED",
        session({ lastSeenAt: at(ABSOLUTE_TIMEOUT_MS - 60_000), revokedAt: at(ABSOLUTE_TIMEOUT_MS) }),
      ),
    ).toBe("expired");
    expect(endReason("REVOKED", session({ revokedAt: at(60_000) }))).toBe("signedOut");
    expect(endReason("PASSWORD_CHANGED", session())).toBe("signedOut");
  });
});
