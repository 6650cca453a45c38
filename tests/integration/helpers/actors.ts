// Actors for the seeded demo accounts, built the way getActor() builds them from a session,
// so domain functions can be called as a given person without a browser.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { userActor, type Actor } from "@/lib/auth/actor";

/** Integration tests that seed need the settings encryption reads; any 32+ characters will do. */
export function useTestSecrets(url: string): void {
  process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
  process.env.DATABASE_URL ??= url;
}

export async function actorFor(db: Db, email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { agency: true } });
  return userActor(user, { sessionId: null, requestId: randomUUID(), sourceIp: "198.51.100.7", locale: "en" });
}
