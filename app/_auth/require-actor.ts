// For pages and server actions that need a signed-in user: the actor, or a redirect to the
// sign-in page that says why the session ended.
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { getSessionState } from "@/lib/auth/session";

export async function requireActor(): Promise<Actor> {
  const { actor, reason } = await getSessionState();
  if (actor) return actor;
  if (reason === "passwordChangeRequired") redirect("/change-password");
  redirect(reason ? `/login?reason=${reason}` : "/login");
}
