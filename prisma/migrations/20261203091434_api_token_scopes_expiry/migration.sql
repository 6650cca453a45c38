-- API token scopes and expiry (lib/api-tokens/scopes.ts). Tokens made before scopes existed could
-- do everything a token can, so they get every scope: the column's default fills them in.
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "scopes" TEXT[] DEFAULT ARRAY['read', 'file', 'conflicts']::TEXT[];

-- Only the three known scopes, and at least one of them.
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_scopes_known"
  CHECK ("scopes" <@ ARRAY['read', 'file', 'conflicts']::TEXT[] AND cardinality("scopes") >= 1);

-- The per-process token cache (migration api_token_cache_invalidation) must also forget a token
-- whose scopes or expiry change.
DROP TRIGGER "ApiToken_notify_api_tokens" ON "ApiToken";
CREATE TRIGGER "ApiToken_notify_api_tokens"
AFTER UPDATE OF "revokedAt", "tokenHash", "name", "agencyId", "scopes", "expiresAt" OR DELETE ON "ApiToken"
FOR EACH STATEMENT EXECUTE FUNCTION "cg_notify_api_tokens"();
