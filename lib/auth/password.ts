// Password hashing (argon2id) and the password policy: at least 12 characters, and not one of
// the 10,000 most common passwords (case-insensitive).
import { hash, verify } from "@node-rs/argon2";
import { ValidationError } from "../errors";
import { msg } from "../i18n/issue";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../validation/auth";
import commonPasswords from "./common-passwords.json";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. `2` is Algorithm.Argon2id (a const enum
// that isolated modules cannot reference).
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a malformed stored hash alike. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same time as a real check when there is no account, so response time does not
 * reveal whether an email is registered.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword("no account has this password; it only costs time");
  await verifyPassword(await dummy, password);
}

// The list (from the zxcvbn frequency list, MIT) is mostly shorter than the minimum length,
// so a common word padded out with digits or symbols ("sunshine12345") is refused too.
const COMMON: ReadonlySet<string> = new Set(commonPasswords as string[]);

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  const core = lower.replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");
  return core.length >= 4 && COMMON.has(core);
}

/** The message (see lib/i18n/issue.ts) of the first policy rule the password breaks, or null. */
export function passwordPolicyIssue(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return msg("auth.password.tooShort", { min: PASSWORD_MIN_LENGTH });
  if (password.length > PASSWORD_MAX_LENGTH) return msg("auth.password.tooLong", { max: PASSWORD_MAX_LENGTH });
  if (isCommonPassword(password)) return msg("auth.password.common");
  return null;
}

/** Throws a ValidationError on `field` when the password breaks the policy. */
export function assertPasswordPolicy(password: string, field = "password"): void {
  const issue = passwordPolicyIssue(password);
  if (issue) throw new ValidationError([{ path: field, message: issue }]);
}
