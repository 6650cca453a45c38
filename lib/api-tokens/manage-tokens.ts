// Agency admins create and revoke their agency's API tokens. The token itself is returned once,
// at creation; only its hash and a display prefix are stored.
import type { Db } from "../db/client";
import { auditedTransaction, recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { NotFoundError } from "../errors";
import { auditRefusal, authorizeAgencyAdmin } from "../users/admin-scope";
import { apiTokenInputSchema } from "../validation/api-token";
import { isId } from "../validation/operation";
import { API_AUDIT } from "./audit-actions";
import { generateToken } from "./token";
import { forgetCachedTokens } from "./token-cache";

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const VIEW = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export async function createApiToken(args: { db: Db; actor: Actor; input: unknown; now: Date }): Promise<{ token: string; apiToken: ApiTokenView }> {
  const { db, actor, now } = args;
  await auditRefusal({ db, actor, action: API_AUDIT.tokenCreate, targetType: "ApiToken", now }, async () => authorizeAgencyAdmin(actor));
  const input = apiTokenInputSchema.parse(args.input);
  const { token, prefix, hash } = generateToken();
  const apiToken = await auditedTransaction(db, async (tx) => {
    const row = await tx.apiToken.create({
      data: { agencyId: actor.agencyId, name: input.name, prefix, tokenHash: hash, createdById: actor.userId ?? actor.id, createdAt: now },
      select: VIEW,
    });
    await recordAudit(tx, {
      action: API_AUDIT.tokenCreate,
      targetType: "ApiToken",
      targetId: row.id,
      details: { name: row.name, prefix },
      at: now,
      ...auditContext(actor),
    });
    return row;
  });
  return { token, apiToken };
}

export async function revokeApiToken(args: { db: Db; actor: Actor; tokenId: string; now: Date }): Promise<ApiTokenView> {
  const { db, actor, tokenId, now } = args;
  return auditRefusal({ db, actor, action: API_AUDIT.tokenRevoke, targetType: "ApiToken", targetId: tokenId.slice(0, 64), now }, async () => {
    authorizeAgencyAdmin(actor);
    if (!isId(tokenId)) throw new NotFoundError();
    return revoke(db, actor, tokenId, now);
  });
}

async function revoke(db: Db, actor: Actor, tokenId: string, now: Date): Promise<ApiTokenView> {
  const view = await auditedTransaction(db, async (tx) => {
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
        details: { name: row.name, prefix: row.prefix },
        at: now,
        ...auditContext(actor),
      });
    }
    return row;
  });
  // Other processes forget when the trigger's notification reaches them; this one, now.
  forgetCachedTokens();
  return view;
}

export async function listApiTokens(args: { db: Db; actor: Actor }): Promise<ApiTokenView[]> {
  const { db, actor } = args;
  authorizeAgencyAdmin(actor);
  return db.apiToken.findMany({
    where: { agencyId: actor.agencyId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: VIEW,
  });
}
