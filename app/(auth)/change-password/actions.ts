"use server";
// The required password change after signing in with a password an admin chose. Only the
// person who must change it may call this; afterwards they sign in with the new password.
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { changePassword } from "@/lib/auth/change-password";
import { clearSessionCookie, getPasswordChangeActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";

export async function changeRequiredPasswordAction(input: unknown): Promise<ActionResult> {
  const result = await runAction(async () => {
    const actor = await getPasswordChangeActor();
    if (!actor) throw new UnauthorizedError();
    await changePassword({ actor, input, now: await currentTime(db()) });
    return undefined;
  });
  if (!result.ok) return result;
  await clearSessionCookie();
  redirect("/login?reason=passwordChanged");
}
