// The events an agency's systems can subscribe to, and the thin payload each carries: what
// happened and where to fetch it. Details come from the API, whose token enforces need-to-know.
export const WEBHOOK_EVENTS = [
  "notice.received",
  "notice.acknowledged",
  "notice.replied",
  "conflict.found",
  "conflict.acknowledged",
  "conflict.resolved",
  "request.received",
  "request.decided",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

const RESOURCES = { notice: "/api/v1/notices/", conflict: "/api/v1/conflicts/", request: "/api/v1/requests/" } as const;
type ObjectKind = keyof typeof RESOURCES;

export type WebhookPayload = {
  type: WebhookEvent;
  timestamp: string;
  data: { id: string; object: ObjectKind; agencyId: string; links: { self: string } };
};

/** Only identifiers: never another agency's operation details. */
export function webhookPayload(o: {
  event: WebhookEvent;
  subjectId: string;
  agencyId: string;
  now: Date;
}): WebhookPayload {
  const object = o.event.split(".")[0] as ObjectKind;
  return {
    type: o.event,
    timestamp: o.now.toISOString(),
    data: { id: o.subjectId, object, agencyId: o.agencyId, links: { self: `${RESOURCES[object]}${o.subjectId}` } },
  };
}
