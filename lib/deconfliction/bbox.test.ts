import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { areaBBox, bboxesOverlap, expandBBox, type BBox } from "./bbox";
import { geodesicDestination, geodesicInteriorPoints } from "./geodesic";
import { circle, multiPolygon, polygon, ring, square } from "./test-fixtures";
import type { LonLat } from "./types";

/** Whether a point lies in a box, under the convention that longitudes may run past 180. */
function inBox(box: BBox, [lon, lat]: LonLat): boolean {
  if (lat < box.minLat || lat > box.maxLat) return false;
  return [lon - 360, lon, lon + 360].some((l) => l >= box.minLon && l <= box.maxLon);
}

function wellFormed(box: BBox) {
  expect(box.minLon).toBeGreaterThanOrEqual(-180);
  expect(box.minLon).toBeLessThan(180);
  expect(box.maxLon).toBeGreaterThanOrEqual(box.minLon);
  expect(box.maxLon).toBeLessThanOrEqual(box.minLon + 360);
  expect(box.minLat).toBeLessThanOrEqual(box.maxLat);
  expect(box.minLat).toBeGreaterThanOrEqual(-90);
  expect(box.maxLat).toBeLessThanOrEqual(90);
}

const place = fc.record({
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
  lat: fc.double({ min: -89.9, max: 89.9, noNaN: true }),
});

describe("areaBBox", () => {
  it("holds every point of a circle's edge", () => {
    fc.assert(
      fc.property(place, fc.integer({ min: 1, max: 50_000 }), ({ lon, lat }, r) => {
        const box = areaBBox(circle([lon, lat], r));
        wellFormed(box);
        for (let az = 0; az < 360; az += 5) expect(inBox(box, geodesicDestination(lon, lat, az, r))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("holds every point along a polygon's geodesic edges, and is no wider than it needs to be", () => {
    fc.assert(
      fc.property(
        place,
        fc.integer({ min: 10, max: 100_000 }),
        fc.integer({ min: 3, max: 9 }),
        ({ lon, lat }, r, n) => {
          const outer = ring([lon, lat], r, n);
          const box = areaBBox(polygon(outer));
          wellFormed(box);
          for (let i = 0; i + 1 < outer.length; i++) {
            for (const p of [
              outer[i],
              ...geodesicInteriorPoints(outer[i][0], outer[i][1], outer[i + 1][0], outer[i + 1][1], r / 20),
            ]) {
              expect(inBox(box, p)).toBe(true);
            }
          }
          const polar = Math.abs(lat) + (r / 111_000) * 1.1 >= 90;
          if (!polar) expect(box.maxLon - box.minLon).toBeLessThan(180);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("holds the whole edge of a polygon passing just beside a pole", () => {
    // Found by the property above: 7 vertices 11.65 km around a point 11.7 km from the south pole;
    // the edge across lon 0 bottoms out 40 m from the pole, lower than the sagitta estimate said.
    const outer = ring([0, -89.89501529365943], 11_652, 7);
    const box = areaBBox(polygon(outer));
    for (let i = 0; i + 1 < outer.length; i++) {
      for (const p of [
        outer[i],
        ...geodesicInteriorPoints(outer[i][0], outer[i][1], outer[i + 1][0], outer[i + 1][1], 11_652 / 20),
      ])
        expect(inBox(box, p)).toBe(true);
    }
  });

  it("runs past 180 for areas crossing the antimeridian", () => {
    const c = areaBBox(circle([179.99, 51.5], 5000));
    expect(c.minLon).toBeGreaterThan(179.9);
    expect(c.maxLon).toBeGreaterThan(180);
    expect(c.maxLon).toBeLessThan(180.1);
    const p = areaBBox(polygon(square([180, 51.5], 5000)));
    expect(p.minLon).toBeCloseTo(179.93, 2);
    expect(p.maxLon).toBeCloseTo(180.07, 2);
    const split = areaBBox(
      multiPolygon(
        [
          [
            [179.5, 51],
            [180, 51],
            [180, 52],
            [179.5, 52],
            [179.5, 51],
          ],
        ],
        [
          [
            [-180, 51],
            [-179.5, 51],
            [-179.5, 52],
            [-180, 52],
            [-180, 51],
          ],
        ],
      ),
    );
    expect(split.minLon).toBeCloseTo(179.5, 4);
    expect(split.maxLon).toBeCloseTo(180.5, 4);
  });

  it("spans every longitude and reaches the pole for areas around or near a pole", () => {
    const nearPole = areaBBox(circle([0, 89.9], 20_000));
    expect(nearPole).toMatchObject({ minLon: -180, maxLon: 180, maxLat: 90 });
    const aroundPole = areaBBox(polygon([...[-180, -90, 0, 90].map((lon): LonLat => [lon, -85]), [-180, -85]]));
    expect(aroundPole).toMatchObject({ minLon: -180, maxLon: 180, minLat: -90 });
    expect(aroundPole.maxLat).toBeGreaterThan(-85.01);
    expect(aroundPole.maxLat).toBeLessThan(-84.99);
  });
});

describe("expandBBox", () => {
  it("holds every point within the distance of the box", () => {
    fc.assert(
      fc.property(
        place,
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        ({ lon, lat }, r, m, az) => {
          const box = areaBBox(circle([lon, lat], r));
          const grown = expandBBox(box, m);
          wellFormed(grown);
          const edge = geodesicDestination(lon, lat, az, r);
          expect(inBox(grown, geodesicDestination(edge[0], edge[1], az, m))).toBe(true);
          expect(inBox(grown, geodesicDestination(edge[0], edge[1], az + 90, m))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("becomes all longitudes when it reaches a pole", () => {
    expect(expandBBox({ minLon: 10, maxLon: 11, minLat: 89.99, maxLat: 89.995 }, 2000)).toMatchObject({
      minLon: -180,
      maxLon: 180,
      maxLat: 90,
    });
    expect(expandBBox({ minLon: 10, maxLon: 11, minLat: 60, maxLat: 61 }, 2000).maxLon).toBeLessThan(11.1);
  });
});

describe("bboxesOverlap", () => {
  it("sees boxes meeting across the antimeridian", () => {
    const west = { minLon: 179.5, maxLon: 180.2, minLat: 51, maxLat: 52 };
    expect(bboxesOverlap(west, { minLon: -179.9, maxLon: -179.5, minLat: 51.5, maxLat: 53 })).toBe(true);
    expect(bboxesOverlap(west, { minLon: -179.7, maxLon: -179.5, minLat: 51.5, maxLat: 53 })).toBe(false);
    expect(bboxesOverlap(west, { minLon: -180, maxLon: 180, minLat: 0, maxLat: 50 })).toBe(false);
    expect(bboxesOverlap(west, { minLon: -180, maxLon: 180, minLat: 0, maxLat: 51 })).toBe(true);
  });
});
