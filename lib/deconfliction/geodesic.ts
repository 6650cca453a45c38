// Exact distances on the WGS84 ellipsoid, from GeographicLib (Karney's algorithms, accurate to
// nanometres). The package is CommonJS: under Node's ESM loader its API sits on `default`.
import * as geographiclib from "geographiclib-geodesic";

type GeographicLib = typeof geographiclib;
const lib: GeographicLib = (geographiclib as unknown as { default?: GeographicLib }).default ?? geographiclib;

const WGS84 = lib.Geodesic.WGS84;
const DISTANCE = lib.Geodesic.DISTANCE;
const POSITION = lib.Geodesic.LATITUDE | lib.Geodesic.LONGITUDE;

/** Geodesic distance in metres between two [lon, lat] points. */
export function geodesicDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return WGS84.Inverse(lat1, lon1, lat2, lon2, DISTANCE).s12 ?? Number.NaN;
}

/** The point `distanceM` from [lon, lat] along the initial azimuth (degrees clockwise from north). */
export function geodesicDestination(lon: number, lat: number, azimuthDeg: number, distanceM: number): [number, number] {
  const r = WGS84.Direct(lat, lon, azimuthDeg, distanceM, POSITION);
  return [r.lon2 ?? Number.NaN, r.lat2 ?? Number.NaN];
}

/**
 * Points strictly between two vertices along the geodesic joining them, spaced at most `maxStepM`
 * apart ([] when the edge is already that short). Longitudes come back in [-180, 180].
 */
export function geodesicInteriorPoints(
  lon1: number,
  lat1: number,
  lon2: number,
  lat2: number,
  maxStepM: number,
): [number, number][] {
  const line = WGS84.InverseLine(lat1, lon1, lat2, lon2, POSITION | lib.Geodesic.DISTANCE_IN);
  const pieces = Math.ceil(line.s13 / maxStepM);
  const out: [number, number][] = [];
  for (let k = 1; k < pieces; k++) {
    const p = line.Position((line.s13 * k) / pieces, POSITION);
    out.push([p.lon2 ?? Number.NaN, p.lat2 ?? Number.NaN]);
  }
  return out;
}
