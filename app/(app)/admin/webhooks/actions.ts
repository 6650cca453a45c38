"use server";
// Managing the agency's webhook endpoints and redelivering. Each action checks the actor itself;
// the domain functions allow only the agency's own admins and scope every write to that agency.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { redeliverWebhook } from "@/lib/webhooks/deliveries";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  setWebhookEndpointActive,
} from "@/lib/webhooks/manage-endpoints";

async function context() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return { db: db(), actor, now: await currentTime(db()) };
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

/** Returns the signing secret: the only time anyone sees it. */
export async function createWebhookEndpointAction(
  input: unknown,
): Promise<ActionResult<{ secret: string; url: string }>> {
  return runAction(async () => {
    const { secret, endpoint } = await createWebhookEndpoint({ ...(await context()), input });
    revalidatePath("/admin/webhooks");
    return { secret, url: endpoint.url };
  });
}

export async function setWebhookEndpointActiveAction(endpointId: unknown, active: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await setWebhookEndpointActive({ ...(await context()), endpointId: text(endpointId), active: active === true });
    revalidatePath("/admin/webhooks");
    return undefined;
  });
}

export async function rotateWebhookSecretAction(
  endpointId: unknown,
): Promise<ActionResult<{ secret: string; url: string }>> {
  return runAction(async () => {
    const { secret, endpoint } = await rotateWebhookSecret({ ...(await context()), endpointId: text(endpointId) });
    revalidatePath("/admin/webhooks");
    return { secret, url: endpoint.url };
  });
}

export async function deleteWebhookEndpointAction(endpointId: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await deleteWebhookEndpoint({ ...(await context()), endpointId: text(endpointId) });
    revalidatePath("/admin/webhooks");
    return undefined;
  });
}

export async function redeliverWebhookAction(deliveryId: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await redeliverWebhook({ ...(await context()), deliveryId: text(deliveryId) });
    revalidatePath("/admin/webhooks");
    return undefined;
  });
}
