// Real boundaries for the demo world, read from the U.S. Census Bureau's cartographic boundary
// files as packaged by us-atlas (1:10,000,000 scale, TopoJSON), converted to GeoJSON MultiPolygons.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { MultiPolygon } from "../../lib/validation/agency";

type Position = [number, number];

let cached: Topology | undefined;

function atlas(): Topology {
  if (!cached) {
    const path = createRequire(import.meta.url).resolve("us-atlas/counties-10m.json");
    cached = JSON.parse(readFileSync(path, "utf8")) as Topology;
  }
  return cached;
}

function geometryById(objectName: "counties" | "states", fips: string): MultiPolygon {
  const topology = atlas();
  const collection = feature(topology, topology.objects[objectName] as GeometryCollection);
  const found = collection.features.find((f) => f.id === fips);
  if (!found) throw new Error(`No ${objectName} feature with FIPS ${fips} in us-atlas`);
  const g = found.geometry;
  if (g.type === "Polygon") return normalize([g.coordinates as Position[][]]);
  if (g.type === "MultiPolygon") return normalize(g.coordinates as Position[][][]);
  throw new Error(`FIPS ${fips} is a ${g.type}, not a polygon`);
}

/** A county's boundary by its five-digit FIPS code (state + county), e.g. "17031" for Cook. */
export function countyBoundary(fips: string): MultiPolygon {
  return geometryById("counties", fips);
}

/** A state's boundary by its two-digit FIPS code, e.g. "17" for Illinois. */
export function stateBoundary(fips: string): MultiPolygon {
  return geometryById("states", fips);
}

/** A polygon written by hand as a list of [lon, lat] vertices; the ring is closed here. */
export function outline(vertices: Position[]): MultiPolygon {
  return normalize([[vertices]]);
}

/** Rounds to ~0.1 m, closes rings, and winds them the RFC 7946 way: exteriors counter-clockwise, holes clockwise. */
function normalize(polygons: Position[][][]): MultiPolygon {
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    type: "MultiPolygon",
    coordinates: polygons.map((rings) =>
      rings.map((ring, i) => {
        const rounded = ring.map(([lon, lat]) => [round(lon), round(lat)] as Position);
        // A few us-atlas state rings (Illinois among them) end one quantization step short of
        // where they start; close them, as GeoJSON requires.
        const [first, last] = [rounded[0], rounded[rounded.length - 1]];
        if (first[0] !== last[0] || first[1] !== last[1]) rounded.push(first);
        const ccw = signedArea(rounded) > 0;
        return (i === 0) === ccw ? rounded : rounded.reverse();
      }),
    ),
  };
}

function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}
