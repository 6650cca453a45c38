// Agency admins manage their agency's webhook endpoints: add (the signing secret is returned
// once), enable, disable, rotate the secret, delete. Everything is scoped to the admin's agency in
// the `where`; another agency's endpoint is NotFound. Every change and every refusal is audited.
import { randomBytes } from "node:crypto";
import type { Db, Tx } from "../db/client";
import { auditedTransaction, recordAudit } from "../audit/record";
import { forgetWebhookSubscribers } from "./subscribers";
import { auditContext, type Actor } from "../auth/actor";
import { env } from "../env";
import { ConflictError, NotFoundError, ValidationError, zodIssues } from "../errors";
import { msg } from "../i18n/issue";
import { auditRefusal, authorizeAgencyAdmin } from "../users/admin-scope";
import { isId } from "../validation/operation";
import { webhookEndpointInputSchema } from "../validation/webhook";
import { WEBHOOK_AUDIT } from "./audit-actions";
import { isWebhookEvent, type WebhookEvent } from "./events";
import { checkWebhookUrl, type Resolver } from "./url-safety";

export const MAX_ENDPOINTS_PER_AGENCY = 5;

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  active: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  consecutiveFailures: number;
  failingSince: Date | null;
  lastSuccessAt: Date | null;
  createdAt: Date;
  secretRotatedAt: Date | null;
};

export const ENDPOINT_VIEW = {
  id: true,
  url: true,
  description: true,
  events: true,
  active: true,
  disabledAt: true,
  disabledReason: true,
  consecutiveFailures: true,
  failingSince: true,
  lastSuccessAt: true,
  createdAt: true,
  secretRotatedAt: true,
} as const;

type Row = Omit<WebhookEndpointView, "events"> & { events: string[] };
export const endpointView = (row: Row): WebhookEndpointView => ({ ...row, events: row.events.filter(isWebhookEvent) });

