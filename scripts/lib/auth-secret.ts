// The session-signing and TOTP-encryption secret for `npm start`: AUTH_SECRET when set,
// otherwise generated once and kept (0600) in the data directory, so restarts keep sessions
// and the seeded TOTP secrets stay readable.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function persistentAuthSecret(dataDir: string): { secret: string; created: boolean } {
  const file = path.join(dataDir, "auth-secret");
  try {
    const secret = fs.readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return { secret, created: false };
  } catch {
    // first run
  }
  const secret = randomBytes(48).toString("base64url");
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return { secret, created: true };
}
