// Agencies and users for the sign-in and session tests, written straight to the test database.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { hashPassword } from "@/lib/auth/password";
import type { RequestContext } from "@/lib/auth/request-context";
import { encryptTotpSecret, generateTotpSecret, hotp, base32Decode, totpStep } from "@/lib/auth/totp";

export const PASSWORD = "a quiet river at dawn";

export const context: RequestContext = { requestId: "req-auth-test", sourceIp: "203.0.113.9", userAgent: "vitest" };

/** The same caller seen from another address (each address has its own sign-in throttle). */
export function contextFrom(sourceIp: string): RequestContext {
  return { ...context, sourceIp };
}

export async function makeAgency(db: Db, slug: string) {
  return db.agency.create({
    data: {
      slug,
      name: `Agency ${slug}`,
      shortName: slug.toUpperCase(),
      level: "LOCAL",
      kind: "POLICE",
      timeZone: "America/Chicago",
      phone24x7: "+1 312 555 0100",
    },
  });
}

let hashed: Promise<string> | undefined;

export async function makeUser(
  db: Db,
  agencyId: string,
  options: { roles?: Role[]; enrolled?: boolean; email?: string } = {},
) {
  hashed ??= hashPassword(PASSWORD);
  const secret = generateTotpSecret();
  const email = options.email ?? `user-${randomUUID().slice(0, 8)}@example.gov`;
  const user = await db.user.create({
    data: {
      agencyId,
      email,
      name: "Test User",
      passwordHash: await hashed,
      roles: options.roles ?? ["LIAISON"],
      passwordChangedAt: new Date("2026-01-01T00:00:00Z"),
      ...(options.enrolled === false
        ? {}
        : { totpSecret: encryptTotpSecret(secret), mfaEnrolledAt: new Date("2026-01-01T00:00:00Z") }),
    },
  });
  return { ...user, secret };
}

/** The code an authenticator app shows for `secret` at `at`, optionally some steps later. */
export function codeFor(secret: string, at: Date, stepOffset = 0): string {
  return hotp(base32Decode(secret), totpStep(at) + stepOffset);
}

/** A code that is certainly wrong at `at` (differs from every code in the accepted window). */
export function wrongCodeFor(secret: string, at: Date): string {
  const valid = new Set([-1, 0, 1].map((o) => codeFor(secret, at, o)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}

export async function auditRows(db: Db, action: string) {
  return db.auditEvent.findMany({ where: { action }, orderBy: { seq: "asc" } });
}
