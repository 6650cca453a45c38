import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  decryptTotpSecret,
  encryptTotpSecret,
  generateTotpSecret,
  hotp,
  otpauthUri,
  totpCode,
  totpStep,
  verifyTotp,
} from "./totp";
import { demoTotpSecret } from "./demo";

// RFC 6238 appendix B: 8-digit codes for the three HMAC variants at fixed times.
const SEEDS = {
  sha1: Buffer.from("12345678901234567890"),
  sha256: Buffer.from("12345678901234567890123456789012"),
  sha512: Buffer.from("1234567890123456789012345678901234567890123456789012345678901234"),
};
const VECTORS: [number, string, string, string][] = [
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

const AUTH_SECRET = "a-test-auth-secret-that-is-long-enough-0123456789";

describe("TOTP (RFC 6238)", () => {
  it.each(VECTORS)("matches the RFC test vectors at T=%i", (seconds, sha1, sha256, sha512) => {
    const step = totpStep(new Date(seconds * 1000));
    expect(hotp(SEEDS.sha1, step, 8, "sha1")).toBe(sha1);
    expect(hotp(SEEDS.sha256, step, 8, "sha256")).toBe(sha256);
    expect(hotp(SEEDS.sha512, step, 8, "sha512")).toBe(sha512);
  });

  it("shows the last six digits of the RFC code for the app's 6-digit setting", () => {
    const secret = base32Encode(SEEDS.sha1);
    expect(totpCode(secret, new Date(59_000))).toBe("287082");
    expect(totpCode(secret, new Date(1111111109_000))).toBe("081804");
  });

  it("accepts the RFC 6238 SHA-1 code (6 digits) at its time, once", () => {
    const secret = base32Encode(SEEDS.sha1);
    const at = new Date(1111111109_000);
    const step = totpStep(at);
    expect(verifyTotp(secret, "081804", at, null)).toBe(step);
    expect(verifyTotp(secret, "081804", at, step)).toBeNull();
    expect(verifyTotp(secret, "081804", new Date(1111111109_000 + 90_000), null)).toBeNull();
  });

  it("round-trips base32 (the RFC 4648 example) and ignores case, spaces and padding", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("mzxw 6ytb oi======").toString()).toBe("foobar");
    expect(base32Decode("MZXW\t6YTB\nOI").toString()).toBe("foobar");
    expect(() => base32Decode("not base32!")).toThrow();
    expect(base32Decode(generateTotpSecret())).toHaveLength(20);
  });

  describe("verifyTotp", () => {
    const secret = base32Encode(SEEDS.sha1);
    const now = new Date(1234567890_000);
    const step = totpStep(now);
    const codeAt = (s: number) => hotp(SEEDS.sha1, s);

    it("accepts the current step and one step either side", () => {
      expect(verifyTotp(secret, codeAt(step), now, null)).toBe(step);
      expect(verifyTotp(secret, codeAt(step - 1), now, null)).toBe(step - 1);
      expect(verifyTotp(secret, codeAt(step + 1), now, null)).toBe(step + 1);
    });

    it("refuses codes two steps away, wrong codes and malformed input", () => {
      expect(verifyTotp(secret, codeAt(step - 2), now, null)).toBeNull();
      expect(verifyTotp(secret, codeAt(step + 2), now, null)).toBeNull();
      const wrong = String((Number(codeAt(step)) + 1) % 1_000_000).padStart(6, "0");
      expect(verifyTotp(secret, wrong, now, null)).toBeNull();
      expect(verifyTotp(secret, "12345", now, null)).toBeNull();
      expect(verifyTotp(secret, "abcdef", now, null)).toBeNull();
    });

    it("refuses a step already used, and older ones", () => {
      expect(verifyTotp(secret, codeAt(step), now, step)).toBeNull();
      expect(verifyTotp(secret, codeAt(step - 1), now, step)).toBeNull();
      expect(verifyTotp(secret, codeAt(step + 1), now, step)).toBe(step + 1);
    });
  });

  it("writes an otpauth URI that authenticator apps read", () => {
    const uri = new URL(otpauthUri("JBSWY3DPEHPK3PXP", "chief@example.gov"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Common Ground:chief@example.gov");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: "JBSWY3DPEHPK3PXP",
      issuer: "Common Ground",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });
});

describe("TOTP secret encryption", () => {
  it("round-trips, with a fresh IV each time", () => {
    const secret = generateTotpSecret();
    const a = encryptTotpSecret(secret, AUTH_SECRET);
    const b = encryptTotpSecret(secret, AUTH_SECRET);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(decryptTotpSecret(a, AUTH_SECRET)).toBe(secret);
    expect(decryptTotpSecret(b, AUTH_SECRET)).toBe(secret);
  });

  it("refuses a tampered value or another key", () => {
    const stored = encryptTotpSecret("JBSWY3DPEHPK3PXP", AUTH_SECRET);
    const parts = stored.split(":");
    const flipped = Buffer.from(parts[3], "base64url");
    flipped[0] ^= 1;
    const tampered = [parts[0], parts[1], parts[2], flipped.toString("base64url")].join(":");
    expect(() => decryptTotpSecret(tampered, AUTH_SECRET)).toThrow();
    expect(() => decryptTotpSecret(stored, `${AUTH_SECRET}-other`)).toThrow();
    expect(() => decryptTotpSecret("plain-text-secret", AUTH_SECRET)).toThrow();
  });
});

describe("demo TOTP secrets", () => {
  it("are deterministic per email, case-insensitive, and differ between users", () => {
    expect(demoTotpSecret("Chief@Example.gov")).toBe(demoTotpSecret("chief@example.gov"));
    expect(demoTotpSecret("chief@example.gov")).not.toBe(demoTotpSecret("liaison@example.gov"));
    expect(demoTotpSecret("chief@example.gov")).toMatch(/^[A-Z2-7]{32}$/);
  });
});
