// Configuration is refused at start when TRUSTED_PROXIES names something that is not an address
// or a CIDR range, so a typo cannot silently trust (or fail to trust) a proxy.
import { afterEach, describe, expect, it, vi } from "vitest";

const base = { DATABASE_URL: "postgres://u:p@localhost:5432/db", AUTH_SECRET: "x".repeat(32) };

async function envWith(extra: Record<string, string>) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", base.DATABASE_URL);
  vi.stubEnv("AUTH_SECRET", base.AUTH_SECRET);
  for (const [k, v] of Object.entries(extra)) vi.stubEnv(k, v);
  const { env } = await import("./env");
  return env;
}

describe("TRUSTED_PROXIES in the configuration", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("accepts addresses and ranges", async () => {
    expect((await envWith({ TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.10" }))().TRUSTED_PROXIES).toBe(
      "10.0.0.0/8, 192.0.2.10",
    );
  });

  it("trusts no proxy when unset", async () => {
    vi.stubEnv("TRUSTED_PROXIES", undefined);
    expect((await envWith({}))().TRUSTED_PROXIES).toBe("");
  });

  it("refuses an entry that is not an address or a range, naming it", async () => {
    const env = await envWith({ TRUSTED_PROXIES: "10.0.0.0/8,lb.internal" });
    expect(() => env()).toThrow(/TRUSTED_PROXIES.*lb\.internal/);
  });
});
