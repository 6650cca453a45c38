import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-path";

// Every way a callbackUrl has been seen to leave a site: what a browser makes of it decides.
const OFF_SITE = [
  "https://evil.example/",
  "http://evil.example",
  "HTTPS://evil.example",
  "//evil.example/",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/.//evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%09/evil.example",
  "/%0A/evil.example",
  "/%0D%0ALocation:%20https://evil.example",
  "/%252F%252Fevil.example",
  "/%25252F%25252Fevil.example",
  "/redirect?to=https%3A%2F%2Fevil.example",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "data:text/html,hi",
  "evil.example",
  "/\u2028/evil.example",
  "/%E0%A4%A",
];

describe("safeCallbackPath", () => {
  it("keeps a same-site path with its query and fragment", () => {
    expect(safeCallbackPath("/operations?x=1")).toBe("/operations?x=1");
    expect(safeCallbackPath("/notices/abc#reply")).toBe("/notices/abc#reply");
    expect(safeCallbackPath("/operations/%C3%A9t%C3%A9")).toBe("/operations/%C3%A9t%C3%A9");
  });

  it.each(OFF_SITE)("sends %j home rather than off the site", (value) => {
    const path = safeCallbackPath(value);
    expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
    expect(new URL(path, "https://portal.example").origin).toBe("https://portal.example");
    expect(path).not.toMatch(/evil\.example/);
  });

  it("never returns a character that could break a Location header", () => {
    for (const value of [...OFF_SITE, "/a\tb", "/a b", "/a\u0000b"]) {
      expect(safeCallbackPath(value)).not.toMatch(/[\u0000-\u001f\u007f\\ ]/);
    }
  });

  it("answers home for the sign-in page, the API, nothing, or something that is not a string", () => {
    for (const value of [
      "/login?reason=idle",
      "/login",
      "/api/v1/operations",
      "",
      null,
      undefined,
      ["/a", "/b"],
      42,
      "/" + "a".repeat(3000),
    ]) {
      expect(safeCallbackPath(value)).toBe("/");
    }
  });

  it("reduces an absolute URL on the given origin to its path, and refuses any other origin", () => {
    const origin = "https://portal.example";
    expect(safeCallbackPath("https://portal.example/inbox?page=2", origin)).toBe("/inbox?page=2");
    expect(safeCallbackPath("https://portal.example.evil.example/inbox", origin)).toBe("/");
    expect(safeCallbackPath("https://portal.example@evil.example/", origin)).toBe("/");
    expect(safeCallbackPath("http://portal.example/inbox", origin)).toBe("/");
    expect(safeCallbackPath("https://portal.example//evil.example", origin)).toBe("/");
    expect(safeCallbackPath("/inbox", origin)).toBe("/inbox");
  });
});
