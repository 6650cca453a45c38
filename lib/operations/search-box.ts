// Bounding boxes for the candidate search and the write locks: an area's box widened by a
// distance, conservatively (never smaller than the true buffer on the WGS84 ellipsoid; see
// lib/deconfliction/bbox.ts). Longitudes may run past 180 for boxes across the antimeridian; a
// box that reaches a pole or wraps the whole globe spans every longitude.
import { expandBBox, type BBox } from "../deconfliction/bbox";

export type Box = BBox;

/** Covers rounding and the engine's own tolerance. */
const SAFETY_M = 5;

export const WORLD: Box = { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 };

/** Puts minLon in [-180, 180) and keeps the width at most 360. */
export function normalizeBox(b: Box): Box {
  const minLat = Math.max(-90, Math.min(90, b.minLat));
  const maxLat = Math.max(-90, Math.min(90, b.maxLat));
  if (b.maxLon - b.minLon >= 360) return { minLon: -180, maxLon: 180, minLat, maxLat };
  const shift = Math.floor((b.minLon + 180) / 360) * 360;
  return { minLon: b.minLon - shift, maxLon: b.maxLon - shift, minLat, maxLat };
}

/** The box grown by `meters` in every direction (plus a small safety margin), normalized. */
export function widenBox(b: Box, meters: number): Box {
  return normalizeBox(expandBBox(b, Math.max(0, meters) + SAFETY_M));
}

/** The box and its copies one turn east and west, so a query matches across the antimeridian. */
export function wrappedCopies(b: Box): Box[] {
  const n = normalizeBox(b);
  if (n.maxLon - n.minLon >= 360) return [n];
  return [
    n,
    { ...n, minLon: n.minLon - 360, maxLon: n.maxLon - 360 },
    { ...n, minLon: n.minLon + 360, maxLon: n.maxLon + 360 },
  ];
}

export function boxesOverlap(a: Box, other: Box): boolean {
  const b = normalizeBox(other);
  return wrappedCopies(a).some(
    (c) => c.minLon <= b.maxLon && c.maxLon >= b.minLon && c.minLat <= b.maxLat && c.maxLat >= b.minLat,
  );
}
