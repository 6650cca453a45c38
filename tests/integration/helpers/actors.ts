// Actors for the seeded demo accounts, built the way getActor() builds them from a session,
// so domain functions can be called as a given person without a browser.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";

/** Integration tests that seed need the settings encryption reads; any 32+ characters will do. */
export function useTestSecrets(url: string): void {
  process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
  process.env.DATABASE_URL ??= url;
}

export async function actorFor(db: Db, email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { agency: true } });
  return {
    kind: "USER",
    id: user.id,
    userId: user.id,
    name: user.name,
    email: user.email,
    agencyId: user.agencyId,
    agencyName: user.agency.name,
    agencyTimeZone: user.agency.timeZone,
    roles: user.roles,
    isPlatformAdmin: user.isPlatformAdmin,
    locale: "en",
    sessionId: null,
    requestId: randomUUID(),
    sourceIp: "198.51.100.7",
  };
}
