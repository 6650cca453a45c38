// The `webhook.deliver` queue: signs a delivery per the Standard Webhooks specification and POSTs
// it. Every retry and redelivery carries the same `webhook-id`, so a receiver that remembers ids
// processes each event once. After sustained failure the endpoint is disabled (audited) and the
// agency's admins are emailed; an admin re-enables it when the receiver is fixed.
import { Webhook } from "standardwebhooks";
import type { Tx } from "../db/client";
import { auditedTransaction, recordAudit } from "../audit/record";
import { env } from "../env";
import { isLocale, type Locale } from "../i18n/locales";
import type { JobHandler } from "../jobs/runner";
import { log } from "../log";
import { queueMail } from "../mail/queue-mail";
import { WEBHOOK_AUDIT } from "./audit-actions";
import { pinnedSender, type WebhookSender } from "./sender";
import { checkWebhookUrl, type Resolver } from "./url-safety";

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Deliveries that exhausted their retries, in a row, before the endpoint is disabled. */
export const DISABLE_AFTER_FAILED_DELIVERIES = 10;
/** Or failing, without a single success, for this long. */
export const DISABLE_AFTER_FAILING_MS = 24 * 3_600_000;
const ERROR_CHARS = 300;

export class WebhookAttemptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookAttemptError";
  }
}

type Attempt = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function attempt(o: {
  url: string;
  secret: string;
  id: string;
  payload: string;
  now: Date;
  send: WebhookSender;
  production: boolean;
  resolve?: Resolver;
}): Promise<Attempt> {
  const refusal = await checkWebhookUrl(o.url, { production: o.production, resolve: o.resolve });
  if (refusal) return { ok: false, status: null, error: `Refused destination (${refusal})` };
  const signature = new Webhook(o.secret).sign(o.id, o.now, o.payload);
  const headers = {
    "content-type": "application/json",
    "user-agent": "CommonGround-Webhooks/1",
    "webhook-id": o.id,
    "webhook-timestamp": String(Math.floor(o.now.getTime() / 1000)),
    "webhook-signature": signature,
  };
  try {
    const res = await o.send({ url: o.url, headers, body: o.payload, timeoutMs: WEBHOOK_TIMEOUT_MS });
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    const excerpt = res.excerpt.replace(/\s+/g, " ").trim();
    return {
      ok: false,
      status: res.status,
      error: `HTTP ${res.status}${excerpt ? `: ${excerpt}` : ""}`.slice(0, ERROR_CHARS),
    };
  } catch (e) {
    const cause =
      e instanceof Error
        ? e.name === "TimeoutError"
          ? "Timed out"
          : `${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ""}`
        : String(e);
    return { ok: false, status: null, error: cause.slice(0, ERROR_CHARS) };
  }
}

export function webhookJobHandler(
  o: { send?: WebhookSender; production?: boolean; resolve?: Resolver } = {},
): JobHandler {
  return async ({ db, job, now, isFinalAttempt }) => {
    const { deliveryId } = job.payload as { deliveryId: string };
    const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true } });
    // Deleted with its endpoint, or already delivered by an earlier run of this job.
    if (!delivery || delivery.status === "DELIVERED") return;
    const endpoint = delivery.endpoint;
    if (!endpoint.active) {
      await db.webhookDelivery.updateMany({
        where: { id: delivery.id, status: "PENDING" },
        data: { status: "FAILED", lastError: "Endpoint disabled" },
      });
      return;
    }
    const production = o.production ?? env().NODE_ENV === "production";
    const send = o.send ?? pinnedSender({ production, resolve: o.resolve });
    const result = await attempt({
      url: endpoint.url,
      secret: endpoint.secret,
      id: delivery.id,
      payload: delivery.payload,
      now,
      send,
      production,
      resolve: o.resolve,
    });
    const disabled = await auditedTransaction(db, (tx) =>
      record(tx, { deliveryId: delivery.id, endpointId: endpoint.id, result, now, isFinalAttempt }),
    );
    if (!result.ok && !disabled) {
      log.warn(
        { module: "webhooks", deliveryId: delivery.id, endpointId: endpoint.id, status: result.status },
        "webhook delivery failed",
      );
      throw new WebhookAttemptError(result.error);
    }
  };
}

