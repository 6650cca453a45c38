// Where the benchmark's operations happen: the largest US metro areas weighted by population (a
// proxy for how much police work happens there), and every county's centroid from the Census
// boundaries in `us-atlas` for the rural remainder — Alaska's Aleutians across the antimeridian
// included.
import fs from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export type Metro = { name: string; lon: number; lat: number; millions: number };

/** Metropolitan statistical areas, 2020 census populations rounded (millions). */
export const METROS: Metro[] = [
  { name: "New York", lon: -73.94, lat: 40.7, millions: 20.1 },
  { name: "Los Angeles", lon: -118.25, lat: 34.05, millions: 13.2 },
  { name: "Chicago", lon: -87.65, lat: 41.85, millions: 9.6 },
  { name: "Dallas–Fort Worth", lon: -96.9, lat: 32.8, millions: 7.6 },
  { name: "Houston", lon: -95.37, lat: 29.76, millions: 7.1 },
  { name: "Washington", lon: -77.03, lat: 38.9, millions: 6.4 },
  { name: "Philadelphia", lon: -75.16, lat: 39.95, millions: 6.2 },
  { name: "Miami", lon: -80.25, lat: 25.9, millions: 6.1 },
  { name: "Atlanta", lon: -84.39, lat: 33.75, millions: 6.1 },
  { name: "Boston", lon: -71.06, lat: 42.36, millions: 4.9 },
  { name: "Phoenix", lon: -112.07, lat: 33.45, millions: 4.8 },
  { name: "San Francisco–Oakland", lon: -122.3, lat: 37.8, millions: 4.7 },
  { name: "Riverside–San Bernardino", lon: -117.35, lat: 34.0, millions: 4.6 },
  { name: "Detroit", lon: -83.05, lat: 42.33, millions: 4.4 },
  { name: "Seattle", lon: -122.33, lat: 47.6, millions: 4.0 },
  { name: "Minneapolis–St. Paul", lon: -93.2, lat: 44.97, millions: 3.7 },
  { name: "San Diego", lon: -117.16, lat: 32.72, millions: 3.3 },
  { name: "Tampa", lon: -82.46, lat: 27.95, millions: 3.2 },
  { name: "Denver", lon: -104.99, lat: 39.74, millions: 3.0 },
  { name: "Baltimore", lon: -76.61, lat: 39.29, millions: 2.8 },
  { name: "St. Louis", lon: -90.2, lat: 38.63, millions: 2.8 },
  { name: "Orlando", lon: -81.38, lat: 28.54, millions: 2.7 },
  { name: "Charlotte", lon: -80.84, lat: 35.23, millions: 2.7 },
  { name: "San Antonio", lon: -98.49, lat: 29.42, millions: 2.6 },
  { name: "Portland", lon: -122.68, lat: 45.52, millions: 2.5 },
  { name: "Sacramento", lon: -121.49, lat: 38.58, millions: 2.4 },
  { name: "Pittsburgh", lon: -79.99, lat: 40.44, millions: 2.4 },
  { name: "Austin", lon: -97.74, lat: 30.27, millions: 2.3 },
  { name: "Las Vegas", lon: -115.14, lat: 36.17, millions: 2.3 },
  { name: "Cincinnati", lon: -84.51, lat: 39.1, millions: 2.3 },
  { name: "Kansas City", lon: -94.58, lat: 39.1, millions: 2.2 },
  { name: "Columbus", lon: -82.99, lat: 39.96, millions: 2.1 },
  { name: "Indianapolis", lon: -86.16, lat: 39.77, millions: 2.1 },
  { name: "Cleveland", lon: -81.69, lat: 41.5, millions: 2.1 },
  { name: "San Jose", lon: -121.89, lat: 37.34, millions: 2.0 },
  { name: "Nashville", lon: -86.78, lat: 36.16, millions: 2.0 },
  { name: "Virginia Beach–Norfolk", lon: -76.1, lat: 36.85, millions: 1.8 },
  { name: "Providence", lon: -71.41, lat: 41.82, millions: 1.7 },
  { name: "Jacksonville", lon: -81.66, lat: 30.33, millions: 1.6 },
  { name: "Milwaukee", lon: -87.91, lat: 43.04, millions: 1.6 },
  { name: "Raleigh", lon: -78.64, lat: 35.78, millions: 1.4 },
  { name: "Oklahoma City", lon: -97.52, lat: 35.47, millions: 1.4 },
  { name: "Memphis", lon: -90.05, lat: 35.15, millions: 1.3 },
  { name: "Richmond", lon: -77.44, lat: 37.54, millions: 1.3 },
  { name: "Louisville", lon: -85.76, lat: 38.25, millions: 1.3 },
  { name: "New Orleans", lon: -90.07, lat: 29.95, millions: 1.3 },
  { name: "Salt Lake City", lon: -111.89, lat: 40.76, millions: 1.3 },
  { name: "Hartford", lon: -72.68, lat: 41.76, millions: 1.2 },
  { name: "Buffalo", lon: -78.88, lat: 42.89, millions: 1.2 },
  { name: "Birmingham", lon: -86.8, lat: 33.52, millions: 1.1 },
  { name: "Honolulu", lon: -157.86, lat: 21.31, millions: 1.0 },
  { name: "Albuquerque", lon: -106.65, lat: 35.08, millions: 0.9 },
  { name: "El Paso", lon: -106.44, lat: 31.76, millions: 0.9 },
  { name: "Anchorage", lon: -149.9, lat: 61.22, millions: 0.4 },
];

export type County = { fips: string; lon: number; lat: number };

/** Every county's centroid (the mean of its outer ring's vertices, unwrapped across the antimeridian). */
export function countyCentroids(): County[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve("us-atlas/counties-10m.json");
  const topology = JSON.parse(fs.readFileSync(file, "utf8")) as Topology<{ counties: GeometryCollection }>;
  const counties = feature(topology, topology.objects.counties);
  const out: County[] = [];
  for (const f of counties.features) {
    const g = f.geometry;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) continue;
    const rings = g.type === "Polygon" ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
    let sx = 0,
      sy = 0,
      n = 0,
      ref: number | null = null;
    for (const ring of rings) {
      for (const [lon, lat] of ring) {
        ref ??= lon;
        let l = lon;
        while (l - ref > 180) l -= 360;
        while (l - ref < -180) l += 360;
        sx += l;
        sy += lat;
        n++;
      }
    }
    if (n === 0) continue;
    const lon = ((((sx / n + 180) % 360) + 360) % 360) - 180;
    out.push({ fips: String(f.id), lon, lat: sy / n });
  }
  return out;
}
