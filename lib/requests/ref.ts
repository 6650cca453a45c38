// Human-readable request references, like notices': R-XXXXX-XXXXX in Crockford's alphabet.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newRequestRef(): string {
  const bytes = randomBytes(10);
  let out = "";
  for (let i = 0; i < 10; i++) out += ALPHABET[bytes[i] & 31];
  return `R-${out.slice(0, 5)}-${out.slice(5)}`;
}
