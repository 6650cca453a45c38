// The engine's distances against GeographicLib's geodesics on the WGS84 ellipsoid, over random
// shapes from 10 m to 50 km across and apart, at latitudes up to ±80° and across the antimeridian.
// Required agreement: within 1 m or 0.1 %, whichever is larger.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { geodesicDestination } from "./geodesic";
import { prepareArea } from "./prepared-area";
import { relateAreas } from "./spatial";
import { circle, polygon } from "./test-fixtures";
import { midpointOf, referenceDistance, referencePointToEdge, referenceRingToRing } from "./test-reference";
import type { Area, LonLat } from "./types";

const tolerance = (reference: number) => Math.max(1, reference * 1e-3);
const engineDistance = (a: Area, b: Area) => relateAreas(prepareArea(a), prepareArea(b), 100_000)?.minDistanceM;

/** Lengths spread evenly on a log scale from 10 m to 50 km. */
const scale = fc.double({ min: Math.log(10), max: Math.log(50_000), noNaN: true }).map(Math.exp);
const place = fc.record({
  lon: fc.oneof(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: 179.9, max: 180, noNaN: true })),
  lat: fc.oneof(fc.double({ min: -80, max: 80, noNaN: true }), fc.constantFrom(80, -80, 79.5, -79.5)),
});
const direction = fc.double({ min: 0, max: 360, noNaN: true });

const go = ([lon, lat]: LonLat, azimuth: number, m: number): LonLat => geodesicDestination(lon, lat, azimuth, m);

/** A triangle with one edge (v1 → v2) of the given size, and the point `gap` out from that edge's middle. */
function triangleAndPointBeyondEdge(start: LonLat, azimuth: number, size: number, gap: number) {
  const v1 = start;
  const v2 = go(v1, azimuth, size);
  const v0 = go(v1, azimuth + 60, size); // an apex on one side of the edge
  const mid = midpointOf(v1, v2);
  const outward = mid.azimuth - 90; // the side away from the apex
  const beyond = go(mid.point, outward, gap);
  return { triangle: [v0, v1, v2, v0], beyond, outward };
}

describe("distances agree with GeographicLib", () => {
  it("circle to circle", () => {
    fc.assert(
      fc.property(place, direction, scale, scale, scale, ({ lon, lat }, azimuth, gap, r1, r2) => {
        const a: LonLat = [lon, lat];
        const b = go(a, azimuth, r1 + r2 + gap);
        const reference = referenceDistance(a, b) - r1 - r2;
        expect(Math.abs(engineDistance(circle(a, r1), circle(b, r2))! - reference)).toBeLessThanOrEqual(
          tolerance(reference),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("circle to polygon: the nearest point lies inside an edge", () => {
    fc.assert(
      fc.property(place, direction, scale, scale, ({ lon, lat }, azimuth, size, gap) => {
        const { triangle, beyond } = triangleAndPointBeyondEdge([lon, lat], azimuth, size, gap);
        const r = Math.min(gap / 2, 5000);
        const reference =
          Math.min(...triangle.slice(0, 3).map((v, i) => referencePointToEdge(beyond, v, triangle[i + 1]))) - r;
        const measured = engineDistance(circle(beyond, r), polygon(triangle));
        expect(measured).toBeDefined();
        expect(Math.abs(measured! - reference)).toBeLessThanOrEqual(tolerance(reference));
      }),
      { numRuns: 120 },
    );
  });

  it("polygon to polygon", () => {
    fc.assert(
      fc.property(
        place,
        direction,
        scale,
        scale,
        scale,
        direction,
        ({ lon, lat }, azimuth, size, gap, otherSize, spin) => {
          const { triangle, beyond, outward } = triangleAndPointBeyondEdge([lon, lat], azimuth, size, gap);
          // A second triangle just beyond the gap, pointing back at the first edge.
          const tip = beyond;
          const back = go(tip, outward - 20 + (spin % 40), otherSize);
          const side = go(tip, outward + 30 + (spin % 40), otherSize);
          const other = [tip, back, side, tip];
          const reference = referenceRingToRing(triangle, other);
          const measured = engineDistance(polygon(triangle), polygon(other));
          expect(measured).toBeDefined();
          expect(Math.abs(measured! - reference)).toBeLessThanOrEqual(tolerance(reference));
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
