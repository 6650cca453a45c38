-- Public record cache invalidation (lib/public-record/public-cache.ts): every app process keeps the
-- public site's pages and reads in memory and forgets them when `cg_public_record` is notified.
-- These triggers notify on every change the public site shows: a version published, unpublished,
-- edited after publication or removed; a document renamed or moved; a report published or
-- withdrawn; an agency renamed, deactivated or re-drawn; a signed audit head added or removed.
-- Drafts never notify (nothing public changed). NOTIFY is delivered when the transaction commits,
-- and only then; identical notifications of one transaction are delivered once.
CREATE FUNCTION "cg_notify_public_record"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM pg_notify('cg_public_record', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER "PublicDocumentVersion_notify_public_record_ins"
AFTER INSERT ON "PublicDocumentVersion"
FOR EACH ROW WHEN (NEW."publishedAt" IS NOT NULL) EXECUTE FUNCTION "cg_notify_public_record"();

CREATE TRIGGER "PublicDocumentVersion_notify_public_record_upd"
AFTER UPDATE ON "PublicDocumentVersion"
FOR EACH ROW WHEN (OLD."publishedAt" IS NOT NULL OR NEW."publishedAt" IS NOT NULL)
EXECUTE FUNCTION "cg_notify_public_record"();

CREATE TRIGGER "PublicDocumentVersion_notify_public_record_del"
AFTER DELETE ON "PublicDocumentVersion"
FOR EACH ROW WHEN (OLD."publishedAt" IS NOT NULL) EXECUTE FUNCTION "cg_notify_public_record"();

CREATE TRIGGER "PublicDocument_notify_public_record"
AFTER UPDATE OF "slug", "agencyId", "kind" OR DELETE ON "PublicDocument"
FOR EACH STATEMENT EXECUTE FUNCTION "cg_notify_public_record"();

CREATE TRIGGER "RequestReport_notify_public_record_ins"
AFTER INSERT ON "RequestReport"
FOR EACH ROW WHEN (NEW."publishedAt" IS NOT NULL) EXECUTE FUNCTION "cg_notify_public_record"();

CREATE TRIGGER "RequestReport_notify_public_record_upd"
AFTER UPDATE ON "RequestReport"
FOR EACH ROW WHEN (OLD."publishedAt" IS NOT NULL OR NEW."publishedAt" IS NOT NULL)
EXECUTE FUNCTION "cg_notify_public_record"();

CREATE TRIGGER "RequestReport_notify_public_record_del"
AFTER DELETE ON "RequestReport"
FOR EACH ROW WHEN (OLD."publishedAt" IS NOT NULL) EXECUTE FUNCTION "cg_notify_public_record"();

CREATE TRIGGER "Agency_notify_public_record"
AFTER UPDATE OF "active", "slug", "name", "shortName", "boundary", "timeZone" OR DELETE ON "Agency"
FOR EACH STATEMENT EXECUTE FUNCTION "cg_notify_public_record"();

CREATE TRIGGER "AuditAnchor_notify_public_record"
AFTER INSERT OR UPDATE OR DELETE ON "AuditAnchor"
FOR EACH STATEMENT EXECUTE FUNCTION "cg_notify_public_record"();
