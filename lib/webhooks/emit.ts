// Turns a change into webhook deliveries inside the change's own transaction: one delivery row
// and one job per subscribed, active endpoint of each agency the event is for. Rolled back with
// the change; delivered (and retried) by the `webhook.deliver` queue after commit.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client";
import { enqueue } from "../jobs/queue";
import { webhookPayload, type WebhookEvent } from "./events";
import { possibleSubscribers, processSubscriberCache, type SubscriberCache } from "./subscribers";

export const WEBHOOK_QUEUE = "webhook.deliver";
/** About four hours of retries with the queue's backoff (15 s doubling, capped at an hour). */
export const WEBHOOK_MAX_ATTEMPTS = 12;

export type WebhookEmit = { event: WebhookEvent; subjectId: string; agencyIds: string[]; now: Date };

/** A Standard Webhooks message id: the `webhook-id` header, kept across retries. */
export const newMessageId = () => `msg_${randomUUID().replaceAll("-", "")}`;

export const deliveryJobKey = (deliveryId: string, redelivery: number) => `webhook:${deliveryId}:${redelivery}`;

export async function emitWebhookEvent(
  tx: Tx,
  o: WebhookEmit,
  cache: SubscriberCache | null = processSubscriberCache(),
): Promise<number> {
  const agencyIds = await possibleSubscribers(tx, cache, [...new Set(o.agencyIds)], o.event);
  if (agencyIds.length === 0) return 0;
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { agencyId: { in: agencyIds }, active: true, events: { has: o.event } },
    select: { id: true, agencyId: true },
  });
  for (const endpoint of endpoints) {
    const id = newMessageId();
    // Each agency's payload names that agency only: it says nothing about who else was told.
    const payload = JSON.stringify(
      webhookPayload({ event: o.event, subjectId: o.subjectId, agencyId: endpoint.agencyId, now: o.now }),
    );
    await tx.webhookDelivery.create({
      data: { id, endpointId: endpoint.id, agencyId: endpoint.agencyId, eventType: o.event, payload, createdAt: o.now },
    });
    await enqueue(tx, {
      queue: WEBHOOK_QUEUE,
      payload: { deliveryId: id },
      now: o.now,
      dedupeKey: deliveryJobKey(id, 0),
      maxAttempts: WEBHOOK_MAX_ATTEMPTS,
    });
  }
  return endpoints.length;
}
