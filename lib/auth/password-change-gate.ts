// Someone signed in with a password an admin chose (a new account, or after an authenticator
// reset) has no actor until they replace it: every page, action and handler sees nobody, and
// only the change-password step is told who they are.
import type { Actor } from "./actor";
import type { EndReason, ResolvedSession } from "./sessions";

export type SessionState =
  { actor: Actor; reason: null } | { actor: null; reason: EndReason | "passwordChangeRequired" | null };

export function gateSession(resolved: ResolvedSession): SessionState {
  if (resolved.actor?.mustChangePassword) return { actor: null, reason: "passwordChangeRequired" };
  return resolved;
}

/** The actor of a session that may only change its password, else null. */
export function passwordChangeActor(resolved: ResolvedSession): Actor | null {
  return resolved.actor?.mustChangePassword ? resolved.actor : null;
}
