// Human-readable operation references, e.g. "OP-7KQ3M-9XZAB": 50 random bits in Crockford
// base32, short enough to read over a radio and practically never repeated.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newOperationRef(): string {
  const bytes = randomBytes(10);
  let out = "";
  for (let i = 0; i < 10; i++) out += ALPHABET[bytes[i] & 31];
  return `OP-${out.slice(0, 5)}-${out.slice(5)}`;
}
