-- API token cache invalidation (lib/api-tokens/token-cache.ts): every app process remembers which
-- agency a token acts for, and forgets all of it when `cg_api_tokens` is notified. These triggers
-- notify whenever something an API request's identity depends on changes: a token revoked,
-- deleted, re-hashed, renamed or moved; an agency deactivated, renamed or given another time zone.
-- NOTIFY is delivered when the transaction commits, and only then.
CREATE FUNCTION "cg_notify_api_tokens"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM pg_notify('cg_api_tokens', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER "ApiToken_notify_api_tokens"
AFTER UPDATE OF "revokedAt", "tokenHash", "name", "agencyId" OR DELETE ON "ApiToken"
FOR EACH STATEMENT EXECUTE FUNCTION "cg_notify_api_tokens"();

CREATE TRIGGER "Agency_notify_api_tokens"
AFTER UPDATE OF "active", "name", "timeZone" OR DELETE ON "Agency"
FOR EACH STATEMENT EXECUTE FUNCTION "cg_notify_api_tokens"();
