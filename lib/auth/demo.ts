// Demo accounts come with MFA already enrolled, under a secret anyone can recompute from the
// email address. This is for the public demo data only: the salt is published in this file,
// so these secrets protect nothing. Real accounts enrol with a random secret (generateTotpSecret).
import { createHmac } from "node:crypto";
import { base32Encode } from "./totp";

export const DEMO_TOTP_SALT = "common-ground-public-demo-totp-salt-v1";

/** A deterministic base32 TOTP secret (160 bits) for a seeded demo user. */
export function demoTotpSecret(email: string): string {
  const mac = createHmac("sha256", DEMO_TOTP_SALT).update(email.trim().toLowerCase()).digest();
  return base32Encode(mac.subarray(0, 20));
}

/** The SystemSetting the demo seed writes, so the tooling recognises a database holding the demo world. */
export const DEMO_WORLD_SETTING = "demo.world";

/** Demo accounts live under the reserved `.demo` top-level domain. */
export const DEMO_EMAIL_SUFFIX = ".demo";
