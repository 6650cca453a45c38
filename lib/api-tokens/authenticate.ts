// Turns an `Authorization: Bearer cg_…` header into an Actor and the token's scopes, and records
// API requests in the audit trail (allowed or refused).
//
// A token acts for its agency with the roles LIAISON and SUPERVISOR, narrowed by its scopes
// (scopes.ts): it may at most file, edit and cancel the agency's operations and acknowledge and
// resolve its conflicts, but never administer the agency (users, tokens, settings) — those stay
// with signed-in agency admins. Expiry is checked on every request, cached token or not.
import { rawRows, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Role } from "../db/generated/enums";
import type { AuditOutcome } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { UnauthorizedError } from "../errors";
import type { Locale } from "../i18n/locales";
import { API_AUDIT } from "./audit-actions";
import { recordRequestAudit } from "./request-audit";
import { scopesOf, type ApiScope } from "./scopes";
import { bearerToken, hashToken, looksLikeToken, tokenPrefix } from "./token";
import type { TokenCache, TokenRecord } from "./token-cache";

export const API_TOKEN_ROLES: Role[] = ["LIAISON", "SUPERVISOR"];

/** `lastUsedAt` is refreshed at most this often, so a busy client doesn't write on every call. */
const LAST_USED_GRANULARITY_MS = 60_000;

export type ApiRequestMeta = { requestId: string; sourceIp: string | null; locale: Locale };

export type ApiAuthentication = { actor: Actor; scopes: ApiScope[] };

export async function authenticateApiRequest(args: {
  db: Db;
  authorization: string | null;
  meta: ApiRequestMeta;
  now: Date;
  /** The process's token cache (see token-cache.ts); without it every request looks the token up. */
  cache?: TokenCache;
  /** Called before a token the cache does not know is looked up; may throw to refuse without the lookup. */
  beforeLookup?: () => void;
}): Promise<ApiAuthentication> {
  const { db, meta, now, cache } = args;
  const token = bearerToken(args.authorization);
  if (!token || !looksLikeToken(token)) throw new UnauthorizedError("api.invalidToken");
  const tokenHash = hashToken(token);
  let row = cache?.get(tokenHash) ?? null;
  if (!row) {
    args.beforeLookup?.();
    row = await lookUpToken(db, tokenHash, cache);
  }
  if (!row || row.revokedAt || !row.active) throw new UnauthorizedError("api.invalidToken");
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) throw new UnauthorizedError("api.tokenExpired");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    row.lastUsedAt = now;
  }
  const actor: Actor = {
    kind: "API_TOKEN",
    id: row.id,
    userId: null,
    name: row.name,
    email: null,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    agencyTimeZone: row.timeZone,
    roles: [...API_TOKEN_ROLES],
    isPlatformAdmin: false,
    locale: meta.locale,
    sessionId: null,
    requestId: meta.requestId,
    sourceIp: meta.sourceIp,
  };
  return { actor, scopes: scopesOf(row.scopes ?? []) };
}

/** The token's Actor, whatever its scopes (callers that check no scope). */
export async function authenticateApiToken(args: Parameters<typeof authenticateApiRequest>[0]): Promise<Actor> {
  return (await authenticateApiRequest(args)).actor;
}

/** The token and its agency, in one round trip; remembered in `cache` when nothing changed meanwhile. */
async function lookUpToken(db: Db, tokenHash: string, cache: TokenCache | undefined): Promise<TokenRecord | null> {
  const generation = cache?.generation() ?? null;
  const [row] = await rawRows<TokenRecord>(
    db,
    Prisma.sql`
      SELECT t."id", t."name", t."revokedAt", t."lastUsedAt", t."expiresAt", t."scopes", a."id" AS "agencyId", a."name" AS "agencyName", a."timeZone", a."active"
      FROM "ApiToken" t JOIN "Agency" a ON a."id" = t."agencyId"
      WHERE t."tokenHash" = ${tokenHash}`,
  );
  if (!row) return null;
  if (cache && generation !== null) cache.remember(tokenHash, row, generation);
  return row;
}

/** One audit event per API request: who (or which refused token prefix), what, and the status. */
export async function recordApiRequest(args: {
  db: Db;
  actor: Actor | null;
  authorization: string | null;
  meta: ApiRequestMeta;
  method: string;
  path: string;
  status: number;
  /** Anything the handler adds about what it did (e.g. a dry run's box), kept beside the request line. */
  details?: Record<string, unknown>;
  now: Date;
}): Promise<void> {
  const { db, actor, meta, now } = args;
  const outcome: AuditOutcome =
    args.status < 400
      ? "SUCCESS"
      : args.status === 401 || args.status === 403 || args.status === 429
        ? "DENIED"
        : "FAILURE";
  const presented = bearerToken(args.authorization);
  const context = actor
    ? auditContext(actor)
    : {
        actorUserId: null,
        actorLabel: presented ? `api-token:${tokenPrefix(presented)}` : "api-anonymous",
        agencyId: null,
        requestId: meta.requestId,
        sourceIp: meta.sourceIp,
      };
  await recordRequestAudit(db, {
    action: API_AUDIT.request,
    targetType: "ApiToken",
    targetId: actor?.id ?? null,
    outcome,
    details: { ...args.details, method: args.method, path: args.path.slice(0, 300), status: args.status },
    at: now,
    ...context,
  });
}
