// Invariants over random operations near one place (Seattle, across the antimeridian, or by the
// North Pole): circles and polygons (convex and star-shaped, some with holes) of 10 m to 3 km,
// within a few kilometres of each other.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPair } from "./engine";
import { prepareArea } from "./prepared-area";
import { relateAreas } from "./spatial";
import { circle, offset, op, polygon, ring } from "./test-fixtures";
import type { Area, Conflict, EngineOperation, LonLat } from "./types";

const PLACES: LonLat[] = [
  [-122.33, 47.61],
  [179.99, 51.8],
  [45, 89.9],
];

const areaArb = (BASE: LonLat): fc.Arbitrary<Area> =>
  fc.oneof(
    fc
      .record({
        east: fc.integer({ min: -3000, max: 3000 }),
        north: fc.integer({ min: -3000, max: 3000 }),
        r: fc.integer({ min: 10, max: 2000 }),
      })
      .map(({ east, north, r }) => circle(offset(BASE, east, north), r)),
    fc
      .record({
        east: fc.integer({ min: -3000, max: 3000 }),
        north: fc.integer({ min: -3000, max: 3000 }),
        r: fc.integer({ min: 20, max: 3000 }),
        n: fc.integer({ min: 3, max: 24 }),
        star: fc.boolean(),
        hole: fc.boolean(),
        phase: fc.integer({ min: 0, max: 359 }),
      })
      .map(({ east, north, r, n, star, hole, phase }) => {
        const centre = offset(BASE, east, north);
        const outer = ring(centre, r, star ? 2 * n : n, star ? r / 2 : undefined, phase);
        return hole ? polygon(outer, ring(centre, r / 5, 5, undefined, phase)) : polygon(outer);
      }),
  );

const opArb = (id: string, base: LonLat): fc.Arbitrary<EngineOperation> =>
  fc
    .record({
      area: areaArb(base),
      start: fc.integer({ min: 0, max: 600 }),
      length: fc.integer({ min: 1, max: 240 }),
      flagged: fc.boolean(),
      agency: fc.constantFrom("x", "y", "z"),
    })
    .map(({ area, start, length, flagged, agency }) =>
      op(id, area as never, {
        start,
        end: start + length,
        agencyId: agency,
        riskFlags: flagged ? ["FIREARMS_EXPECTED"] : [],
      }),
    );

const SWAP = { NONE: "NONE", A_CONTAINS_B: "B_CONTAINS_A", B_CONTAINS_A: "A_CONTAINS_B" } as const;
/** Two operations near the same place. */
const pairArb = fc.constantFrom(...PLACES).chain((base) => fc.tuple(opArb("op-1", base), opArb("op-2", base)));
const areaPairArb = fc.constantFrom(...PLACES).chain((base) => fc.tuple(areaArb(base), areaArb(base)));

const swap = (c: Conflict): Conflict => ({
  ...c,
  aId: c.bId,
  bId: c.aId,
  agencyAId: c.agencyBId,
  agencyBId: c.agencyAId,
  containment: SWAP[c.containment],
});

const bufferArb = fc.record({
  agencyBuffers: fc.record({
    x: fc.record({ proximityBufferM: fc.integer({ min: 0, max: 3000 }) }),
    y: fc.record({ timeBufferMinutes: fc.integer({ min: 0, max: 180 }) }),
  }),
  proximityBufferM: fc.integer({ min: 0, max: 3000 }),
  timeBufferMinutes: fc.integer({ min: 0, max: 180 }),
});

describe("engine invariants", () => {
  it("is symmetric: check(a, b) is check(b, a) with A and B swapped", () => {
    fc.assert(
      fc.property(pairArb, bufferArb, ([a, b], options) => {
        const ab = checkPair(a, b, options);
        const ba = checkPair(b, a, options);
        expect(ab === null).toBe(ba === null);
        if (ab && ba) expect(ab).toEqual(swap(ba));
      }),
      { numRuns: 300 },
    );
  });

  it("measures the same both ways even before the pair is put in canonical order", () => {
    fc.assert(
      fc.property(areaPairArb, ([a, b]) => {
        const ab = relateAreas(prepareArea(a), prepareArea(b), 3000);
        const ba = relateAreas(prepareArea(b), prepareArea(a), 3000);
        expect(ab === null).toBe(ba === null);
        if (!ab || !ba) return;
        expect(ab.areasIntersect).toBe(ba.areasIntersect);
        expect(Math.abs(ab.minDistanceM - ba.minDistanceM)).toBeLessThan(1e-3);
        if (ab.containment !== "NONE" || ba.containment !== "NONE") expect(ab.containment).toBe(SWAP[ba.containment]);
      }),
      { numRuns: 300 },
    );
  });

  it("never loses a conflict, or changes its facts, when a buffer grows", () => {
    fc.assert(
      fc.property(
        pairArb,
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        ([a, b], space, moreSpace, time, moreTime) => {
          const small = checkPair(a, b, { proximityBufferM: space, timeBufferMinutes: time });
          const large = checkPair(a, b, { proximityBufferM: space + moreSpace, timeBufferMinutes: time + moreTime });
          if (!small) return;
          expect(large).not.toBeNull();
          const { minDistanceM, areasIntersect, containment, overlapMinutes, overlapStart, overlapEnd } = small;
          expect(large).toMatchObject({
            minDistanceM,
            areasIntersect,
            containment,
            overlapMinutes,
            overlapStart,
            overlapEnd,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("conflicts exactly when the distance and the gap in time are within the buffers", () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const wide = checkPair(a, b, { proximityBufferM: 100_000, timeBufferMinutes: 100_000 });
        expect(wide).not.toBeNull();
        const expected = wide!.minDistanceM <= 500 && wide!.overlapMinutes >= -120;
        expect(checkPair(a, b) !== null).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
