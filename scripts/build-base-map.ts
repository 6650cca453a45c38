// Builds the offline map base layer: US state and county borders from us-atlas (Census
// boundaries, TopoJSON) converted once to small GeoJSON line files in public/map/.
// Run with `npx tsx scripts/build-base-map.ts` after upgrading us-atlas; the output is committed.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mesh } from "topojson-client";
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

const feature = (kind: string, geometry: GeoJSON.MultiLineString): GeoJSON.Feature => ({ type: "Feature", properties: { kind }, geometry: lines(geometry) });

const states: GeoJSON.FeatureCollection = {
  type: "FeatureCollection",
  features: [
    feature("nation", mesh(topo, objects.nation, (a, b) => a === b)),
    feature("state", mesh(topo, objects.states, (a, b) => a !== b)),
  ],
};
const counties: GeoJSON.FeatureCollection = {
  type: "FeatureCollection",
  features: [feature("county", mesh(topo, objects.counties, (a, b) => a !== b && stateOf(a) === stateOf(b)))],
};

for (const [name, data] of [["states", states], ["counties", counties]] as const) {
  const path = join(root, "public/map", `${name}.json`);
  const text = JSON.stringify(data);
  writeFileSync(path, text);
  process.stdout.write(`${path}: ${(text.length / 1024).toFixed(0)} KiB\n`);
}
