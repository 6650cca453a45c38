"use server";
// Notice actions: acknowledge, reply, decide or request assistance, and the filing form's
// recipient preview. Each checks the actor itself; the domain functions scope every read and
// write to the notice's two agencies.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { acknowledgeNotice } from "@/lib/notices/acknowledge-notice";
import { decideAssistance, requestAssistanceFromNotice } from "@/lib/notices/assistance";
import { previewRecipients, type RecipientPreview } from "@/lib/notices/preview-recipients";
import { replyToNotice } from "@/lib/notices/reply-to-notice";

async function context() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return { db: db(), actor, now: await currentTime(db()) };
}

const idOf = (input: unknown) => String((input as { id?: unknown } | null)?.id ?? "");
/** The input without its id: the rest is validated by the domain function's schema. */
const fieldsOf = (input: unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(input && typeof input === "object" ? input : {}).filter(([k]) => k !== "id"));

function refresh() {
  revalidatePath("/inbox");
  revalidatePath("/sent");
  revalidatePath("/notices", "layout");
}

export async function acknowledgeNoticeAction(input: { id: string }): Promise<ActionResult> {
  return runAction(async () => {
    await acknowledgeNotice({ ...(await context()), noticeId: idOf(input) });
    refresh();
    return undefined;
  });
}

export async function replyToNoticeAction(input: { id: string; kind: string; body: string }): Promise<ActionResult> {
  return runAction(async () => {
    await replyToNotice({ ...(await context()), noticeId: idOf(input), input: fieldsOf(input) });
    refresh();
    return undefined;
  });
}

export async function decideAssistanceAction(input: {
  id: string;
  decision: string;
  reason: string;
}): Promise<ActionResult> {
  return runAction(async () => {
    await decideAssistance({ ...(await context()), noticeId: idOf(input), input: fieldsOf(input) });
    refresh();
    return undefined;
  });
}

export async function requestAssistanceAction(input: {
  id: string;
  kinds: string[];
  note: string;
}): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const sent = await requestAssistanceFromNotice({
      ...(await context()),
      noticeId: idOf(input),
      input: fieldsOf(input),
    });
    refresh();
    return { id: sent.id };
  });
}

/** The filing form's "these agencies will be notified": nothing is stored. */
export async function previewRecipientsAction(input: unknown): Promise<ActionResult<RecipientPreview>> {
  return runAction(async () => previewRecipients({ ...(await context()), input }));
}
