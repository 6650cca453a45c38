// The second factor: RFC 6238 time-based one-time codes (30 s, 6 digits, HMAC-SHA-1) computed
// by the otpauth library, the replay guard and drift window around it, and the AES-256-GCM
// encryption that keeps their secrets unreadable in the database.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { HOTP, Secret, TOTP } from "otpauth";
import { env } from "../env";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes from one step either side of now are accepted, for clock drift between phone and server. */
const DRIFT_STEPS = 1;
const ISSUER = "Common Ground";
/** 160 bits, the size RFC 4226 recommends for HMAC-SHA-1. */
const SECRET_BYTES = 20;

type Algorithm = "sha1" | "sha256" | "sha512";

export function base32Encode(bytes: Uint8Array): string {
  return new Secret({ buffer: Uint8Array.from(bytes).buffer }).base32;
}

/** Decodes base32 as authenticator apps write it: any case, white space and padding ignored. */
export function base32Decode(text: string): Buffer {
  return Buffer.from(Secret.fromBase32(text.replace(/\s/g, "")).bytes);
}

export function generateTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** RFC 4226 HOTP; `algorithm` and `digits` are parameters only so the RFC test vectors can be checked. */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS, algorithm: Algorithm = "sha1"): string {
  return HOTP.generate({
    secret: new Secret({ buffer: Uint8Array.from(key).buffer }),
    counter,
    digits,
    algorithm: algorithm.toUpperCase(),
  });
}

function totpFor(secret: string, label = ""): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret.replace(/\s/g, "")),
  });
}

/** The code an authenticator app shows for this base32 secret at this time. */
export function totpCode(secret: string, at: Date): string {
  return totpFor(secret).generate({ timestamp: at.getTime() });
}

/**
 * Checks a code against the steps around `at`. Returns the matching step, or null. A step at or
 * before `lastStep` is refused, so a code (or an older one) cannot be used a second time.
 */
export function verifyTotp(secret: string, code: string, at: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret).validate({ token: code, timestamp: at.getTime(), window: DRIFT_STEPS });
  if (delta === null) return null;
  const step = totpStep(at) + delta;
  return lastStep === null || step > lastStep ? step : null;
}

/** The otpauth:// URI that authenticator apps read from the enrolment QR code. */
export function otpauthUri(secret: string, accountEmail: string): string {
  return totpFor(secret, accountEmail).toString();
}

// --- Encryption at rest -------------------------------------------------------------------

const FORMAT = "v1";
const keys = new Map<string, Buffer>();

function keyFor(authSecret: string): Buffer {
  let key = keys.get(authSecret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", authSecret, "common-ground", "totp-secret-encryption-v1", 32));
    keys.set(authSecret, key);
  }
  return key;
}

/** Encrypts a base32 TOTP secret for `User.totpSecret` / `User.totpPendingSecret`. */
export function encryptTotpSecret(secret: string, authSecret: string = env().AUTH_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(authSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(":");
}

/** Reverses encryptTotpSecret; throws if the value was altered or encrypted under another AUTH_SECRET. */
export function decryptTotpSecret(stored: string, authSecret: string = env().AUTH_SECRET): string {
  const [format, iv, tag, ciphertext] = stored.split(":");
  if (format !== FORMAT || !iv || !tag || ciphertext === undefined) throw new Error("Unrecognised TOTP secret format");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(authSecret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
