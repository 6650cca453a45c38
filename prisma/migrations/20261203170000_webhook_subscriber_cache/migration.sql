-- Webhook subscriber cache (lib/webhooks/subscribers.ts): every app process remembers which
-- agencies have an active endpoint for which events, so a change for agencies without any skips
-- the lookup. It forgets all of it when `cg_webhook_endpoints` is notified: on an endpoint added,
-- removed, switched on or off, given other events or moved. Delivered on commit, and only then.
CREATE FUNCTION "cg_notify_webhook_endpoints"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM pg_notify('cg_webhook_endpoints', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER "WebhookEndpoint_notify_subscribers"
AFTER INSERT OR UPDATE OF "active", "events", "agencyId" OR DELETE OR TRUNCATE ON "WebhookEndpoint"
FOR EACH STATEMENT EXECUTE FUNCTION "cg_notify_webhook_endpoints"();
