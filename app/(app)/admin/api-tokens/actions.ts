"use server";
// Creating and revoking the agency's API tokens. Each action checks the actor itself; the domain
// functions allow only the agency's own admins and scope every write to that agency.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/manage-tokens";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";

async function context() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return { db: db(), actor, now: await currentTime(db()) };
}

/** Returns the token itself: the only time anyone sees it. */
export async function createApiTokenAction(input: unknown): Promise<ActionResult<{ token: string; name: string }>> {
  return runAction(async () => {
    const { token, apiToken } = await createApiToken({ ...(await context()), input });
    revalidatePath("/admin/api-tokens");
    return { token, name: apiToken.name };
  });
}

export async function revokeApiTokenAction(tokenId: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await revokeApiToken({ ...(await context()), tokenId: typeof tokenId === "string" ? tokenId : "" });
    revalidatePath("/admin/api-tokens");
    return undefined;
  });
}
