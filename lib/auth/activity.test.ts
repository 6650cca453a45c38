import { describe, expect, it } from "vitest";
import { isPersonActivity } from "./activity";

const request = (h: Record<string, string>) => isPersonActivity(new Headers(h));

describe("isPersonActivity", () => {
  it("counts page loads, form posts and server actions", () => {
    expect(request({ "sec-fetch-mode": "navigate", "sec-fetch-dest": "document", accept: "text/html" })).toBe(true);
    expect(request({ "next-action": "7f3a", rsc: "1", "sec-fetch-mode": "cors", accept: "text/x-component" })).toBe(
      true,
    );
    expect(request({ accept: "text/html,application/xhtml+xml" })).toBe(true);
  });

  it("does not count the live stream, router refreshes, prefetches or polling", () => {
    expect(request({ "sec-fetch-mode": "cors", "sec-fetch-dest": "empty", accept: "text/event-stream" })).toBe(false);
    expect(request({ rsc: "1", "sec-fetch-mode": "cors", "next-router-state-tree": "%5B%5D" })).toBe(false);
    expect(request({ rsc: "1", "next-router-prefetch": "1" })).toBe(false);
    expect(request({ "sec-fetch-mode": "cors", accept: "application/json" })).toBe(false);
    expect(request({ accept: "text/event-stream" })).toBe(false);
    expect(request({})).toBe(false);
  });
});