/** Standard Webhooks secret: "whsec_" and 32 random bytes in base64. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

type Options = { production?: boolean; resolve?: Resolver };

const refusalMessage = {
  invalid: "invalid",
  scheme: "scheme",
  credentials: "credentials",
  private: "private",
  unresolvable: "unresolvable",
} as const;

async function parseInput(raw: unknown, o: Options) {
  const parsed = webhookEndpointInputSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  const production = o.production ?? env().NODE_ENV === "production";
  const refusal = await checkWebhookUrl(parsed.data.url, { production, resolve: o.resolve });
  if (refusal)
    throw new ValidationError([{ path: "url", message: msg(`webhooks.errors.url.${refusalMessage[refusal]}`) }]);
  return parsed.data;
}

function denial(db: Db, actor: Actor, action: string, now: Date, targetId?: string) {
  return { db, actor, action, targetType: "WebhookEndpoint", targetId: targetId?.slice(0, 64) ?? null, now };
}

export async function createWebhookEndpoint(
  args: { db: Db; actor: Actor; input: unknown; now: Date } & Options,
): Promise<{ secret: string; endpoint: WebhookEndpointView }> {
  const { db, actor, now } = args;
  await auditRefusal(denial(db, actor, WEBHOOK_AUDIT.create, now), async () => authorizeAgencyAdmin(actor));
  const input = await parseInput(args.input, args);
  const secret = newWebhookSecret();
  const endpoint = await auditedTransaction(db, async (tx) => {
    // One admin's fifth endpoint cannot race another's: the agency row is the lock.
    await tx.$executeRaw`SELECT 1 FROM "Agency" WHERE id = ${actor.agencyId}::uuid FOR UPDATE`;
    const count = await tx.webhookEndpoint.count({ where: { agencyId: actor.agencyId } });
    if (count >= MAX_ENDPOINTS_PER_AGENCY)
      throw new ConflictError("webhooks.errors.tooMany", { max: MAX_ENDPOINTS_PER_AGENCY });
    const row = await tx.webhookEndpoint.create({
      data: {
        agencyId: actor.agencyId,
        url: input.url,
        description: input.description,
        events: input.events,
        secret,
        createdById: actor.userId ?? actor.id,
        createdAt: now,
        updatedAt: now,
      },
      select: ENDPOINT_VIEW,
    });
    await audit(tx, actor, WEBHOOK_AUDIT.create, row.id, now, { url: row.url, events: input.events });
    return endpointView(row);
  });
  // Other processes forget when the trigger's notification arrives; this one, now.
  forgetWebhookSubscribers();
  return { secret, endpoint };
}

async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  targetId: string,
  now: Date,
  details: Record<string, unknown>,
) {
  await recordAudit(tx, { action, targetType: "WebhookEndpoint", targetId, details, at: now, ...auditContext(actor) });
}

/** Runs `change` on the actor's agency's endpoint, admins only, refusals audited. */
async function onOwnEndpoint<T>(
  args: { db: Db; actor: Actor; endpointId: string; now: Date },
  action: string,
  change: (tx: Tx, row: Row) => Promise<T>,
): Promise<T> {
  const { db, actor, endpointId, now } = args;
  return auditRefusal(denial(db, actor, action, now, endpointId), async () => {
    authorizeAgencyAdmin(actor);
    if (!isId(endpointId)) throw new NotFoundError();
    return auditedTransaction(db, async (tx) => {
      const [locked] = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "WebhookEndpoint" WHERE id = ${endpointId}::uuid AND "agencyId" = ${actor.agencyId}::uuid FOR UPDATE`;
      if (!locked) throw new NotFoundError();
      const row = await tx.webhookEndpoint.findFirstOrThrow({
        where: { id: endpointId, agencyId: actor.agencyId },
        select: ENDPOINT_VIEW,
      });
      return change(tx, row);
    });
  });
}

export async function setWebhookEndpointActive(args: {
  db: Db;
  actor: Actor;
  endpointId: string;
  active: boolean;
  now: Date;
}): Promise<WebhookEndpointView> {
  const { actor, now, active } = args;
  const action = active ? WEBHOOK_AUDIT.enable : WEBHOOK_AUDIT.disable;
  const view = await onOwnEndpoint(args, action, async (tx, row) => {
    if (row.active === active) return endpointView(row);
    const data = active
      ? {
          active: true,
          disabledAt: null,
          disabledReason: null,
          consecutiveFailures: 0,
          failingSince: null,
          updatedAt: now,
        }
      : { active: false, disabledAt: now, disabledReason: "MANUAL", updatedAt: now };
    const updated = await tx.webhookEndpoint.update({
      where: { id: row.id, agencyId: actor.agencyId },
      data,
      select: ENDPOINT_VIEW,
    });
    await audit(tx, actor, action, row.id, now, { url: row.url, previousReason: row.disabledReason });
    return endpointView(updated);
  });
  forgetWebhookSubscribers();
  return view;
}

export async function rotateWebhookSecret(args: {
  db: Db;
  actor: Actor;
  endpointId: string;
  now: Date;
}): Promise<{ secret: string; endpoint: WebhookEndpointView }> {
  const { actor, now } = args;
  const secret = newWebhookSecret();
  return onOwnEndpoint(args, WEBHOOK_AUDIT.rotateSecret, async (tx, row) => {
    const updated = await tx.webhookEndpoint.update({
      where: { id: row.id, agencyId: actor.agencyId },
      data: { secret, secretRotatedAt: now, updatedAt: now },
      select: ENDPOINT_VIEW,
    });
    await audit(tx, actor, WEBHOOK_AUDIT.rotateSecret, row.id, now, { url: row.url });
    return { secret, endpoint: endpointView(updated) };
  });
}

export async function deleteWebhookEndpoint(args: {
  db: Db;
  actor: Actor;
  endpointId: string;
  now: Date;
}): Promise<void> {
  const { actor, now } = args;
  await onOwnEndpoint(args, WEBHOOK_AUDIT.delete, async (tx, row) => {
    await tx.webhookEndpoint.delete({ where: { id: row.id, agencyId: actor.agencyId } });
    await audit(tx, actor, WEBHOOK_AUDIT.delete, row.id, now, { url: row.url, events: row.events });
  });
}

export async function listWebhookEndpoints(args: { db: Db; actor: Actor }): Promise<WebhookEndpointView[]> {
  const { db, actor } = args;
  authorizeAgencyAdmin(actor);
  const rows = await db.webhookEndpoint.findMany({
    where: { agencyId: actor.agencyId },
    orderBy: { createdAt: "asc" },
    select: ENDPOINT_VIEW,
  });
  return rows.map(endpointView);
}

export async function getWebhookEndpoint(args: {
  db: Db;
  actor: Actor;
  endpointId: string;
}): Promise<WebhookEndpointView> {
  const { db, actor, endpointId } = args;
  authorizeAgencyAdmin(actor);
  if (!isId(endpointId)) throw new NotFoundError();
  const row = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, agencyId: actor.agencyId },
    select: ENDPOINT_VIEW,
  });
  if (!row) throw new NotFoundError();
  return endpointView(row);
}
