"use server";
// Operation actions: file, edit, the live dry-run check, and lifecycle transitions. Each checks
// the actor itself; the domain functions scope every read and write to the actor's agency.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { getLocale, getT } from "@/app/_i18n/server";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { areaInWords, type AreaInWords } from "@/lib/geo/area-in-words";
import { areaSchema } from "@/lib/validation/area";
import { dryRunCheck, type DryRunConflict } from "@/lib/operations/dry-run";
import { fileOperation } from "@/lib/operations/file-operation";
import { transitionOperation } from "@/lib/operations/transition-operation";
import { updateOperation } from "@/lib/operations/update-operation";
import { fileAfterAction } from "@/lib/operations/after-action";
import { saveFilingDefaults } from "@/lib/users/filing-defaults";

async function context() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return { db: db(), actor, now: await currentTime(db()) };
}

export async function fileOperationAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const ctx = await context();
    const { operation } = await fileOperation({ ...ctx, input });
    // "Remember these for my next filing": the filing has validated them already.
    const raw = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
    if (raw.rememberDefaults === true) {
      await saveFilingDefaults({
        ...ctx,
        input: {
          commanderName: raw.commanderName,
          commanderPhone: raw.commanderPhone,
          commsPlan: raw.commsPlan,
          radioChannel: raw.radioChannel,
        },
      });
    }
    revalidatePath("/operations");
    revalidatePath("/conflicts");
    return { id: operation.id };
  });
}

export async function updateOperationAction(
  operationId: string,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { operation } = await updateOperation({ ...(await context()), operationId, input });
    revalidatePath("/operations", "layout");
    revalidatePath("/conflicts", "layout");
    return { id: operation.id };
  });
}

/** The filing form's live preview: nothing is stored. */
export async function previewConflictsAction(input: unknown): Promise<ActionResult<DryRunConflict[]>> {
  return runAction(async () => (await dryRunCheck({ ...(await context()), input })).conflicts);
}

/** The filing form's area in words, from the filer's own drawing: nothing is stored. */
export async function describeAreaAction(input: unknown): Promise<ActionResult<AreaInWords | null>> {
  return runAction(async () => {
    await context();
    const area = areaSchema.parse(input);
    const [t, locale] = await Promise.all([getT("geo"), getLocale()]);
    return areaInWords(area, t, locale);
  });
}

export async function transitionOperationAction(input: {
  id: string;
  transition: string;
  version: number;
  reason?: string;
}): Promise<ActionResult<{ status: string }>> {
  return runAction(async () => {
    // The argument comes from the browser: trust nothing about its shape.
    const { id, ...rest } = (input && typeof input === "object" ? input : {}) as Partial<typeof input>;
    const { operation } = await transitionOperation({ ...(await context()), operationId: String(id), input: rest });
    revalidatePath("/operations", "layout");
    revalidatePath("/conflicts", "layout");
    return { status: operation.status };
  });
}

/** An exigent operation's after-action account, shared with its hosts once written. */
export async function fileAfterActionAction(
  operationId: string,
  input: unknown,
): Promise<ActionResult<{ sharedWith: number }>> {
  return runAction(async () => {
    const result = await fileAfterAction({ ...(await context()), operationId: String(operationId), input });
    revalidatePath("/operations", "layout");
    return result;
  });
}
