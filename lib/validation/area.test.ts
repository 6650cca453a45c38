import { describe, expect, it } from "vitest";
import { catalog } from "../i18n/catalog";
import { parseMsg } from "../i18n/issue";
import { lookup } from "../i18n/translate";
import { geodesicDestination } from "../deconfliction/geodesic";
import { ring, square } from "../deconfliction/test-fixtures";
import { AREA_MESSAGE_KEYS, areaGeometrySchema, areaSchema } from "./area";

type Issue = { key: string; params?: Record<string, unknown>; path: PropertyKey[] };

function issuesOf(input: unknown, schema: typeof areaSchema | typeof areaGeometrySchema = areaSchema): Issue[] {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ ...parseMsg(i.message), path: i.path }));
}

const poly = (...rings: number[][][]) => ({ kind: "POLYGON", geometry: { type: "Polygon", coordinates: rings } });
const SQUARE = [
  [-87.7, 41.8],
  [-87.6, 41.8],
  [-87.6, 41.9],
  [-87.7, 41.9],
  [-87.7, 41.8],
];

describe("circles", () => {
  it("accepts a valid circle", () => {
    expect(areaSchema.parse({ kind: "CIRCLE", center: [-87.65, 41.85], radiusM: 250 })).toEqual({
      kind: "CIRCLE",
      center: [-87.65, 41.85],
      radiusM: 250,
    });
  });

  it("says what is wrong with the centre and the radius", () => {
    expect(issuesOf({ kind: "CIRCLE", center: [-87.6, 91], radiusM: 10 })).toEqual([
      { key: "area.centerLatitudeOutOfRange", params: { value: 91 }, path: ["center", 1] },
    ]);
    expect(issuesOf({ kind: "CIRCLE", center: [-187, 41], radiusM: 10 })[0]).toMatchObject({
      key: "area.centerLongitudeOutOfRange",
      params: { value: -187 },
    });
    expect(issuesOf({ kind: "CIRCLE", center: [Number.NaN, 41], radiusM: 10 })[0].key).toBe("area.centerNotFinite");
    expect(issuesOf({ kind: "CIRCLE", center: "41,-87", radiusM: 10 })[0].key).toBe("area.centerInvalid");
    expect(issuesOf({ kind: "CIRCLE", center: [-87, 41], radiusM: 0 })[0]).toMatchObject({
      key: "area.radiusNotPositive",
      path: ["radiusM"],
    });
    expect(issuesOf({ kind: "CIRCLE", center: [-87, 41], radiusM: 60_000 })[0]).toMatchObject({
      key: "area.radiusTooLarge",
      params: { maxKm: 50 },
    });
    expect(issuesOf({ kind: "CIRCLE", center: [-87, 41], radiusM: Infinity })[0].key).toBe("area.radiusInvalid");
    expect(issuesOf({ kind: "SQUARE" })[0].key).toBe("area.kindUnknown");
  });
});

describe("polygons", () => {
  it("accepts polygons, multipolygons, features and one-feature collections, as objects or JSON", () => {
    expect(areaSchema.parse(poly(SQUARE))).toEqual(poly(SQUARE));
    const feature = { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [SQUARE] } };
    expect(areaSchema.parse({ kind: "POLYGON", geometry: feature })).toEqual(poly(SQUARE));
    const collection = {
      type: "FeatureCollection",
      features: [{ type: "Feature", geometry: { type: "Point", coordinates: [0, 0] } }, feature],
    };
    expect(areaSchema.parse({ kind: "POLYGON", geometry: JSON.stringify(collection) })).toEqual(poly(SQUARE));
    const multi = { type: "MultiPolygon", coordinates: [[SQUARE], [SQUARE.map(([x, y]) => [x + 1, y])]] };
    expect(areaGeometrySchema.parse(multi)).toEqual(multi);
  });

  it("drops altitudes and accepts a ring with repeated consecutive points", () => {
    const withAltitude = SQUARE.map(([x, y]) => [x, y, 200]);
    expect(areaSchema.parse(poly(withAltitude))).toEqual(poly(SQUARE));
    const repeated = [SQUARE[0], SQUARE[1], SQUARE[1], SQUARE[2], SQUARE[3], SQUARE[4]];
    expect(areaSchema.safeParse(poly(repeated)).success).toBe(true);
  });

  it("accepts a ring crossing the antimeridian, one around a pole, and a hole inside its shell", () => {
    expect(
      areaSchema.safeParse(
        poly([
          [179.5, 51],
          [-179.5, 51],
          [-179.5, 52],
          [179.5, 52],
          [179.5, 51],
        ]),
      ).success,
    ).toBe(true);
    expect(
      areaSchema.safeParse(
        poly([
          [-180, 88],
          [-90, 88],
          [0, 88],
          [90, 88],
          [-180, 88],
        ]),
      ).success,
    ).toBe(true);
    expect(areaSchema.safeParse(poly(square([-87.65, 41.85], 2000), square([-87.65, 41.85], 500))).success).toBe(true);
  });

  it("accepts a 1,000-vertex star", () => {
    expect(areaSchema.safeParse(poly(ring([-87.65, 41.85], 5000, 999, 4000))).success).toBe(true);
  });
});

