-- CreateTable
CREATE TABLE "AuditPending" (
    "id" BIGSERIAL NOT NULL,
    "bodyHead" TEXT NOT NULL,
    "bodyMid" TEXT NOT NULL,
    "bodyTail" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorUserId" UUID,
    "actorLabel" TEXT,
    "agencyId" UUID,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "outcome" "AuditOutcome" NOT NULL,
    "requestId" TEXT,
    "sourceIp" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditPending_pkey" PRIMARY KEY ("id")
);

-- Sealing at commit (lib/audit/record.ts). A transaction writes its audit events here; this
-- deferred trigger, run by PostgreSQL as part of COMMIT, takes the chain's lock, reads the head
-- with a snapshot taken after the lock was granted, and links each event in: its sequence number,
-- the previous hash, and the SHA-256 of `bodyHead || prevHash || bodyMid || seq || bodyTail` (the
-- event's canonical JSON as the application renders it, lib/audit/hash.ts). The chain's lock is
-- therefore held from the commit's start to its end only, never while the application works
-- between statements. Deferred triggers fire in the order their rows were written.
CREATE FUNCTION "cg_audit_seal_pending"() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  prev text;
  next_seq bigint;
  next_hash text;
BEGIN
  -- A snapshot older than the lock would read a stale head and fork the chain.
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit events can only be recorded in READ COMMITTED transactions';
  END IF;
  PERFORM pg_advisory_xact_lock(7274001);
  SELECT e."hash" INTO prev FROM "AuditEvent" e ORDER BY e."seq" DESC LIMIT 1;
  prev := coalesce(prev, repeat('0', 64));
  next_seq := nextval(pg_get_serial_sequence('"AuditEvent"', 'seq'));
  next_hash := encode(sha256(convert_to(NEW."bodyHead" || prev || NEW."bodyMid" || next_seq::text || NEW."bodyTail", 'UTF8')), 'hex');
  INSERT INTO "AuditEvent" ("seq", "at", "actorUserId", "actorLabel", "agencyId", "action", "targetType", "targetId", "outcome", "requestId", "sourceIp", "details", "prevHash", "hash")
  VALUES (next_seq, NEW."at", NEW."actorUserId", NEW."actorLabel", NEW."agencyId", NEW."action", NEW."targetType", NEW."targetId", NEW."outcome", NEW."requestId", NEW."sourceIp", NEW."details", prev, next_hash);
  DELETE FROM "AuditPending" WHERE "id" = NEW."id";
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "AuditPending_seal"
AFTER INSERT ON "AuditPending"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "cg_audit_seal_pending"();
