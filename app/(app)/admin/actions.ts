"use server";
// Agency admin actions. Each checks the actor itself; the domain functions scope every read and
// write to the actor's own agency, so an id from another agency is simply not found.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";
import { deactivateUser, reactivateUser } from "@/lib/users/account-status";
import { changeUserRoles } from "@/lib/users/change-roles";
import { resetManagedUserMfa } from "@/lib/users/reset-mfa";
import { updateAgencySettings } from "@/lib/agencies/agency-settings";

async function context() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return { actor, now: await currentTime(db()) };
}

export async function createUserAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const created = await createUser({ ...(await context()), input });
    revalidatePath("/admin");
    return created;
  });
}

export async function deactivateUserAction(input: unknown): Promise<ActionResult<{ revokedSessions: number }>> {
  return runAction(async () => {
    const result = await deactivateUser({ ...(await context()), input });
    revalidatePath("/admin", "layout");
    return result;
  });
}

export async function reactivateUserAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await reactivateUser({ ...(await context()), input });
    revalidatePath("/admin", "layout");
    return undefined;
  });
}

export async function changeRolesAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await changeUserRoles({ ...(await context()), input });
    revalidatePath("/admin", "layout");
    return undefined;
  });
}

export async function resetMfaAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await resetManagedUserMfa({ ...(await context()), input });
    revalidatePath("/admin", "layout");
    return undefined;
  });
}

export async function updateSettingsAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await updateAgencySettings({ ...(await context()), input });
    revalidatePath("/", "layout");
    return undefined;
  });
}
