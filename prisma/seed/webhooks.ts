// Demo webhooks: Cook County Sheriff's CAD receives notices and conflicts (a healthy endpoint with
// a short delivery log), and an old RMS endpoint that was disabled after failing for a day.
import { randomUUID } from "node:crypto";
import type { Tx } from "../../lib/db/client";
import { recordAudit } from "../../lib/audit/record";
import { webhookPayload, type WebhookEvent } from "../../lib/webhooks/events";
import { newMessageId } from "../../lib/webhooks/emit";
import { newWebhookSecret } from "../../lib/webhooks/manage-endpoints";

const HOUR = 3_600_000;

export async function seedWebhooks(tx: Tx, agencyIds: Map<string, string>, now: Date, label: string): Promise<void> {
  const agencyId = agencyIds.get("cook-sheriff");
  if (!agencyId) return;
  const admin = await tx.user.findFirstOrThrow({
    where: { agencyId, roles: { has: "AGENCY_ADMIN" } },
    select: { id: true },
  });
  const endpoints = [
    {
      url: "https://cad.cook-sheriff.example/hooks/common-ground",
      description: "CAD dispatch integration",
      events: ["notice.received", "notice.replied", "conflict.found", "conflict.resolved"] as WebhookEvent[],
      failing: false,
    },
    {
      url: "https://rms-legacy.cook-sheriff.example/inbound",
      description: "Records system (retired server)",
      events: ["request.received", "request.decided"] as WebhookEvent[],
      failing: true,
    },
  ];
  for (const e of endpoints) {
    const createdAt = new Date(now.getTime() - 30 * 24 * HOUR);
    const row = await tx.webhookEndpoint.create({
      data: {
        agencyId,
        url: e.url,
        description: e.description,
        events: e.events,
        secret: newWebhookSecret(),
        createdById: admin.id,
        createdAt,
        updatedAt: createdAt,
        ...(e.failing
          ? {
              active: false,
              disabledAt: new Date(now.getTime() - 2 * HOUR),
              disabledReason: "FAILING",
              failingSince: new Date(now.getTime() - 26 * HOUR),
              consecutiveFailures: 3,
            }
          : { lastSuccessAt: new Date(now.getTime() - 3 * HOUR) }),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "seed.webhook.create",
      targetType: "WebhookEndpoint",
      targetId: row.id,
      agencyId,
      actorLabel: label,
      details: { url: e.url, events: e.events },
      at: now,
    });
    for (let i = 0; i < 3; i++) {
      const at = new Date(now.getTime() - (e.failing ? 26 - i * 10 : 3 + i * 20) * HOUR);
      const event = e.events[i % e.events.length];
      const id = newMessageId();
      // Identifiers only, as real payloads are; these name no real object.
      const payload = JSON.stringify(webhookPayload({ event, subjectId: randomUUID(), agencyId, now: at }));
      await tx.webhookDelivery.create({
        data: e.failing
          ? {
              id,
              endpointId: row.id,
              agencyId,
              eventType: event,
              payload,
              createdAt: at,
              status: "FAILED",
              attempts: 12,
              lastAttemptAt: new Date(at.getTime() + 4 * HOUR),
              lastError: "connect ECONNREFUSED (rms-legacy.cook-sheriff.example)",
            }
          : {
              id,
              endpointId: row.id,
              agencyId,
              eventType: event,
              payload,
              createdAt: at,
              status: "DELIVERED",
              attempts: i === 1 ? 2 : 1,
              lastAttemptAt: at,
              deliveredAt: at,
              lastResponseStatus: 204,
            },
      });
    }
  }
}
