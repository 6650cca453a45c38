-- The candidate search in one round trip: take the writer's cell locks (lib/operations/cell-locks.ts),
-- then find PLANNED and ACTIVE operations whose stored search keys meet the given window and boxes.
-- Each statement in a VOLATILE PL/pgSQL function takes a fresh snapshot, so the search sees every
-- operation committed by whoever held those locks before. With no locks it is the dry run's search.
-- Called only from lib/operations/candidates.ts.
CREATE FUNCTION "cg_lock_cells_and_find_candidates"(
  lock_ns integer[],
  lock_keys integer[],
  lock_exclusive boolean[],
  from_at timestamptz,
  to_at timestamptz,
  box0 box,
  box1 box,
  box2 box,
  exclude_id uuid
)
RETURNS TABLE (
  "id" uuid,
  "agencyId" uuid,
  "areaKind" text,
  "centerLon" double precision,
  "centerLat" double precision,
  "radiusM" double precision,
  "polygon" jsonb,
  "startsAt" timestamptz,
  "endsAt" timestamptz,
  "riskFlags" text[],
  "proximityBufferM" integer,
  "timeBufferMinutes" integer,
  "agencyName" text,
  "agencyPhone24x7" text
)
LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
BEGIN
  FOR i IN 1 .. coalesce(array_length(lock_ns, 1), 0) LOOP
    IF lock_exclusive[i] THEN
      PERFORM pg_advisory_xact_lock(lock_ns[i], lock_keys[i]);
    ELSE
      PERFORM pg_advisory_xact_lock_shared(lock_ns[i], lock_keys[i]);
    END IF;
  END LOOP;
  RETURN QUERY
    SELECT o."id", o."agencyId", o."areaKind"::text, o."centerLon", o."centerLat", o."radiusM", o."polygon",
           o."startsAt", o."endsAt", o."riskFlags", a."proximityBufferM", a."timeBufferMinutes", a."name", a."phone24x7"
    FROM "Operation" o
    JOIN "Agency" a ON a."id" = o."agencyId"
    WHERE o."searchRange" && tstzrange(from_at, to_at, '[]')
      AND (o."searchBox" && box0 OR o."searchBox" && box1 OR o."searchBox" && box2)
      AND o."status" IN ('PLANNED', 'ACTIVE')
      AND (exclude_id IS NULL OR o."id" <> exclude_id);
END
$$;
