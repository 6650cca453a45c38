// The generalised "where" a counterpart is told: inside the overlap, between areas that only come
// near each other, rounded to about 100 m, and sensible across the antimeridian and at the pole.
import { describe, expect, it } from "vitest";
import { geodesicDistance } from "./geodesic";
import type { Area } from "./types";
import { conflictWhere } from "./where";

const circle = (lon: number, lat: number, radiusM: number): Area => ({ kind: "CIRCLE", center: [lon, lat], radiusM });
const square = (lon: number, lat: number, half: number): Area => ({
  kind: "POLYGON",
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
      ],
    ],
  },
});
const near = (p: [number, number] | null, lon: number, lat: number, withinM: number) => {
  expect(p).not.toBeNull();
  expect(geodesicDistance(p![0], p![1], lon, lat)).toBeLessThan(withinM);
};

describe("conflictWhere", () => {
  it("points inside the smaller area when one holds the other", () => {
    const p = conflictWhere(square(-87.65, 41.9, 0.02), circle(-87.64, 41.91, 200), {
      areasIntersect: true,
      containment: "A_CONTAINS_B",
    });
    near(p, -87.64, 41.91, 120);
  });

  it("points into the overlap of two crossing areas", () => {
    // Two 1 km circles whose centres are 1.2 km apart east–west: the overlap is around the midpoint.
    const p = conflictWhere(circle(-87.65, 41.9, 1_000), circle(-87.6356, 41.9, 1_000), {
      areasIntersect: true,
      containment: "NONE",
    });
    near(p, -87.6428, 41.9, 150);
  });

  it("points midway across the gap of areas that only come near", () => {
    // 300 m circles 1 km apart centre to centre: the gap runs from 300 m to 700 m east of the first.
    const p = conflictWhere(circle(0, 0, 300), circle(0.008983, 0, 300), {
      areasIntersect: false,
      containment: "NONE",
    });
    near(p, 0.004492, 0, 120);
    const q = conflictWhere(square(10, 10, 0.001), circle(10.004, 10, 100), {
      areasIntersect: false,
      containment: "NONE",
    });
    expect(q![0]).toBeGreaterThan(10.001);
    expect(q![0]).toBeLessThan(10.004);
  });

  it("rounds to about 100 m, so the exact area is not given away", () => {
    const p = conflictWhere(circle(-87.65432, 41.91234, 50), circle(-87.65432, 41.91234, 40), {
      areasIntersect: true,
      containment: "A_CONTAINS_B",
    });
    expect(p).toEqual([-87.654, 41.912]);
  });

  it("works across the antimeridian and near the pole", () => {
    const p = conflictWhere(circle(179.999, 51.88, 300), circle(-179.999, 51.88, 300), {
      areasIntersect: true,
      containment: "NONE",
    });
    expect(Math.abs(Math.abs(p![0]) - 180)).toBeLessThan(0.01);
    expect(p![1]).toBeCloseTo(51.88, 2);
    const polar = conflictWhere(circle(0, 89.997, 300), circle(180, 89.997, 300), {
      areasIntersect: false,
      containment: "NONE",
    });
    expect(polar![1]).toBeGreaterThan(89.99);
  });
});
