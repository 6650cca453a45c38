// The client address behind trusted proxies: X-Forwarded-For is believed only hop by hop from
// the connecting peer, right to left, while each hop is a configured trusted proxy.
import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, parseTrustedProxies } from "./client-address";

describe("TRUSTED_PROXIES", () => {
  it("accepts addresses and CIDR ranges of both families, and names a bad entry", () => {
    const trusted = parseTrustedProxies(" 10.0.0.0/8, 192.168.1.5 ,2001:db8::/32,::1");
    expect(trusted.size).toBe(4);
    expect(["10.1.2.3", "192.168.1.5", "::ffff:10.9.9.9", "2001:db8::7", "::1"].map((a) => trusted.has(a))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["11.0.0.1", "192.168.1.6", "2001:db9::1", "junk"].map((a) => trusted.has(a))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(parseTrustedProxies("").size).toBe(0);
    expect(parseTrustedProxies(undefined).size).toBe(0);
    for (const bad of ["10.0.0.0/33", "proxy.internal", "10.0.0.1/8/2", "2001:db8::/129", "10.0.0.0/x"]) {
      expect(() => parseTrustedProxies(`127.0.0.1,${bad}`)).toThrow(bad);
    }
  });

  it("normalizes dual-stack, bracketed and port-suffixed forms, and rejects what is not an address", () => {
    expect(normalizeAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("unknown")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
  });
});

describe("the client address", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8");
  it("is the peer when no proxy is trusted, whatever the header says", () => {
    expect(clientAddress({ peer: "198.51.100.9", forwardedFor: "1.2.3.4", trusted: parseTrustedProxies("") })).toBe(
      "198.51.100.9",
    );
  });

  it("is the peer when the peer is not a trusted proxy (a spoofed header is ignored)", () => {
    expect(clientAddress({ peer: "198.51.100.9", forwardedFor: "1.2.3.4", trusted })).toBe("198.51.100.9");
  });

  it("walks right to left past trusted hops to the first untrusted address", () => {
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.7", trusted })).toBe("203.0.113.7");
    // The client prepended a lie; the proxies appended the truth.
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.7, 10.0.0.3", trusted })).toBe(
      "203.0.113.7",
    );
    expect(clientAddress({ peer: "::ffff:10.0.0.2", forwardedFor: "2001:db8::5", trusted })).toBe("2001:db8::5");
  });

  it("stops at the last real address when the chain is all proxies or malformed", () => {
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "10.0.0.4, 10.0.0.3", trusted })).toBe("10.0.0.4");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "garbage, 10.0.0.3", trusted })).toBe("10.0.0.3");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: null, trusted })).toBe("10.0.0.2");
    expect(clientAddress({ peer: undefined, forwardedFor: "1.2.3.4", trusted })).toBeNull();
  });
});
