// The gazetteer shipped with the app (built by scripts/build-base-map.ts): county polygons in
// lib/geo/data, and the places of 1,000 people or more per state in public/map/places. Read once per
// server process, on first use.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { log } from "@/lib/log";
import type { CountyArea, Gazetteer, Place } from "./describe-area";

type PlaceRow = [string, number, number, number, string?];

let loaded: Gazetteer | null = null;

export function loadGazetteer(root: string = process.cwd()): Gazetteer {
  if (loaded) return loaded;
  const counties = JSON.parse(readFileSync(join(root, "lib/geo/data/county-areas.json"), "utf8")) as CountyArea[];
  const dir = join(root, "public/map/places");
  const places: Place[] = [];
  for (const file of readdirSync(dir)) {
    if (!/^[A-Z]{2}\.json$/.test(file)) continue;
    for (const [name, lon, lat, population, city] of JSON.parse(readFileSync(join(dir, file), "utf8")) as PlaceRow[]) {
      places.push(city ? { name, lon, lat, population, city } : { name, lon, lat, population });
    }
  }
  loaded = { counties, places };
  return loaded;
}

/** Loads the gazetteer at server start; a missing data file is logged (descriptions are then left out). */
export function warmGazetteer(): void {
  try {
    loadGazetteer();
  } catch (err) {
    log.warn({ err }, "the gazetteer could not be read: areas will not be described in words");
  }
}
