// How far across an area is: the greatest distance between two of its points. A dry run may look
// at no more than a small area (lib/validation/operation.ts), so this is measured on every probe:
// one pass over the vertices settles nearly every case, the exact pairwise pass runs only when the
// answer is close to the limit.
import { distance3, toEcef, type Vec3 } from "./ellipsoid";
import type { Area } from "./types";

/**
 * Whether every two points of `area` lie within `maxM` metres of each other (straight-line,
 * which for areas tens of kilometres across is within centimetres of the geodesic distance).
 * A polygon's farthest points are vertices; a (multi)polygon is judged as a whole.
 */
export function areaFitsAcross(area: Area, maxM: number): boolean {
  if (area.kind === "CIRCLE") return 2 * area.radiusM <= maxM;
  const rings = area.geometry.type === "Polygon" ? area.geometry.coordinates : area.geometry.coordinates.flat();
  const pts: Vec3[] = [];
  for (const ring of rings) for (const [lon, lat] of ring) pts.push(toEcef(lon, lat));
  if (pts.length === 0) return true;
  // Every point lies within r of the first, so the extent is between r and 2r.
  let r = 0;
  for (const p of pts) r = Math.max(r, distance3(p, pts[0]));
  if (2 * r <= maxM) return true;
  if (r > maxM) return false;
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) if (distance3(pts[i], pts[j]) > maxM) return false;
  }
  return true;
}
