"use server";
// Conflict actions: acknowledge for one's own side, and record the outcome. Only a party agency
// reaches a conflict; the domain functions answer NotFound to anyone else.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/app/_lib/action-result";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { acknowledgeConflict, resolveConflict } from "@/lib/conflicts/conflicts";

async function context() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return { db: db(), actor, now: await currentTime(db()) };
}

const idOf = (input: unknown) => String((input as { id?: unknown } | null)?.id ?? "");

export async function acknowledgeConflictAction(input: { id: string }): Promise<ActionResult> {
  return runAction(async () => {
    await acknowledgeConflict({ ...(await context()), conflictId: idOf(input) });
    revalidatePath("/conflicts", "layout");
    return undefined;
  });
}

export async function resolveConflictAction(input: { id: string; outcome: string; note: string }): Promise<ActionResult> {
  return runAction(async () => {
    const { outcome, note } = (input ?? {}) as Partial<typeof input>;
    await resolveConflict({ ...(await context()), conflictId: idOf(input), input: { outcome, note } });
    revalidatePath("/conflicts", "layout");
    revalidatePath("/operations", "layout");
    return undefined;
  });
}
