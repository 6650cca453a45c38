// Shared measuring steps: projecting a prepared polygon into a frame, the local gap between two
// edges, and turning a point on an edge's chord back into [lon, lat] for an exact geodesic distance.
import { distance3, ecefToLonLat, projectAll, WGS84_E2, type Frame } from "./ellipsoid";
import { geodesicDistance } from "./geodesic";
import { segmentGap } from "./planar";
import type { PreparedArea, PreparedPolygon } from "./prepared-area";
import { buildSegmentIndex, type SegmentIndex } from "./segment-index";

/** Boundaries closer than this (metres) touch: the areas intersect and their distance is 0. */
export const TOUCH_M = 0.05;

/** A lower bound on the geodesic distance between two areas, from their bounding caps. */
export function capGap(a: PreparedArea, b: PreparedArea): number {
  return distance3(a.capCenter, b.capCenter) - a.capRadiusM - b.capRadiusM;
}

export function indexIn(frame: Frame, p: PreparedPolygon): SegmentIndex {
  const { xs, ys } = projectAll(frame, p.xyz);
  return buildSegmentIndex({ xs, ys, starts: p.starts, pads: p.pads });
}

/** [lon, lat] of the surface point over the point a fraction t along the chord from point i to i + 1. */
export function liftOnChord(p: PreparedPolygon, i: number, t: number): [number, number] {
  const x = p.xyz[3 * i] + t * (p.xyz[3 * i + 3] - p.xyz[3 * i]);
  const y = p.xyz[3 * i + 1] + t * (p.xyz[3 * i + 4] - p.xyz[3 * i + 1]);
  const z = p.xyz[3 * i + 2] + t * (p.xyz[3 * i + 5] - p.xyz[3 * i + 2]);
  return ecefToLonLat([x, y, z]);
}

export type EdgePair = { d: number; ia: number; ta: number; ib: number; tb: number };

/**
 * The gap between edge ia of A and edge ib of B, measured in the tangent plane at the edges
 * themselves. There the surface normals differ from the plane's by about the edges' own extent
 * over the earth's radius, so the result is within (extent / R)² of the true geodesic gap.
 */
export function localGap(a: PreparedPolygon, ia: number, b: PreparedPolygon, ib: number): EdgePair {
  const A = a.xyz,
    B = b.xyz;
  const mx = A[3 * ia] + A[3 * ia + 3] + B[3 * ib] + B[3 * ib + 3];
  const my = A[3 * ia + 1] + A[3 * ia + 4] + B[3 * ib + 1] + B[3 * ib + 4];
  const mz = A[3 * ia + 2] + A[3 * ia + 5] + B[3 * ib + 2] + B[3 * ib + 5];
  // The ellipsoid's normal at (x, y, z) points along (x, y, z / (1 - e²)).
  const nz0 = mz / (1 - WGS84_E2);
  const nl = Math.hypot(mx, my, nz0);
  const ux = mx / nl,
    uy = my / nl,
    uz = nz0 / nl;
  // East-like axis: perpendicular to the normal and the polar axis (any axis will do at a pole).
  let ex = -uy,
    ey = ux,
    ez = 0;
  let el = Math.hypot(ex, ey);
  if (el < 1e-9) [ex, ey, ez, el] = [1, 0, 0, 1];
  ex /= el;
  ey /= el;
  ez /= el;
  const nx = uy * ez - uz * ey,
    ny = uz * ex - ux * ez,
    nz = ux * ey - uy * ex;
  const px = (v: Float64Array, k: number) => v[3 * k] * ex + v[3 * k + 1] * ey + v[3 * k + 2] * ez;
  const py = (v: Float64Array, k: number) => v[3 * k] * nx + v[3 * k + 1] * ny + v[3 * k + 2] * nz;
  const g = segmentGap(
    px(A, ia),
    py(A, ia),
    px(A, ia + 1),
    py(A, ia + 1),
    px(B, ib),
    py(B, ib),
    px(B, ib + 1),
    py(B, ib + 1),
  );
  return { d: g.d, ia, ta: g.ta, ib, tb: g.tb };
}

/** The exact geodesic distance between the two points a local gap found. */
export function exactGap(a: PreparedPolygon, b: PreparedPolygon, pair: EdgePair): number {
  const [lon1, lat1] = liftOnChord(a, pair.ia, pair.ta);
  const [lon2, lat2] = liftOnChord(b, pair.ib, pair.tb);
  return geodesicDistance(lon1, lat1, lon2, lat2);
}
