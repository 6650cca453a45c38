import { describe, expect, it } from "vitest";
import { configuredLimit } from "./limiter";
import { createMemoryLimiter } from "./memory";

describe("a limit counted in memory", () => {
  it("allows the limit per key and window, then refuses for the block", () => {
    let now = 0;
    const limiter = createMemoryLimiter("publicPageAddress", () => now);
    const { points, blockSec } = configuredLimit("publicPageAddress");
    for (let i = 0; i < points; i++) expect(limiter.consume("a").allowed).toBe(true);
    expect(limiter.consume("a")).toEqual({ allowed: false, retryAfterSec: blockSec });
    expect(limiter.consume("b").allowed).toBe(true);
    now += (blockSec ?? 60) * 1000 + 1;
    expect(limiter.consume("a").allowed).toBe(true);
  });
});
