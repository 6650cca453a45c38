import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { geodesicDistance } from "../deconfliction/geodesic";
import type { Area } from "../deconfliction/types";
import { generalizeArea, GRID_DEG } from "./generalize";

const onGrid = (v: number) => Math.abs(v / GRID_DEG - Math.round(v / GRID_DEG)) < 1e-6;

function pointInRing(lon: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe("generalizeArea", () => {
  it("passes an exact area through unchanged", () => {
    const area: Area = { kind: "CIRCLE", center: [-87.6298, 41.8781], radiusM: 300 };
    expect(generalizeArea(area, "EXACT")).toBe(area);
  });

  it("puts a circle's centre on the grid and widens it to cover the original", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -88.5, max: -87.5, noNaN: true }),
        fc.double({ min: 41, max: 42.5, noNaN: true }),
        fc.double({ min: 10, max: 5_000, noNaN: true }),
        (lon, lat, r) => {
          const g = generalizeArea({ kind: "CIRCLE", center: [lon, lat], radiusM: r }, "GENERALIZED");
          if (g.kind !== "CIRCLE") return false;
          const [glon, glat] = g.center;
          expect(onGrid(glon) && onGrid(glat)).toBe(true);
          expect(g.radiusM % 500).toBe(0);
          expect(g.radiusM).toBeGreaterThanOrEqual(1_000);
          // Covers: the far side of the original circle is inside the generalised one.
          expect(geodesicDistance(glon, glat, lon, lat) + r).toBeLessThanOrEqual(g.radiusM);
          return true;
        },
      ),
    );
  });

  it("turns a polygon into a grid rectangle holding every vertex, with no original coordinate in it", () => {
    const ring = [
      [-87.6312, 41.8801],
      [-87.6244, 41.8803],
      [-87.6251, 41.8861],
      [-87.6307, 41.8855],
      [-87.6312, 41.8801],
    ];
    const g = generalizeArea({ kind: "POLYGON", geometry: { type: "Polygon", coordinates: [ring] } }, "GENERALIZED");
    expect(g.kind).toBe("POLYGON");
    if (g.kind !== "POLYGON" || g.geometry.type !== "Polygon") return;
    const out = g.geometry.coordinates[0];
    for (const [lon, lat] of ring) expect(pointInRing(lon, lat, out)).toBe(true);
    for (const [, lat] of out) expect(onGrid(lat)).toBe(true);
    const originals = new Set(ring.flat());
    expect(out.flat().some((v) => originals.has(v))).toBe(false);
  });
});
