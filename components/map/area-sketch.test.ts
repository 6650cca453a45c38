// The area editor's three ways in (clicks on the map, typed coordinates, pasted GeoJSON) must
// yield the same area value, validated by the shared schema, with its messages saying what is wrong.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { areaGeometrySchema } from "@/lib/validation/area";
import { emptySketch, evaluate, sketchFromArea, withGeometry, type Sketch } from "./area-sketch";
import { formatVertexList, geometryInText, parseVertexList, unwrapLons, wrapLon, type LonLat } from "./geometry";

const square: LonLat[] = [
  [-87.64, 41.87],
  [-87.62, 41.87],
  [-87.62, 41.89],
  [-87.64, 41.89],
];

/** What clicking the four corners and choosing "Finish polygon" leaves in the sketch. */
function drawn(vertices: LonLat[]): Sketch {
  return { ...emptySketch("POLYGON"), vertices, drawing: false };
}

describe("the three ways of entering an area", () => {
  it("give the same validated value", () => {
    const byMap = evaluate(drawn(square));

    const typed = parseVertexList(square.map(([lon, lat]) => `${lat}, ${lon}`).join("\n"));
    if (!typed.ok) throw new Error(typed.message);
    const byCoordinates = evaluate({ ...emptySketch("POLYGON"), vertices: typed.value });

    const pasted = areaGeometrySchema.parse(
      JSON.stringify({
        type: "Feature",
        properties: {},
        geometry: { type: "Polygon", coordinates: [[...square, square[0]]] },
      }),
    );
    const byGeoJson = evaluate(withGeometry(emptySketch(), pasted));

    expect(byMap.status).toBe("valid");
    expect(byMap.area).toEqual({
      kind: "POLYGON",
      geometry: { type: "Polygon", coordinates: [[...square, square[0]]] },
    });
    expect(byCoordinates.area).toEqual(byMap.area);
    expect(byGeoJson.area).toEqual(byMap.area);
  });

  it("a circle typed or clicked is the same value", () => {
    const sketch: Sketch = { ...emptySketch("CIRCLE"), lat: "41.88", lon: "-87.63", radius: "750" };
    expect(evaluate(sketch).area).toEqual({ kind: "CIRCLE", center: [-87.63, 41.88], radiusM: 750 });
    expect(evaluate(sketchFromArea(evaluate(sketch).area)).area).toEqual(evaluate(sketch).area);
  });
});

describe("what the editor reports", () => {
  it("an unfinished polygon is incomplete, not invalid", () => {
    expect(evaluate({ ...drawn(square.slice(0, 2)) }).status).toBe("incomplete");
    expect(evaluate({ ...drawn(square), drawing: true }).status).toBe("incomplete");
    expect(evaluate(emptySketch()).status).toBe("empty");
  });

  it("a self-intersecting polygon is invalid, with the schema's message naming the edges", () => {
    const bowtie: LonLat[] = [
      [-87.8, 41.7],
      [-87.7, 41.8],
      [-87.7, 41.7],
      [-87.8, 41.8],
    ];
    const e = evaluate(drawn(bowtie));
    expect(e.status).toBe("invalid");
    expect(e.area).toBeNull();
    expect(e.issues[0]).toMatch(/^area\.selfIntersection::/);
    expect(e.issues[0]).toContain('"edge":1');
  });

  it("an out-of-range or missing circle centre is invalid", () => {
    expect(evaluate({ ...emptySketch("CIRCLE"), lat: "95", lon: "-87", radius: "100" }).issues.join()).toContain(
      "area.centerLatitudeOutOfRange",
    );
    expect(evaluate({ ...emptySketch("CIRCLE"), lat: "41", lon: "", radius: "100" }).status).toBe("invalid");
    expect(evaluate({ ...emptySketch("CIRCLE"), lat: "41", lon: "-87", radius: "0" }).issues.join()).toContain(
      "area.radiusNotPositive",
    );
  });

  it("a pasted unclosed ring is not silently repaired", () => {
    const open = { type: "Polygon", coordinates: [square] };
    const e = evaluate({ ...emptySketch("POLYGON"), complex: open as never });
    expect(e.status).toBe("invalid");
    expect(e.issues.join()).toContain("area.ringNotClosed");
  });
});

describe("coordinate text", () => {
  it("names the line that is not a pair", () => {
    expect(parseVertexList("41.7, -87.8\nforty, -87.7")).toEqual({
      ok: false,
      message: 'operations.area.vertexLine::{"line":2}',
    });
  });

  it("accepts a repeated closing vertex and round-trips through the text it shows", () => {
    const text = formatVertexList(square) + `\n${square[0][1]}, ${square[0][0]}`;
    expect(parseVertexList(text)).toEqual({ ok: true, value: square });
  });

  it("finds the geometry inside a Feature or a one-feature collection", () => {
    const g = { type: "Polygon", coordinates: [[...square, square[0]]] };
    expect(
      geometryInText(JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", geometry: g }] })),
    ).toEqual(g);
    expect(geometryInText("{not json")).toBeNull();
  });
});

describe("longitudes across the antimeridian", () => {
  it("clicks are wrapped into [-180, 180) and rings drawn continuously", () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (lon) => {
        const w = wrapLon(lon);
        expect(w).toBeGreaterThanOrEqual(-180);
        expect(w).toBeLessThan(180);
        const turns = (w - lon) / 360;
        expect(Math.abs(turns - Math.round(turns))).toBeLessThan(1e-9);
      }),
    );
    const ring = unwrapLons([
      [179.5, 52],
      [-179.5, 52],
      [-179.5, 53],
      [179.5, 53],
    ]);
    for (let i = 1; i < ring.length; i++) expect(Math.abs(ring[i][0] - ring[i - 1][0])).toBeLessThanOrEqual(180);
    expect(ring[1][0]).toBe(180.5);
  });

  it("a polygon drawn across the antimeridian (western Aleutians) is valid", () => {
    const e = evaluate(
      drawn([
        [179.5, 51.5],
        [-179.5, 51.5],
        [-179.5, 52.5],
        [179.5, 52.5],
      ]),
    );
    expect(e.status).toBe("valid");
  });
});