describe("rejections say what is wrong and where", () => {
  it("invalid JSON, with line and column", () => {
    expect(issuesOf({ kind: "POLYGON", geometry: '{\n  "type": "Polygon",\n  "coordinates": [[0, 0],, ]\n}' })).toEqual(
      [{ key: "area.invalidJsonAt", params: { line: 3, column: 26 }, path: ["geometry"] }],
    );
  });

  it("something that is not a polygon", () => {
    expect(issuesOf({ kind: "POLYGON", geometry: { type: "Point", coordinates: [0, 0] } })[0]).toMatchObject({
      key: "area.notPolygon",
      params: { type: "Point" },
    });
    const two = {
      type: "FeatureCollection",
      features: [1, 2].map(() => ({ type: "Feature", geometry: { type: "Polygon", coordinates: [SQUARE] } })),
    };
    expect(issuesOf({ kind: "POLYGON", geometry: two })[0]).toMatchObject({
      key: "area.featureCount",
      params: { count: 2 },
    });
  });

  it("NaN and Infinity", () => {
    const bad = SQUARE.map((p, i) => (i === 2 ? [p[0], Number.NaN] : p));
    expect(issuesOf(poly(bad))).toEqual([
      { key: "area.notFinite", params: { polygon: 1, ring: 1, vertex: 3 }, path: ["geometry", "coordinates", 0, 2] },
    ]);
    const inf = SQUARE.map((p, i) => (i === 1 ? [Infinity, p[1]] : p));
    expect(issuesOf(poly(inf))[0]).toMatchObject({ key: "area.notFinite", params: { vertex: 2 } });
  });

  it("coordinates out of range, naming the ring and vertex", () => {
    const hole = [
      [-87.68, 41.82],
      [-87.62, 41.82],
      [-87.62, 95],
      [-87.68, 41.88],
      [-87.68, 41.82],
    ];
    expect(issuesOf(poly(SQUARE, hole))).toEqual([
      {
        key: "area.latitudeOutOfRange",
        params: { polygon: 1, ring: 2, vertex: 3, value: 95 },
        path: ["geometry", "coordinates", 1, 2, 1],
      },
    ]);
    const multi = {
      kind: "POLYGON",
      geometry: { type: "MultiPolygon", coordinates: [[SQUARE], [SQUARE.map(([x, y], i) => [i === 3 ? 200 : x, y])]] },
    };
    expect(issuesOf(multi)).toEqual([
      {
        key: "area.longitudeOutOfRange",
        params: { polygon: 2, ring: 1, vertex: 4, value: 200 },
        path: ["geometry", "coordinates", 1, 0, 3, 0],
      },
    ]);
  });

  it("an unclosed ring", () => {
    expect(issuesOf(poly(SQUARE.slice(0, 4)))).toEqual([
      { key: "area.ringNotClosed", params: { polygon: 1, ring: 1 }, path: ["geometry", "coordinates", 0, 3] },
    ]);
  });

  it("fewer than 3 distinct points", () => {
    const [a, b] = SQUARE;
    expect(issuesOf(poly([a, b, a, b, a]))).toEqual([
      { key: "area.tooFewPoints", params: { polygon: 1, ring: 1, count: 2 }, path: ["geometry", "coordinates", 0] },
    ]);
    expect(issuesOf(poly([]))[0]).toMatchObject({ key: "area.tooFewPoints", params: { count: 0 } });
  });

  it("a self-intersecting ring, naming the edges", () => {
    // A bow tie: edge 1 (vertex 1 → 2) crosses edge 3 (vertex 3 → 4).
    const bowTie = [
      [-87.7, 41.8],
      [-87.6, 41.9],
      [-87.6, 41.8],
      [-87.7, 41.9],
      [-87.7, 41.8],
    ];
    expect(issuesOf(poly(bowTie))).toEqual([
      {
        key: "area.selfIntersection",
        params: { polygon: 1, ring: 1, edge: 1, otherEdge: 3 },
        path: ["geometry", "coordinates", 0, 0],
      },
    ]);
    // A spike: the ring runs out along edge 2 and straight back along edge 3.
    const spike = [
      [-87.7, 41.8],
      [-87.6, 41.8],
      [-87.6, 41.85],
      [-87.6, 41.82],
      [-87.6, 41.9],
      [-87.7, 41.9],
      [-87.7, 41.8],
    ];
    expect(issuesOf(poly(spike))).toContainEqual({
      key: "area.selfIntersection",
      params: { polygon: 1, ring: 1, edge: 2, otherEdge: 3 },
      path: ["geometry", "coordinates", 0, 1],
    });
  });

  it("finds the crossing edges of a 1,000-vertex ring", () => {
    const star = ring([-87.65, 41.85], 5000, 999, 4000);
    // Vertex 401 pulled across to just outside the far side: edges 400 and 401 now cut the far side of the ring.
    star[400] = geodesicDestination(-87.65, 41.85, (360 * 700) / 999, 6000);
    const found = issuesOf(poly(star));
    expect(found.length).toBeGreaterThan(0);
    for (const issue of found) {
      expect(issue.key).toBe("area.selfIntersection");
      expect([400, 401]).toContain(issue.params!.edge);
      expect(Number(issue.params!.otherEdge)).toBeGreaterThan(500);
    }
  });

  it("rings that cross each other", () => {
    const hole = [
      [-87.65, 41.85],
      [-87.55, 41.85],
      [-87.55, 41.88],
      [-87.65, 41.88],
      [-87.65, 41.85],
    ];
    expect(issuesOf(poly(SQUARE, hole))[0]).toMatchObject({
      key: "area.ringsIntersect",
      params: { polygon: 1, ring: 1, otherRing: 2 },
    });
  });

  it("a ring with zero area", () => {
    const line = [
      [-87.7, 41.8],
      [-87.7, 41.85],
      [-87.7, 41.9],
      [-87.7, 41.8],
    ];
    expect(issuesOf(poly(line))).toEqual([
      { key: "area.zeroArea", params: { polygon: 1, ring: 1 }, path: ["geometry", "coordinates", 0] },
    ]);
  });

  it("a hole outside its shell", () => {
    const elsewhere = SQUARE.map(([x, y]) => [x + 0.5, y]);
    expect(issuesOf(poly(SQUARE, elsewhere))).toEqual([
      { key: "area.holeOutsideShell", params: { polygon: 1, ring: 2 }, path: ["geometry", "coordinates", 1] },
    ]);
  });

  it("more than 1,000 vertices, and polygons too large to be an operation area", () => {
    expect(issuesOf(poly(ring([-87.65, 41.85], 5000, 1001)))[0]).toMatchObject({
      key: "area.tooManyVertices",
      params: { count: 1001, max: 1000 },
    });
    const huge = [
      [-120, 30],
      [-70, 30],
      [-70, 48],
      [-120, 48],
      [-120, 30],
    ];
    expect(issuesOf(poly(huge))[0]).toMatchObject({ key: "area.tooLarge", params: { polygon: 1, maxKm: 1000 } });
  });
});

describe("messages", () => {
  it("exist in every language for every key the schema can produce", () => {
    for (const locale of ["en", "es"] as const) {
      for (const key of AREA_MESSAGE_KEYS)
        expect(lookup(catalog[locale], `area.${key}`), `${locale} area.${key}`).toBeTypeOf("string");
    }
  });
});
