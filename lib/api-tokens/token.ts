// API token material: 32 random bytes shown once as `cg_<base64url>`, stored only as a SHA-256
// hash plus a short prefix that lets an admin tell tokens apart.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "cg_";
const TOKEN_SHAPE = /^cg_[A-Za-z0-9_-]{43}$/;
/** How many characters of the token (after `cg_`) are kept in clear for display. */
const SHOWN_CHARS = 8;

export function generateToken(): { token: string; prefix: string; hash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: tokenPrefix(token), hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function tokenPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + SHOWN_CHARS);
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** The token in an `Authorization: Bearer cg_…` header, or null. */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
