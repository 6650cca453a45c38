// The page policy: scripts only by nonce, nothing inline, tiles only from the configured host.
import { describe, expect, it } from "vitest";
import { newNonce, nonceOf, pageContentSecurityPolicy, tileSource } from "./security-headers";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

describe("the page Content-Security-Policy", () => {
  it("allows scripts by this response's nonce only, styles without inline attributes, and nothing framed", () => {
    const nonce = newNonce();
    const policy = directives(pageContentSecurityPolicy({ nonce }));
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect(nonceOf(pageContentSecurityPolicy({ nonce }))).toBe(nonce);
  });

  it("loosens only what development needs, and upgrades requests over https", () => {
    const dev = directives(pageContentSecurityPolicy({ nonce: "n", dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(directives(pageContentSecurityPolicy({ nonce: "n", https: true })).has("upgrade-insecure-requests")).toBe(
      true,
    );
  });

  it("admits the configured tile server's host for images, and only it", () => {
    const policy = directives(
      pageContentSecurityPolicy({ nonce: "n", tileUrl: "https://{s}.tiles.example.gov/base/{z}/{x}/{y}.png" }),
    );
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:", "https://*.tiles.example.gov"]);
    expect(tileSource("https://Tiles.Example.gov:8443/{z}/{x}/{y}.png?key=abc")).toBe("https://tiles.example.gov:8443");
    expect(tileSource("http://10.0.0.5/{z}/{x}/{y}.png")).toBe("http://10.0.0.5");
    expect(tileSource("https://a.{s}.example.gov/{z}")).toBeNull();
    expect(tileSource("https://x.example.gov';script-src *")).toBeNull();
    expect(tileSource(null)).toBeNull();
  });

  it("makes a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of [...nonces].slice(0, 10)) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});
