"use server";
// Conflict actions: acknowledge for one's own side, propose an outcome, confirm or contest the
// other side's proposal, reopen a resolved conflict. Only a party agency reaches a conflict; the
// domain functions answer NotFound to anyone else.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { acknowledgeConflict } from "@/lib/conflicts/conflicts";
import {
  confirmConflictOutcome,
  contestConflictOutcome,
  proposeConflictOutcome,
  reopenConflict,
} from "@/lib/conflicts/outcome";

async function context() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return { db: db(), actor, now: await currentTime(db()) };
}

const idOf = (input: unknown) => String((input as { id?: unknown } | null)?.id ?? "");

function revalidate() {
  revalidatePath("/conflicts", "layout");
  revalidatePath("/operations", "layout");
  revalidatePath("/notices", "layout");
}

export async function acknowledgeConflictAction(input: { id: string }): Promise<ActionResult> {
  return runAction(async () => {
    await acknowledgeConflict({ ...(await context()), conflictId: idOf(input) });
    revalidate();
    return undefined;
  });
}

export async function proposeOutcomeAction(input: {
  id: string;
  outcome: string;
  note: string;
}): Promise<ActionResult> {
  return runAction(async () => {
    const { outcome, note } = (input ?? {}) as Partial<typeof input>;
    await proposeConflictOutcome({ ...(await context()), conflictId: idOf(input), input: { outcome, note } });
    revalidate();
    return undefined;
  });
}

export async function contestOutcomeAction(input: {
  id: string;
  outcome: string;
  note: string;
}): Promise<ActionResult> {
  return runAction(async () => {
    const { outcome, note } = (input ?? {}) as Partial<typeof input>;
    await contestConflictOutcome({ ...(await context()), conflictId: idOf(input), input: { outcome, note } });
    revalidate();
    return undefined;
  });
}

export async function confirmOutcomeAction(input: { id: string }): Promise<ActionResult> {
  return runAction(async () => {
    await confirmConflictOutcome({ ...(await context()), conflictId: idOf(input) });
    revalidate();
    return undefined;
  });
}

export async function reopenConflictAction(input: { id: string; reason: string }): Promise<ActionResult> {
  return runAction(async () => {
    const { reason } = (input ?? {}) as Partial<typeof input>;
    await reopenConflict({ ...(await context()), conflictId: idOf(input), input: { reason } });
    revalidate();
    return undefined;
  });
}
