import { describe, expect, it } from "vitest";
import { LIVE_REFRESH_MIN_INTERVAL_MS, LIVE_REFRESH_SPREAD_MS, nextRefreshDelay } from "./refresh-pacing";

describe("nextRefreshDelay", () => {
  it("refreshes a page that has not refreshed yet after the debounce and its place in the spread", () => {
    expect(nextRefreshDelay(0, 1_000_000, 300, 0)).toBe(300);
    expect(nextRefreshDelay(0, 1_000_000, 300, 0.5)).toBe(300 + LIVE_REFRESH_SPREAD_MS / 2);
    expect(nextRefreshDelay(0, 1_000_000, 300, 0.9999)).toBeLessThan(300 + LIVE_REFRESH_SPREAD_MS);
  });

  it("after a quiet spell, waits only the debounce and spread", () => {
    expect(nextRefreshDelay(10_000, 10_000 + LIVE_REFRESH_MIN_INTERVAL_MS + 1, 100, 0)).toBe(100);
  });

  it("while events keep coming, holds the next refresh until the interval since the last has passed", () => {
    expect(nextRefreshDelay(10_000, 10_500, 100, 0)).toBe(LIVE_REFRESH_MIN_INTERVAL_MS - 500);
    expect(nextRefreshDelay(10_000, 10_500, 100, 0, 5_000)).toBe(4_500);
  });
});
