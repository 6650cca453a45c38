// Agency admins create and revoke their agency's API tokens. The token itself is returned once,
// at creation; only its hash and a display prefix are stored. Each token has its scopes and an
// optional expiry, chosen at creation; the list names who created each one and flags tokens whose
// creator's account has since been deactivated (they keep working until an admin revokes them:
// a CAD link should not stop because the person who set it up left).
import type { Db, Tx } from "../db/client";
import { auditedTransaction, recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { NotFoundError, ValidationError } from "../errors";
import { zonedWallTimeToUtc } from "../i18n/format";
import { auditRefusal, authorizeAgencyAdmin } from "../users/admin-scope";
import { apiTokenInputSchema } from "../validation/api-token";
import { isId } from "../validation/operation";
import { API_AUDIT } from "./audit-actions";
import { scopesOf, type ApiScope } from "./scopes";
import { generateToken } from "./token";
import { forgetCachedTokens } from "./token-cache";

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  scopes: ApiScope[];
};

/** A listed token, with who created it and whether that account is still active. */
export type ApiTokenListing = ApiTokenView & { createdBy: { name: string; active: boolean } | null };

const VIEW = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  expiresAt: true,
  scopes: true,
} as const;

type Row = Omit<ApiTokenView, "scopes"> & { scopes: string[] };
const view = (row: Row): ApiTokenView => ({ ...row, scopes: scopesOf(row.scopes) });

/** The end of the chosen day in the agency's time zone; it must still be ahead. */
function expiryOf(expiresOn: string | undefined, timeZone: string, now: Date): Date | null {
  if (!expiresOn) return null;
  const next = new Date(Date.parse(`${expiresOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const at = zonedWallTimeToUtc(`${next}T00:00`, timeZone);
  if (!at || at.getTime() <= now.getTime())
    throw new ValidationError([{ path: "expiresOn", message: "api.tokens.expiryPast" }]);
  return at;
}

export async function createApiToken(args: {
  db: Db;
  actor: Actor;
  input: unknown;
  now: Date;
}): Promise<{ token: string; apiToken: ApiTokenView }> {
  const { db, actor, now } = args;
  await auditRefusal({ db, actor, action: API_AUDIT.tokenCreate, targetType: "ApiToken", now }, async () =>
    authorizeAgencyAdmin(actor),
  );
  const input = apiTokenInputSchema.parse(args.input);
  const expiresAt = expiryOf(input.expiresOn, actor.agencyTimeZone, now);
  const { token, prefix, hash } = generateToken();
  const apiToken = await auditedTransaction(db, async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        agencyId: actor.agencyId,
        name: input.name,
        prefix,
        tokenHash: hash,
        createdById: actor.userId ?? actor.id,
        createdAt: now,
        scopes: input.scopes,
        expiresAt,
      },
      select: VIEW,
    });
    await recordAudit(tx, {
      action: API_AUDIT.tokenCreate,
      targetType: "ApiToken",
      targetId: row.id,
      details: { name: row.name, prefix, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null },
      at: now,
      ...auditContext(actor),
    });
    return view(row);
  });
  return { token, apiToken };
}

export async function revokeApiToken(args: {
  db: Db;
  actor: Actor;
  tokenId: string;
  now: Date;
}): Promise<ApiTokenView> {
  const { db, actor, tokenId, now } = args;
  return auditRefusal(
    { db, actor, action: API_AUDIT.tokenRevoke, targetType: "ApiToken", targetId: tokenId.slice(0, 64), now },
    async () => {
      authorizeAgencyAdmin(actor);
      if (!isId(tokenId)) throw new NotFoundError();
      return revoke(db, actor, tokenId, now);
    },
  );
}

async function revoke(db: Db, actor: Actor, tokenId: string, now: Date): Promise<ApiTokenView> {
  const result: ApiTokenView = await auditedTransaction(db, async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, agencyId: actor.agencyId, revokedAt: null },
      data: { revokedAt: now },
    });
    const row = await tx.apiToken.findFirst({ where: { id: tokenId, agencyId: actor.agencyId }, select: VIEW });
    if (!row) throw new NotFoundError();
    if (count === 1) {
      await recordAudit(tx, {
        action: API_AUDIT.tokenRevoke,
        targetType: "ApiToken",
        targetId: row.id,
        details: {
          name: row.name,
          prefix: row.prefix,
          scopes: scopesOf(row.scopes),
          expiresAt: row.expiresAt?.toISOString() ?? null,
        },
        at: now,
        ...auditContext(actor),
      });
    }
    return view(row);
  });
  // Other processes forget when the trigger's notification reaches them; this one, now.
  forgetCachedTokens();
  return result;
}

export async function listApiTokens(args: { db: Db; actor: Actor }): Promise<ApiTokenListing[]> {
  const { db, actor } = args;
  authorizeAgencyAdmin(actor);
  const rows = await db.apiToken.findMany({
    where: { agencyId: actor.agencyId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { ...VIEW, createdById: true },
  });
  const creators = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } },
    select: { id: true, name: true, active: true },
  });
  const byId = new Map(creators.map((u) => [u.id, u]));
  return rows.map(({ createdById, ...row }) => {
    const creator = byId.get(createdById);
    return { ...view(row), createdBy: creator ? { name: creator.name, active: creator.active } : null };
  });
}

/**
 * Revokes every live token of an agency, in the caller's transaction (the agency is being
 * deactivated); one audit event per token. The caller forgets cached tokens after the commit.
 */
export async function revokeAgencyTokens(tx: Tx, args: { actor: Actor; agencyId: string; now: Date }): Promise<number> {
  const { actor, agencyId, now } = args;
  const live = await tx.apiToken.findMany({
    where: { agencyId, revokedAt: null },
    select: { id: true, name: true, prefix: true, scopes: true, expiresAt: true },
  });
  if (live.length === 0) return 0;
  await tx.apiToken.updateMany({
    where: { agencyId, id: { in: live.map((t) => t.id) }, revokedAt: null },
    data: { revokedAt: now },
  });
  for (const t of live) {
    await recordAudit(tx, {
      action: API_AUDIT.tokenRevoke,
      targetType: "ApiToken",
      targetId: t.id,
      details: {
        name: t.name,
        prefix: t.prefix,
        scopes: scopesOf(t.scopes),
        expiresAt: t.expiresAt?.toISOString() ?? null,
        reason: "agencyDeactivated",
      },
      at: now,
      ...auditContext(actor),
      agencyId,
    });
  }
  return live.length;
}
