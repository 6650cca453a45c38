"use server";
// Platform admin actions: registering and editing agencies. Each checks the actor itself.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { getActor } from "@/lib/auth/session";
import { createAgency, updateAgency } from "@/lib/agencies/platform-agencies";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { createAgencyAdministrator } from "@/lib/users/create-user";

async function context() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return { actor, now: await currentTime(db()) };
}

export async function createAgencyAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const created = await createAgency({ ...(await context()), input });
    revalidatePath("/", "layout");
    return created;
  });
}

export async function updateAgencyAction(agencyId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    await updateAgency({ ...(await context()), agencyId: String(agencyId), input });
    revalidatePath("/", "layout");
    return { id: String(agencyId) };
  });
}

export async function createAgencyAdministratorAction(
  agencyId: string,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const created = await createAgencyAdministrator({ ...(await context()), agencyId: String(agencyId), input });
    revalidatePath(`/platform/agencies/${String(agencyId)}`);
    return created;
  });
}
