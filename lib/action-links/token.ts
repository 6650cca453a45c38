// Token material for emailed action links: 24 random bytes and a MAC over them with a key derived
// from AUTH_SECRET, 48 URL-safe characters in all. Only the SHA-256 hash is stored. The MAC lets
// a forged or altered link be refused before any lookup; the database row is what makes a link
// one-time (lib/action-links/use-link.ts).
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "../env";

const RANDOM_BYTES = 24;
const MAC_BYTES = 12;
/** 32 characters of random part, 16 of MAC. */
export const TOKEN_LENGTH = 48;
const SHAPE = /^[A-Za-z0-9_-]{48}$/;

let cachedKey: { secret: string; key: Buffer } | undefined;

function macKey(): Buffer {
  const secret = env().AUTH_SECRET;
  if (cachedKey?.secret !== secret)
    cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "common-ground", "action-link-mac-v1", 32)) };
  return cachedKey.key;
}

function mac(randomPart: string): string {
  return createHmac("sha256", macKey())
    .update(randomPart, "utf8")
    .digest()
    .subarray(0, MAC_BYTES)
    .toString("base64url");
}

export function generateLinkToken(): { token: string; hash: string } {
  const randomPart = randomBytes(RANDOM_BYTES).toString("base64url");
  const token = `${randomPart}${mac(randomPart)}`;
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True only for a token of the right shape whose MAC matches: anything else was never issued. */
export function isAuthenticToken(value: unknown): value is string {
  if (typeof value !== "string" || !SHAPE.test(value)) return false;
  const randomPart = value.slice(0, TOKEN_LENGTH - 16);
  const given = Buffer.from(value.slice(TOKEN_LENGTH - 16), "utf8");
  const expected = Buffer.from(mac(randomPart), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
