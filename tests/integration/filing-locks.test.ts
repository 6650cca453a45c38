// One very large filing does not stop the rest of the country's filings: while a filing of an area
// the size of a region holds its write locks, a small filing on another continent goes through,
// and only a small filing inside the large area waits for it (and then sees it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { areaBBox } from "@/lib/deconfliction/bbox";
import { acquireCellLocks, lockPlanFor } from "@/lib/operations/cell-locks";
import { subjectKeys } from "@/lib/operations/check";
import { fileOperation } from "@/lib/operations/file-operation";
import { areaSchema } from "@/lib/validation/area";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { actorOf, circle, hours, makeAgency, operationInput, type TestAgency } from "./operations-fixtures";

const now = new Date("2027-03-01T12:00:00Z");

/** A 16-sided polygon of radius ~850 km around the middle of the United States. */
function regionPolygon() {
  const [lon0, lat0] = [-95, 39];
  const ring: [number, number][] = [];
  for (let i = 0; i < 16; i++) {
    const a = (i / 16) * 2 * Math.PI;
    ring.push([
      lon0 + (850 / (111.32 * Math.cos((lat0 * Math.PI) / 180))) * Math.cos(a),
      lat0 + (850 / 110.57) * Math.sin(a),
    ]);
  }
  ring.push(ring[0]);
  return { kind: "POLYGON", geometry: { type: "Polygon", coordinates: [ring] } };
}

type Settled<T> = { done: boolean; promise: Promise<T> };
function track<T>(promise: Promise<T>): Settled<T> {
  const s: Settled<T> = { done: false, promise };
  void promise.then(
    () => (s.done = true),
    () => (s.done = true),
  );
  return s;
}

describe("filing a very large area", () => {
  const t = useFreshDb();
  let pool: Db;
  let region: TestAgency;
  let far: TestAgency;
  let near: TestAgency;

  beforeAll(async () => {
    useTestSecrets(t().url);
    pool = createDb(t().url, 8);
    region = await makeAgency(t().db, { name: "Regional Task Force" });
    far = await makeAgency(t().db, { name: "Paris Liaison Office", timeZone: "Europe/Paris" });
    near = await makeAgency(t().db, { name: "Kansas City PD" });
  });
  afterAll(async () => {
    await pool?.$disconnect();
  });

  it("is filed, and while such a filing holds its locks, only filings inside its area wait", async () => {
    const area = regionPolygon();
    // The region itself files (large areas must still file), and its lock plan is a wide one.
    const filed = await fileOperation({
      db: pool,
      actor: actorOf(region),
      input: operationInput({ area, title: "Regional sweep" }),
      now,
    });
    expect(filed.operation.id).toBeTruthy();
    const subject = { area: areaSchema.parse(area), startsAt: hours(0), endsAt: hours(4) };
    const plan = lockPlanFor(subjectKeys(subject, { proximityBufferM: 500, timeBufferMinutes: 60 }).keys.box);
    expect(plan.wide.size).toBeGreaterThan(0);
    expect(plan.coarse.size + plan.fine.size).toBe(0);
    expect(areaBBox(subject.area).maxLon - areaBBox(subject.area).minLon).toBeGreaterThan(16);

    // A second filing of the same region, caught holding its locks: its transaction stays open
    // until `release` is called.
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = pool.$transaction(
      async (tx) => {
        await acquireCellLocks(tx, plan);
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    await isLocked;

    try {
      // Elsewhere in the world: goes through at once.
      const paris = await fileOperation({
        db: pool,
        actor: actorOf(far),
        input: operationInput({ area: circle(2.35, 48.85, 300), title: "Paris liaison" }),
        now,
      });
      expect(paris.conflicts).toHaveLength(0);

      // Inside the region: waits on one of the held locks...
      const kansas = track(
        fileOperation({
          db: pool,
          actor: actorOf(near),
          input: operationInput({ area: circle(-94.58, 39.1, 300), title: "Kansas City warrant" }),
          now,
        }),
      );
      await expect.poll(() => waitingOnAdvisoryLocks(t().db), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(kansas.done).toBe(false);
      // ...and goes through once the region's filing is done, seeing the region's operation.
      release();
      await holder;
      const result = await kansas.promise;
      expect(result.conflicts.flatMap((c) => [c.opAId, c.opBId])).toContain(filed.operation.id);
    } finally {
      release();
      await holder.catch(() => undefined);
    }
  }, 120_000);
});

/** Backends of this database waiting for an advisory lock someone else holds. */
async function waitingOnAdvisoryLocks(db: Db): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
    WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`;
  return rows[0].n;
}
