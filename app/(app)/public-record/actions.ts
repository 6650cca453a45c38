"use server";
// Drafting and publishing the public record. Each action checks the actor; the domain functions
// scope every read and write to the actor's own agency. Publishing refreshes the public pages'
// cache at once, so the public site shows a publication as soon as the chief makes it.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { publishVersion, saveDraft } from "@/lib/public-record/manage";
import { draftSchema, publishSchema } from "@/lib/validation/public-record";

async function context() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return { actor, now: await currentTime(db()) };
}

export async function saveDraftAction(input: unknown): Promise<ActionResult<{ documentId: string }>> {
  return runAction(async () => {
    const parsed = draftSchema.parse(input);
    const saved = await saveDraft({ db: db(), ...(await context()), input: parsed });
    revalidatePath("/public-record", "layout");
    return { documentId: saved.documentId };
  });
}

export async function publishAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const { versionId } = publishSchema.parse(input);
    await publishVersion({ db: db(), ...(await context()), versionId });
    revalidatePath("/public-record", "layout");
    revalidatePath("/transparency", "layout");
    return undefined;
  });
}
