// Reference distances for the tests, computed straight from GeographicLib (not through the
// engine's wrapper): point to geodesic edge by sampling the edge and refining by golden section.
import * as geographiclib from "geographiclib-geodesic";
import type { LonLat } from "./types";

type GeographicLib = typeof geographiclib;
const lib: GeographicLib = (geographiclib as unknown as { default?: GeographicLib }).default ?? geographiclib;
const G = lib.Geodesic.WGS84;
const CAPS = lib.Geodesic.LATITUDE | lib.Geodesic.LONGITUDE | lib.Geodesic.DISTANCE_IN;

export function referenceDistance(p: LonLat, q: LonLat): number {
  return G.Inverse(p[1], p[0], q[1], q[0]).s12!;
}

/** Minimises f over [0, 1]: coarse samples, then golden section around the best one. */
function minimise(f: (t: number) => number, samples = 24): { t: number; v: number } {
  let bestK = 0,
    best = Infinity;
  for (let k = 0; k <= samples; k++) {
    const v = f(k / samples);
    if (v < best) [best, bestK] = [v, k];
  }
  let lo = Math.max(0, (bestK - 1) / samples),
    hi = Math.min(1, (bestK + 1) / samples);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo),
    x2 = lo + g * (hi - lo);
  let f1 = f(x1),
    f2 = f(x2);
  for (let i = 0; i < 50; i++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = f(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = f(x2);
    }
  }
  const v = Math.min(best, f1, f2);
  return { t: v === f1 ? x1 : x2, v };
}

function edgePoint(a: LonLat, b: LonLat): (t: number) => LonLat {
  const line = G.InverseLine(a[1], a[0], b[1], b[0], CAPS);
  return (t) => {
    const r = line.Position(t * line.s13, CAPS);
    return [r.lon2!, r.lat2!];
  };
}

/** The point a fraction t of the way along the geodesic from a to b. */
export function pointAlong(a: LonLat, b: LonLat, t: number): LonLat {
  return edgePoint(a, b)(t);
}

/** The middle of the geodesic from a to b, and the azimuth of travel there. */
export function midpointOf(a: LonLat, b: LonLat): { point: LonLat; azimuth: number } {
  const line = G.InverseLine(a[1], a[0], b[1], b[0], CAPS | lib.Geodesic.AZIMUTH);
  const r = line.Position(line.s13 / 2, CAPS | lib.Geodesic.AZIMUTH);
  return { point: [r.lon2!, r.lat2!], azimuth: r.azi2! };
}

export function referencePointToEdge(p: LonLat, a: LonLat, b: LonLat): number {
  const at = edgePoint(a, b);
  return minimise((t) => referenceDistance(p, at(t))).v;
}

/** Shortest distance between two geodesic edges that do not cross. */
export function referenceEdgeToEdge(a: LonLat, b: LonLat, c: LonLat, d: LonLat): number {
  const at = edgePoint(a, b);
  return minimise((t) => referencePointToEdge(at(t), c, d), 12).v;
}

/** Shortest distance between the boundaries of two rings. */
export function referenceRingToRing(r1: LonLat[], r2: LonLat[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < r1.length; i++) {
    for (let j = 0; j + 1 < r2.length; j++)
      best = Math.min(best, referenceEdgeToEdge(r1[i], r1[i + 1], r2[j], r2[j + 1]));
  }
  return best;
}