/** Records one attempt; returns true when this failure disabled the endpoint. */
async function record(
  tx: Tx,
  o: { deliveryId: string; endpointId: string; result: Attempt; now: Date; isFinalAttempt: boolean },
): Promise<boolean> {
  const { result, now } = o;
  if (result.ok) {
    await tx.webhookDelivery.update({
      where: { id: o.deliveryId },
      data: {
        status: "DELIVERED",
        attempts: { increment: 1 },
        lastAttemptAt: now,
        deliveredAt: now,
        lastResponseStatus: result.status,
        lastError: null,
      },
    });
    await tx.webhookEndpoint.update({
      where: { id: o.endpointId },
      data: { consecutiveFailures: 0, failingSince: null, lastSuccessAt: now },
    });
    return false;
  }
  const endpoint = await tx.webhookEndpoint.update({
    where: { id: o.endpointId },
    data: { consecutiveFailures: { increment: o.isFinalAttempt ? 1 : 0 } },
  });
  const failingSince = endpoint.failingSince ?? now;
  if (!endpoint.failingSince)
    await tx.webhookEndpoint.update({ where: { id: o.endpointId }, data: { failingSince: now } });
  const exhausted =
    endpoint.consecutiveFailures >= DISABLE_AFTER_FAILED_DELIVERIES ||
    now.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS;
  const disable = exhausted && endpoint.active;
  await tx.webhookDelivery.update({
    where: { id: o.deliveryId },
    data: {
      status: o.isFinalAttempt || disable ? "FAILED" : "PENDING",
      attempts: { increment: 1 },
      lastAttemptAt: now,
      lastResponseStatus: result.status,
      lastError: result.error,
    },
  });
  if (disable) await disableFailing(tx, { endpointId: o.endpointId, now });
  return disable;
}

async function disableFailing(tx: Tx, o: { endpointId: string; now: Date }): Promise<void> {
  const { count } = await tx.webhookEndpoint.updateMany({
    where: { id: o.endpointId, active: true },
    data: { active: false, disabledAt: o.now, disabledReason: "FAILING", updatedAt: o.now },
  });
  if (count !== 1) return;
  const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({
    where: { id: o.endpointId },
    select: { id: true, url: true, agencyId: true, consecutiveFailures: true, failingSince: true },
  });
  // Its other queued deliveries stop here too; each can be redelivered once it is enabled again.
  await tx.webhookDelivery.updateMany({
    where: { endpointId: endpoint.id, status: "PENDING" },
    data: { status: "FAILED", lastError: "Endpoint disabled" },
  });
  await recordAudit(tx, {
    action: WEBHOOK_AUDIT.autoDisable,
    targetType: "WebhookEndpoint",
    targetId: endpoint.id,
    agencyId: endpoint.agencyId,
    actorLabel: "system:webhooks",
    details: {
      url: endpoint.url,
      failedDeliveries: endpoint.consecutiveFailures,
      failingSince: endpoint.failingSince?.toISOString() ?? null,
    },
    at: o.now,
  });
  await emailAdmins(tx, { endpoint, now: o.now });
}

async function emailAdmins(
  tx: Tx,
  o: { endpoint: { id: string; url: string; agencyId: string }; now: Date },
): Promise<void> {
  const agency = await tx.agency.findUniqueOrThrow({
    where: { id: o.endpoint.agencyId },
    select: { languages: true, timeZone: true },
  });
  const admins = await tx.user.findMany({
    where: { agencyId: o.endpoint.agencyId, active: true, roles: { has: "AGENCY_ADMIN" } },
    orderBy: { name: "asc" },
  });
  const agencyLocales = agency.languages.filter(isLocale) as Locale[];
  const base = env().PUBLIC_BASE_URL ?? env().NEXTAUTH_URL ?? "http://localhost:3000";
  for (const admin of admins) {
    await queueMail(tx, {
      to: { address: admin.email, name: admin.name, userId: admin.id, agencyId: o.endpoint.agencyId },
      template: "webhookDisabled",
      params: { url: o.endpoint.url, since: o.now, link: new URL(`/admin/webhooks/${o.endpoint.id}`, base).toString() },
      locales: isLocale(admin.locale) ? [admin.locale, ...agencyLocales] : agencyLocales,
      timeZone: agency.timeZone,
      about: { type: "WebhookEndpoint", id: o.endpoint.id },
      now: o.now,
    });
  }
}
