"use server";
// A chief designates who else decides federal requests, or removes a designation. The action
// checks the actor itself; the domain function allows only chiefs, within their own agency.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { designateCommand } from "@/lib/requests/command-designations";

export async function designateAction(userId: unknown, designate: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await getActor();
    if (!actor) throw new UnauthorizedError();
    await designateCommand({ db: db(), actor, input: { userId, designate }, now: await currentTime(db()) });
    revalidatePath("/requests", "layout");
    return undefined;
  });
}
