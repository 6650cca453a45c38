-- Appending to the audit chain in one round trip (lib/audit/record.ts): take the chain's lock,
-- read the last event's hash with a snapshot taken after the lock was granted, then for each event
-- reserve its sequence number, hash it and insert it. The hash is SHA-256 over the event's
-- canonical JSON (lib/audit/hash.ts), which the application renders with the two values only known
-- here left out: `body_head || prevHash || body_mid || seq || body_tail` is exactly the text the
-- application (and `npm run audit:verify`) hashes.
CREATE FUNCTION "cg_audit_append"(
  lock_key bigint,
  body_head text[], body_mid text[], body_tail text[],
  ats timestamptz[], actor_user_ids uuid[], actor_labels text[], agency_ids uuid[], actions text[],
  target_types text[], target_ids text[], outcomes "AuditOutcome"[], request_ids text[],
  source_ips text[], details jsonb[]
)
RETURNS TABLE ("seq" bigint, "hash" text)
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  prev text;
  next_seq bigint;
  next_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  SELECT e."hash" INTO prev FROM "AuditEvent" e ORDER BY e."seq" DESC LIMIT 1;
  prev := coalesce(prev, repeat('0', 64));
  FOR i IN 1 .. coalesce(array_length(actions, 1), 0) LOOP
    next_seq := nextval(pg_get_serial_sequence('"AuditEvent"', 'seq'));
    next_hash := encode(sha256(convert_to(body_head[i] || prev || body_mid[i] || next_seq::text || body_tail[i], 'UTF8')), 'hex');
    INSERT INTO "AuditEvent" ("seq", "at", "actorUserId", "actorLabel", "agencyId", "action", "targetType", "targetId", "outcome", "requestId", "sourceIp", "details", "prevHash", "hash")
    VALUES (next_seq, ats[i], actor_user_ids[i], actor_labels[i], agency_ids[i], actions[i], target_types[i], target_ids[i], outcomes[i], request_ids[i], source_ips[i], details[i], prev, next_hash);
    "seq" := next_seq;
    "hash" := next_hash;
    RETURN NEXT;
    prev := next_hash;
  END LOOP;
END
$$;

-- Replaced by cg_audit_append (the head, then a separate insert: one more round trip).
DROP FUNCTION "cg_audit_chain_head"(bigint, integer);
