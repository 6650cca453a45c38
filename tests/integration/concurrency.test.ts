// No missed conflict under concurrency: 50 overlapping operations filed at the same moment by 50
// agencies, over many connections at once, must yield every one of the 50 × 49 / 2 = 1,225 pairs
// — round after round, in fresh places, so each round starts from nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { createDb, type Db } from "@/lib/db/client";
import { fileOperation } from "@/lib/operations/file-operation";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { actorOf, circle, makeAgency, operationInput, type TestAgency } from "./operations-fixtures";

const FILERS = 50;
const ROUNDS = 3;
/** Every filing also sends its conflict notices inside its transaction, and all 50 overlap: allow for a slow machine. */
const ROUND_TIMEOUT_MS = 180_000;
const now = new Date("2027-03-01T12:00:00Z");
const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

describe("concurrent filing", () => {
  const t = useFreshDb();
  let wide: Db;
  const agencies: TestAgency[] = [];

  beforeAll(async () => {
    useTestSecrets(t().url);
    // Many connections, so the filings really run at the same time inside PostgreSQL.
    wide = createDb(t().url, 24);
    for (let i = 0; i < FILERS; i++) agencies.push(await makeAgency(t().db, { name: `Concurrent Agency ${i + 1}` }));
  });
  afterAll(async () => {
    await wide?.$disconnect();
  });

  for (let round = 1; round <= ROUNDS; round++) {
    it(
      `finds all 1,225 pairs when 50 agencies file at once (round ${round})`,
      async () => {
        // Each round in its own place: a city, across the antimeridian, near the North Pole.
        const places: [number, number][] = [
          [-87.63, 41.88],
          [179.999, 52.0],
          [-150.0, 89.6],
        ];
        const [lon, lat] = places[(round - 1) % places.length];
        const results = await Promise.all(
          agencies.map((agency, i) =>
            fileOperation({
              db: wide,
              actor: actorOf(agency),
              // Small offsets so no two areas are identical; all of them overlap each other.
              input: operationInput({
                area: circle(wrap(lon + ((i % 7) - 3) * 0.0005), lat + (Math.floor(i / 7) - 3) * 0.0003, 400),
                title: `Round ${round} filing ${i + 1}`,
              }),
              now,
            }),
          ),
        );
        const ids = results.map((r) => r.operation.id);
        const rows = await t().db.conflict.findMany({
          where: { opAId: { in: ids }, opBId: { in: ids } },
          select: { opAId: true, opBId: true },
        });
        expect(rows).toHaveLength((FILERS * (FILERS - 1)) / 2);
        expect(rows.every((r) => r.opAId < r.opBId)).toBe(true);
        // Every filing saw exactly the filings that committed before it.
        const seen = results.map((r) => r.conflicts.length).sort((a, b) => a - b);
        expect(seen).toEqual(Array.from({ length: FILERS }, (_, i) => i));
      },
      ROUND_TIMEOUT_MS,
    );
  }

  it("keeps the audit chain intact through all of it", async () => {
    const result = await verifyAuditChain(t().db);
    expect(result).toMatchObject({ ok: true });
    expect(await t().db.auditEvent.count({ where: { action: "operation.file" } })).toBe(FILERS * ROUNDS);
  });
});
