// Publishes a live event through PostgreSQL NOTIFY. Called inside the transaction that makes
// the change, PostgreSQL delivers it only on commit, to every app instance's listener.
// The payload is deliberately tiny and carries no content: browsers re-read what they may see.
import type { Tx } from "../db/client";
import type { WebhookEvent } from "../webhooks/events";
import { emitWebhookEvent } from "../webhooks/emit";

export const LIVE_CHANNEL = "cg_live";

export const LIVE_EVENT_TYPES = [
  "notice",
  "reply",
  "acknowledgment",
  "conflict",
  "escalation",
  "operation",
  "mail",
  "request",
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

export type LiveEvent = { type: LiveEventType; agencyIds: string[]; id: string };

export function isLiveEvent(value: unknown): value is LiveEvent {
  const v = value as LiveEvent | null;
  return (
    !!v &&
    typeof v.id === "string" &&
    (LIVE_EVENT_TYPES as readonly string[]).includes(v.type) &&
    Array.isArray(v.agencyIds) &&
    v.agencyIds.every((a) => typeof a === "string")
  );
}

/**
 * The webhook event a change also raises for the agencies' own systems. `agencyIds` defaults to
 * the live event's: only agencies that may see the object are ever told of it.
 */
export type LiveWebhook = { event: WebhookEvent; now: Date; agencyIds?: string[] };

/** The NOTIFY payload of a live event on LIVE_CHANNEL. */
export function liveEventPayload(event: LiveEvent): string {
  return JSON.stringify({ type: event.type, agencyIds: [...new Set(event.agencyIds)], id: event.id });
}

export async function publishLiveEvent(tx: Tx, event: LiveEvent, webhook?: LiveWebhook): Promise<void> {
  const payload = liveEventPayload(event);
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${payload})`;
  if (webhook)
    await emitWebhookEvent(tx, {
      event: webhook.event,
      subjectId: event.id,
      agencyIds: webhook.agencyIds ?? event.agencyIds,
      now: webhook.now,
    });
}
