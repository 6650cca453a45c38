import { describe, expect, it } from "vitest";
import { areaFitsAcross } from "./extent";
import type { Area } from "./types";

const ring = (lon: number, lat: number, h: number) => [
  [lon - h, lat - h],
  [lon + h, lat - h],
  [lon + h, lat + h],
  [lon - h, lat + h],
  [lon - h, lat - h],
];
const square = (lon: number, lat: number, halfDeg: number): Area => ({
  kind: "POLYGON",
  geometry: { type: "Polygon", coordinates: [ring(lon, lat, halfDeg)] },
});

describe("areaFitsAcross", () => {
  it("measures a circle by its diameter", () => {
    expect(areaFitsAcross({ kind: "CIRCLE", center: [-87, 41], radiusM: 25_000 }, 50_000)).toBe(true);
    expect(areaFitsAcross({ kind: "CIRCLE", center: [-87, 41], radiusM: 25_001 }, 50_000)).toBe(false);
  });

  it("measures a polygon by its farthest vertices, across the antimeridian too", () => {
    // 0.3° of latitude is about 33 km; the diagonal of a 0.3° square at the equator about 47 km.
    expect(areaFitsAcross(square(0, 0, 0.15), 50_000)).toBe(true);
    expect(areaFitsAcross(square(0, 0, 0.2), 50_000)).toBe(false);
    expect(areaFitsAcross(square(180, 0, 0.15), 50_000)).toBe(true);
  });

  it("needs the exact pass when the first vertex is not at an end", () => {
    // A long thin strip: the first vertex sits in the middle, 24 km from either end, the ends 48 km apart.
    const strip: Area = {
      kind: "POLYGON",
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [0.216, 0],
            [0.216, 0.001],
            [-0.216, 0.001],
            [-0.216, 0],
            [0, 0],
          ],
        ],
      },
    };
    expect(areaFitsAcross(strip, 50_000)).toBe(true);
    expect(areaFitsAcross(strip, 45_000)).toBe(false);
  });

  it("judges a multipolygon as a whole: two small parts far apart are a large probe", () => {
    const far: Area = {
      kind: "POLYGON",
      geometry: { type: "MultiPolygon", coordinates: [[ring(0, 0, 0.01)], [ring(5, 5, 0.01)]] },
    };
    expect(areaFitsAcross(far, 50_000)).toBe(false);
  });
});
