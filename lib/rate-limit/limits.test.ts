import { describe, expect, it } from "vitest";
import { LIMITS, limitOf, parseLimitOverrides } from "./limits";

describe("configured rate limits", () => {
  it("are the defaults with RATE_LIMITS's changes, one field at a time", () => {
    expect(limitOf("dryRunUser", "")).toEqual(LIMITS.dryRunUser);
    const text = JSON.stringify({ dryRunUser: { points: 120 }, anonymousAddress: { blockSec: 0 } });
    expect(limitOf("dryRunUser", text)).toEqual({ ...LIMITS.dryRunUser, points: 120 });
    expect(limitOf("anonymousAddress", text)).toEqual({ ...LIMITS.anonymousAddress, blockSec: 0 });
    expect(limitOf("apiToken", text)).toEqual(LIMITS.apiToken);
  });

  it("refuse anything but known limits with positive whole numbers, saying what is wrong", () => {
    expect(() => parseLimitOverrides("{")).toThrow("not valid JSON");
    expect(() => parseLimitOverrides(JSON.stringify({ dryRunUsers: { points: 1 } }))).toThrow(/dryRunUsers/);
    expect(() => parseLimitOverrides(JSON.stringify({ dryRunUser: { points: 0 } }))).toThrow(/dryRunUser\.points/);
    expect(() => parseLimitOverrides(JSON.stringify({ dryRunUser: { points: 1.5 } }))).toThrow(/dryRunUser\.points/);
    expect(() => parseLimitOverrides(JSON.stringify({ dryRunUser: { burst: 3 } }))).toThrow(/dryRunUser/);
  });
});
