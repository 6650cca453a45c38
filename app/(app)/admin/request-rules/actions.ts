"use server";
// The agency's request rules: adopt a preset, add, edit, retire and restore. Each action checks the
// actor itself; the domain functions allow only the agency's own admins and scope every write.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { adoptPreset, createRule, setRuleActive, updateRule } from "@/lib/requests/manage-rules";

async function context() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return { db: db(), actor, now: await currentTime(db()) };
}

function refresh() {
  revalidatePath("/admin/request-rules", "layout");
  revalidatePath("/requests", "layout");
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

export async function adoptPresetAction(presetKey: unknown): Promise<ActionResult<{ added: number }>> {
  return runAction(async () => {
    const { ids } = await adoptPreset({ ...(await context()), presetKey: text(presetKey) });
    refresh();
    return { added: ids.length };
  });
}

export async function createRuleAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const created = await createRule({ ...(await context()), input });
    refresh();
    return created;
  });
}

export async function updateRuleAction(ruleId: unknown, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { id } = await updateRule({ ...(await context()), ruleId: text(ruleId), input });
    refresh();
    return { id };
  });
}

export async function setRuleActiveAction(ruleId: unknown, active: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await setRuleActive({ ...(await context()), ruleId: text(ruleId), input: { active } });
    refresh();
    return undefined;
  });
}
