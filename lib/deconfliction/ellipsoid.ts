// WGS84 earth-centred coordinates and the local tangent-plane frame the engine measures in.
// Pure arithmetic (no geodesic library) so the browser-side validation can share it.

export const WGS84_A = 6_378_137;
export const WGS84_F = 1 / 298.257223563;
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);
/** The smallest radius of curvature anywhere on the ellipsoid (meridian, at the equator). */
export const MIN_CURVATURE_RADIUS_M = WGS84_A * (1 - WGS84_E2);
/** The largest radius of curvature (at the poles). */
export const MAX_CURVATURE_RADIUS_M = WGS84_A / Math.sqrt(1 - WGS84_E2);

const RAD = Math.PI / 180;

export type Vec3 = [number, number, number];

/** A surface point (height 0) in earth-centred, earth-fixed metres. */
export function toEcef(lon: number, lat: number): Vec3 {
  const sinLat = Math.sin(lat * RAD);
  const cosLat = Math.cos(lat * RAD);
  const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
  return [n * cosLat * Math.cos(lon * RAD), n * cosLat * Math.sin(lon * RAD), n * (1 - WGS84_E2) * sinLat];
}

/**
 * Longitude and geodetic latitude of the surface point below (or above) an ECEF point near the
 * surface. Three fixed-point steps reach sub-millimetre accuracy for heights of a few kilometres,
 * and the form stays stable at the poles.
 */
export function ecefToLonLat([x, y, z]: Vec3): [number, number] {
  const p = Math.hypot(x, y);
  let lat = Math.atan2(z, p * (1 - WGS84_E2));
  for (let i = 0; i < 3; i++) {
    const s = Math.sin(lat);
    const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * s * s);
    lat = Math.atan2(z + WGS84_E2 * n * s, p);
  }
  return [p === 0 ? 0 : Math.atan2(y, x) / RAD, lat / RAD];
}

/**
 * The tangent plane at a surface point, with east (x) and north (y) axes in metres. Points are
 * projected orthogonally onto it: a straight 3-D chord stays a straight segment, the plane covers
 * a whole hemisphere without folding, and the projection never lengthens a distance.
 */
export type Frame = {
  origin: Vec3;
  east: Vec3;
  north: Vec3;
  up: Vec3;
};

export function frameAt(lon: number, lat: number): Frame {
  const sl = Math.sin(lon * RAD);
  const cl = Math.cos(lon * RAD);
  const sp = Math.sin(lat * RAD);
  const cp = Math.cos(lat * RAD);
  return {
    origin: toEcef(lon, lat),
    east: [-sl, cl, 0],
    north: [-sp * cl, -sp * sl, cp],
    up: [cp * cl, cp * sl, sp],
  };
}

/** The frame at the surface point nearest the direction of an ECEF vector (e.g. a mean of points). */
export function frameToward(v: Vec3): Frame {
  const [lon, lat] = ecefToLonLat(v);
  return frameAt(lon, lat);
}

function projectX(f: Frame, x: number, y: number, z: number): number {
  return f.east[0] * (x - f.origin[0]) + f.east[1] * (y - f.origin[1]) + f.east[2] * (z - f.origin[2]);
}

function projectY(f: Frame, x: number, y: number, z: number): number {
  return f.north[0] * (x - f.origin[0]) + f.north[1] * (y - f.origin[1]) + f.north[2] * (z - f.origin[2]);
}

/** Projects a flat xyz array (3 numbers a point) into the frame. */
export function projectAll(f: Frame, xyz: Float64Array): { xs: Float64Array; ys: Float64Array } {
  const n = xyz.length / 3;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = xyz[3 * i],
      y = xyz[3 * i + 1],
      z = xyz[3 * i + 2];
    xs[i] = projectX(f, x, y, z);
    ys[i] = projectY(f, x, y, z);
  }
  return { xs, ys };
}

export function distance3(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

export function chordLength(xyz: Float64Array, i: number, j: number): number {
  return Math.hypot(xyz[3 * i] - xyz[3 * j], xyz[3 * i + 1] - xyz[3 * j + 1], xyz[3 * i + 2] - xyz[3 * j + 2]);
}

/**
 * How far a geodesic edge can stand off the straight chord between its ends: a curve whose
 * curvature never exceeds 1/R departs from its chord of length L by at most L²/(8R).
 */
export function sagBound(chord: number): number {
  return (chord * chord) / (8 * MIN_CURVATURE_RADIUS_M);
}
