// The area-in-words description against the gazetteer shipped with the app, at real places in
// the demo world (Cook County and its neighbours).
import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/i18n/catalog";
import { createTranslator } from "@/lib/i18n/translate";
import type { Area } from "@/lib/deconfliction/types";
import { compass, countyAt, describeArea, distanceM, formatAreaDescription, formatDistance } from "./describe-area";
import { loadGazetteer } from "./gazetteer";

const g = loadGazetteer();
const en = createTranslator(catalog.en, "en", "geo");
const es = createTranslator(catalog.es, "es", "geo");
const circle = (lon: number, lat: number, radiusM: number): Area => ({ kind: "CIRCLE", center: [lon, lat], radiusM });
const box = (w: number, s: number, e: number, n: number): Area => ({
  kind: "POLYGON",
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  },
});

describe("distance and direction", () => {
  it("measures great-circle distance (Chicago to Milwaukee ≈ 130 km)", () => {
    expect(distanceM([-87.6298, 41.8781], [-87.9065, 43.0389]) / 1000).toBeCloseTo(131, 0);
  });
  it("names the compass point from the place to the area", () => {
    expect(compass([-87.633, 41.884], [-87.6405, 41.879])).toBe("sw");
    expect(compass([0, 0], [0, 1])).toBe("n");
    expect(compass([0, 0], [1, 0])).toBe("e");
  });
  it("writes metres below 1 km and km with one decimal below 10 km", () => {
    expect(formatDistance(834, "en")).toBe("830 m");
    expect(formatDistance(2149, "en")).toBe("2.1 km");
    expect(formatDistance(25_400, "en")).toBe("25 km");
  });
});

describe("county by point-in-polygon", () => {
  it("tells Lake County, Illinois from Lake County, Indiana", () => {
    expect(countyAt([-87.84, 42.36], g.counties)).toMatchObject({ name: "Lake", state: "Illinois" });
    expect(countyAt([-87.35, 41.6], g.counties)).toMatchObject({ name: "Lake", state: "Indiana" });
  });
  it("puts the Loop in Cook County and Naperville's centre in DuPage", () => {
    expect(countyAt([-87.6298, 41.8781], g.counties)).toMatchObject({ name: "Cook", state: "Illinois" });
    expect(countyAt([-88.1535, 41.7508], g.counties)).toMatchObject({ name: "DuPage", state: "Illinois" });
  });
  it("finds no county out in Lake Michigan", () => {
    expect(countyAt([-87.3, 42.0], g.counties)).toBeNull();
  });
});

describe("describeArea", () => {
  it("a circle by Union Station: in Chicago, Cook County, south-west of the Loop", () => {
    const d = describeArea(circle(-87.6405, 41.879, 500), g);
    expect(d.counties).toEqual([{ id: "17031", name: "Cook", state: "Illinois" }]);
    expect(d.nearest).toMatchObject({ name: "Chicago Loop", city: "Chicago", direction: "sw" });
    expect(d.nearest!.distanceM).toBeGreaterThan(700);
    expect(d.nearest!.distanceM).toBeLessThan(950);
    expect(formatAreaDescription(d, en, "en")).toBe(
      "Circle of radius 500 m in Chicago, Cook County, Illinois — centred 830 m south-west of Chicago Loop.",
    );
    expect(formatAreaDescription(d, es, "es")).toBe(
      "Círculo de 500 m de radio en Chicago, condado de Cook, Illinois — con centro a 830 m al suroeste de Chicago Loop.",
    );
  });

  it("a polygon across County Line Road: its extent, centroid and both counties", () => {
    const d = describeArea(box(-87.96, 41.83, -87.88, 41.87), g);
    expect(d.shape).toMatchObject({ kind: "POLYGON" });
    expect(d.centre[0]).toBeCloseTo(-87.92, 3);
    expect(d.centre[1]).toBeCloseTo(41.85, 3);
    expect(d.counties.map((c) => c.name).sort()).toEqual(["Cook", "DuPage"]);
    expect(formatAreaDescription(d, en, "en")).toMatch(
      /^Area about 6\.6 km east–west by 4\.5 km north–south in (Cook County and DuPage County|DuPage County and Cook County), Illinois — centred 2 km north of Oak Brook/,
    );
  });

  it("a small town gets a large city for context", () => {
    const text = formatAreaDescription(describeArea(circle(-88.47, 41.89, 1000), g), en, "en");
    expect(text).toBe(
      "Circle of radius 1 km in Kane County, Illinois — centred at Elburn; 19 km north-west of Aurora.",
    );
  });

  it("counties in two states are each named with their state", () => {
    // Calumet City (Illinois) to Hammond (Indiana), across the state line.
    const d = describeArea(box(-87.56, 41.6, -87.5, 41.63), g);
    const text = formatAreaDescription(d, en, "en");
    expect(text).toContain("Cook County, Illinois");
    expect(text).toContain("Lake County, Indiana");
  });

  it("an area on the lake is described by the shore it lies off", () => {
    const text = formatAreaDescription(describeArea(circle(-87.3, 42.0, 2000), g), en, "en");
    expect(text).toBe("Circle of radius 2 km outside any US county — centred 29 km east of Uptown, Chicago.");
  });

  it("a multipolygon's parts are all looked up", () => {
    const d = describeArea(
      {
        kind: "POLYGON",
        geometry: {
          type: "MultiPolygon",
          coordinates: [
            [
              [
                [-87.65, 41.87],
                [-87.63, 41.87],
                [-87.63, 41.89],
                [-87.65, 41.89],
                [-87.65, 41.87],
              ],
            ],
            [
              [
                [-88.17, 41.74],
                [-88.14, 41.74],
                [-88.14, 41.76],
                [-88.17, 41.76],
                [-88.17, 41.74],
              ],
            ],
          ],
        },
      },
      g,
    );
    expect(d.counties.map((c) => c.name).sort()).toEqual(["Cook", "DuPage"]);
  });
});
