// An endpoint's delivery log, and redelivering one: the same message (same `webhook-id` and
// payload) queued again, so a receiver that already processed it can tell.
import type { Db } from "../db/client";
import { auditedTransaction, recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { ConflictError, NotFoundError } from "../errors";
import { enqueue } from "../jobs/queue";
import { auditRefusal, authorizeAgencyAdmin } from "../users/admin-scope";
import { isId } from "../validation/operation";
import { WEBHOOK_AUDIT } from "./audit-actions";
import { deliveryJobKey, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_QUEUE } from "./emit";

export const DELIVERY_PAGE_SIZE = 50;
const MESSAGE_ID = /^msg_[0-9a-f]{32}$/;

export type WebhookDeliveryView = {
  id: string;
  eventType: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  redeliveries: number;
  lastResponseStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
};

const VIEW = {
  id: true,
  eventType: true,
  status: true,
  attempts: true,
  redeliveries: true,
  lastResponseStatus: true,
  lastError: true,
  createdAt: true,
  lastAttemptAt: true,
  deliveredAt: true,
} as const;

/** The latest deliveries of one of the actor's agency's endpoints, newest first. */
export async function listWebhookDeliveries(args: {
  db: Db;
  actor: Actor;
  endpointId: string;
  page?: number;
}): Promise<{ items: WebhookDeliveryView[]; page: number; pages: number }> {
  const { db, actor, endpointId } = args;
  authorizeAgencyAdmin(actor);
  if (!isId(endpointId)) throw new NotFoundError();
  // Another agency's endpoint is not found, rather than shown empty.
  if (
    !(await db.webhookEndpoint.findFirst({ where: { id: endpointId, agencyId: actor.agencyId }, select: { id: true } }))
  )
    throw new NotFoundError();
  const where = { endpointId, agencyId: actor.agencyId };
  const total = await db.webhookDelivery.count({ where });
  const pages = Math.max(1, Math.ceil(total / DELIVERY_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(args.page ?? 1)), pages);
  const items = await db.webhookDelivery.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * DELIVERY_PAGE_SIZE,
    take: DELIVERY_PAGE_SIZE,
    select: VIEW,
  });
  return { items, page, pages };
}

export async function redeliverWebhook(args: {
  db: Db;
  actor: Actor;
  deliveryId: string;
  now: Date;
}): Promise<WebhookDeliveryView> {
  const { db, actor, deliveryId, now } = args;
  const denial = {
    db,
    actor,
    action: WEBHOOK_AUDIT.redeliver,
    targetType: "WebhookDelivery",
    targetId: deliveryId.slice(0, 64),
    now,
  };
  return auditRefusal(denial, async () => {
    authorizeAgencyAdmin(actor);
    if (!MESSAGE_ID.test(deliveryId)) throw new NotFoundError();
    return auditedTransaction(db, async (tx) => {
      const [locked] = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "WebhookDelivery" WHERE id = ${deliveryId} AND "agencyId" = ${actor.agencyId}::uuid FOR UPDATE`;
      if (!locked) throw new NotFoundError();
      const delivery = await tx.webhookDelivery.findFirstOrThrow({
        where: { id: deliveryId, agencyId: actor.agencyId },
        include: { endpoint: { select: { active: true, agencyId: true } } },
      });
      if (delivery.endpoint.agencyId !== actor.agencyId) throw new NotFoundError();
      if (!delivery.endpoint.active) throw new ConflictError("webhooks.errors.endpointDisabled");
      if (delivery.status === "PENDING") throw new ConflictError("webhooks.errors.alreadyPending");
      const redeliveries = delivery.redeliveries + 1;
      const updated = await tx.webhookDelivery.update({
        where: { id: delivery.id },
        data: { status: "PENDING", redeliveries, deliveredAt: null },
        select: VIEW,
      });
      await enqueue(tx, {
        queue: WEBHOOK_QUEUE,
        payload: { deliveryId: delivery.id },
        now,
        dedupeKey: deliveryJobKey(delivery.id, redeliveries),
        maxAttempts: WEBHOOK_MAX_ATTEMPTS,
      });
      await recordAudit(tx, {
        action: WEBHOOK_AUDIT.redeliver,
        targetType: "WebhookDelivery",
        targetId: delivery.id,
        details: { endpointId: delivery.endpointId, eventType: delivery.eventType, previousStatus: delivery.status },
        at: now,
        ...auditContext(actor),
      });
      return updated;
    });
  });
}
