import { describe, expect, it } from "vitest";
import { can, authorize } from "./authorize";
import type { Actor } from "./actor";

const base: Actor = {
  kind: "USER",
  id: "u1",
  userId: "u1",
  name: "A",
  email: "a@x",
  agencyId: "ag1",
  agencyName: "Ag",
  agencyTimeZone: "UTC",
  roles: ["LIAISON"],
  isPlatformAdmin: false,
  locale: "en",
  sessionId: "s",
  requestId: "r",
  sourceIp: null,
};

describe("authorize", () => {
  it("allows a held role in the actor's own agency", () => {
    expect(can(base, { roles: ["LIAISON", "CHIEF"], agencyId: "ag1" })).toBe(true);
  });
  it("denies another agency even with the right role", () => {
    expect(can(base, { roles: ["LIAISON"], agencyId: "ag2" })).toBe(false);
  });
  it("denies a role the actor lacks, and unknown roles", () => {
    expect(can(base, { roles: ["SUPERVISOR"] })).toBe(false);
    expect(can({ ...base, roles: ["ROOT" as never] }, {})).toBe(false);
  });
  it("denies a missing actor and throws ForbiddenError", () => {
    expect(can(null, {})).toBe(false);
    expect(() => authorize(null, {})).toThrow(/forbidden/);
  });
  it("requires the platform flag for platform work", () => {
    expect(can({ ...base, roles: ["AGENCY_ADMIN"] }, { platformAdmin: true })).toBe(false);
    expect(can({ ...base, isPlatformAdmin: true }, { platformAdmin: true })).toBe(true);
  });
});
