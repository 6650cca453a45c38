import { describe, expect, it } from "vitest";
import { safeUrl } from "./safe-url";

describe("links in published policies", () => {
  it("keeps web, mail and same-site links", () => {
    for (const u of [
      "https://ilga.gov/legislation",
      "http://example.org",
      "mailto:records@county.gov",
      "/transparency",
      "#section-2",
    ])
      expect(safeUrl(u)).toBe(u);
  });
  it("drops script, data and protocol-relative links", () => {
    for (const u of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "data:text/html,<b>x</b>",
      "//evil.example",
      "vbscript:x",
    ])
      expect(safeUrl(u)).toBe("");
  });
});
