-- The audit chain's head in one round trip (lib/audit/record.ts): take the chain's lock, then read
-- the last event's hash and reserve sequence numbers for the events about to be appended. Each
-- statement in a VOLATILE PL/pgSQL function takes a fresh snapshot, so the read sees the event the
-- previous lock holder committed.
CREATE FUNCTION "cg_audit_chain_head"(lock_key bigint, n integer)
RETURNS TABLE ("prevHash" text, "seqs" text[])
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  RETURN QUERY
    SELECT (SELECT e."hash" FROM "AuditEvent" e ORDER BY e."seq" DESC LIMIT 1),
           ARRAY(SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'seq'))::text FROM generate_series(1, n));
END
$$;
