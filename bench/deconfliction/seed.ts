// Fast seeding for the benchmark: agencies for every metro and county, then N operations in
// multi-row INSERT … SELECT FROM unnest(…) batches, with the candidate index built once at the end.
// Search keys are computed with the application's own functions, so the index holds exactly what
// filing would have stored.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { areaBBox } from "@/lib/deconfliction/bbox";
import { searchKeys } from "@/lib/operations/candidates";
import { newOperationRef } from "@/lib/operations/ref";
import { widenBox } from "@/lib/operations/search-box";
import { OPERATION_TYPES } from "@/lib/validation/operation";
import { PlacePicker, randomArea, randomFlags, randomWindow, rng } from "./generate";
import { METROS, type County } from "./places";

export type BenchAgency = { id: string; name: string; proximityBufferM: number; timeBufferMinutes: number };
export type BenchWorld = { metroAgencies: BenchAgency[][]; countyAgencies: BenchAgency[] };

const BATCH = 5_000;

export async function seedAgencies(client: pg.Client, counties: County[]): Promise<BenchWorld> {
  const rows: { id: string; slug: string; name: string; short: string; level: string; kind: string; buffer: number }[] =
    [];
  const metroAgencies: BenchAgency[][] = METROS.map((m, i) =>
    (
      [
        ["POLICE", "LOCAL", `${m.name} Police Department`],
        ["SHERIFF", "LOCAL", `${m.name} County Sheriff's Office`],
        ["FEDERAL_FIELD_OFFICE", "FEDERAL", `Federal Task Force, ${m.name}`],
      ] as const
    ).map(([kind, level, name], k) => {
      const id = randomUUID();
      rows.push({ id, slug: `bench-metro-${i}-${k}`, name, short: name.slice(0, 40), level, kind, buffer: 500 });
      return { id, name, proximityBufferM: 500, timeBufferMinutes: 60 };
    }),
  );
  const countyAgencies: BenchAgency[] = counties.map((c) => {
    const id = randomUUID();
    const name = `County ${c.fips} Sheriff's Office`;
    rows.push({
      id,
      slug: `bench-county-${c.fips}`,
      name,
      short: `Sheriff ${c.fips}`,
      level: "LOCAL",
      kind: "SHERIFF",
      buffer: 1_000,
    });
    return { id, name, proximityBufferM: 1_000, timeBufferMinutes: 60 };
  });
  await client.query(
    `INSERT INTO "Agency" ("id", "slug", "name", "shortName", "level", "kind", "timeZone", "phone24x7", "proximityBufferM", "timeBufferMinutes", "updatedAt")
     SELECT id, slug, name, short, level::"AgencyLevel", kind, 'America/Chicago', '+1 202 555 0100', buffer, 60, now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) AS t(id, slug, name, short, level, kind, buffer)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.slug),
      rows.map((r) => r.name),
      rows.map((r) => r.short),
      rows.map((r) => r.level),
      rows.map((r) => r.kind),
      rows.map((r) => r.buffer),
    ],
  );
  return { metroAgencies, countyAgencies };
}

export function agencyFor(
  world: BenchWorld,
  place: { metro: number | null; county: number | null },
  pick: number,
): BenchAgency {
  if (place.metro !== null) {
    const list = world.metroAgencies[place.metro];
    return list[Math.floor(pick * list.length)];
  }
  return world.countyAgencies[place.county ?? 0];
}

const COLUMNS = [
  ["id", "uuid"],
  ["ref", "text"],
  ["agencyId", "uuid"],
  ["type", "text"],
  ["status", "text"],
  ["areaKind", "text"],
  ["centerLon", "float8"],
  ["centerLat", "float8"],
  ["radiusM", "float8"],
  ["polygon", "text"],
  ["bboxMinLon", "float8"],
  ["bboxMinLat", "float8"],
  ["bboxMaxLon", "float8"],
  ["bboxMaxLat", "float8"],
  ["startsAt", "timestamptz"],
  ["endsAt", "timestamptz"],
  ["riskFlags", "text"],
  ["personnelCount", "int"],
  ["sMinLon", "float8"],
  ["sMinLat", "float8"],
  ["sMaxLon", "float8"],
  ["sMaxLat", "float8"],
  ["sFrom", "timestamptz"],
  ["sTo", "timestamptz"],
] as const;

const INSERT_SQL = `
  INSERT INTO "Operation" ("id", "ref", "agencyId", "type", "title", "status", "areaKind", "centerLon", "centerLat", "radiusM", "polygon",
    "bboxMinLon", "bboxMinLat", "bboxMaxLon", "bboxMaxLat", "startsAt", "endsAt", "leadAgencyName", "commanderName", "commanderPhone",
    "commsPlan", "personnelCount", "riskFlags", "createdById", "createdAt", "updatedAt", "searchBox", "searchRange")
  SELECT t."id", t."ref", t."agencyId", t."type"::"OperationType", 'Benchmark operation', t."status"::"OperationStatus", t."areaKind"::"AreaKind",
    t."centerLon", t."centerLat", t."radiusM", t."polygon"::jsonb, t."bboxMinLon", t."bboxMinLat", t."bboxMaxLon", t."bboxMaxLat",
    t."startsAt", t."endsAt", 'Benchmark agency', 'Lt. Bench Mark', '+1 202 555 0199', 'Primary talkgroup; interop on national calling channel.',
    t."personnelCount", string_to_array(t."riskFlags", ','), t."agencyId", now(), now(),
    CASE WHEN t."sMinLon" IS NULL THEN NULL ELSE box(point(t."sMinLon", t."sMinLat"), point(t."sMaxLon", t."sMaxLat")) END,
    CASE WHEN t."sFrom" IS NULL THEN NULL ELSE tstzrange(t."sFrom", t."sTo", '[]') END
  FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ")}) AS t(${COLUMNS.map(([name]) => `"${name}"`).join(", ")})`;

/** Indexes dropped during the load and rebuilt after, exactly as the migrations define them. */
const INDEXES = [
  [
    '"Operation_searchRange_searchBox_idx"',
    `CREATE INDEX "Operation_searchRange_searchBox_idx" ON "Operation" USING GIST ("searchRange", "searchBox")`,
  ],
  [
    '"Operation_agencyId_startsAt_idx"',
    `CREATE INDEX "Operation_agencyId_startsAt_idx" ON "Operation"("agencyId", "startsAt")`,
  ],
  ['"Operation_status_idx"', `CREATE INDEX "Operation_status_idx" ON "Operation"("status")`],
] as const;

export async function seedOperations(
  client: pg.Client,
  world: BenchWorld,
  counties: County[],
  n: number,
  now: Date,
  seed: number,
  progress: (done: number) => void,
): Promise<void> {
  const r = rng(seed);
  const picker = new PlacePicker(counties);
  for (const [name] of INDEXES) await client.query(`DROP INDEX IF EXISTS ${name}`);
  for (let done = 0; done < n;) {
    const size = Math.min(BATCH, n - done);
    const cols: unknown[][] = COLUMNS.map(() => []);
    for (let k = 0; k < size; k++) {
      const place = picker.pick(r);
      const agency = agencyFor(world, place, r());
      const area = randomArea(r, place.lon, place.lat);
      const { startsAt, endsAt } = randomWindow(r, now);
      // Worst case for the index: every operation but a few drafts is PLANNED (or ACTIVE now), so it is a candidate.
      const status = r() < 0.03 ? "DRAFT" : startsAt <= now && endsAt > now ? "ACTIVE" : "PLANNED";
      const bbox = areaBBox(area);
      const keys =
        status === "DRAFT"
          ? null
          : searchKeys(bbox, startsAt, endsAt, (b) => widenBox(b, agency.proximityBufferM), agency.timeBufferMinutes);
      const values = [
        randomUUID(),
        newOperationRef(),
        agency.id,
        OPERATION_TYPES[Math.floor(r() * OPERATION_TYPES.length)],
        status,
        area.kind,
        area.kind === "CIRCLE" ? area.center[0] : null,
        area.kind === "CIRCLE" ? area.center[1] : null,
        area.kind === "CIRCLE" ? area.radiusM : null,
        area.kind === "POLYGON" ? JSON.stringify(area.geometry) : null,
        bbox.minLon,
        bbox.minLat,
        bbox.maxLon,
        bbox.maxLat,
        startsAt,
        endsAt,
        randomFlags(r).join(","),
        2 + Math.floor(r() * 40),
        keys?.box.minLon ?? null,
        keys?.box.minLat ?? null,
        keys?.box.maxLon ?? null,
        keys?.box.maxLat ?? null,
        keys?.from ?? null,
        keys?.to ?? null,
      ];
      values.forEach((v, i) => cols[i].push(v));
    }
    await client.query(INSERT_SQL, cols);
    done += size;
    progress(done);
  }
  for (const [, create] of INDEXES) await client.query(create);
  await client.query(`ANALYZE "Operation"`);
}
