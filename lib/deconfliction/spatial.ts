// The spatial half of a conflict: do two areas come within a buffer of each other, how close, do
// they meet, and does one hold the other.
//
// How distances are measured, and why they are exact enough:
// - Circles are geodesic circles (every point within radiusM of the centre), so circle-to-circle is
//   GeographicLib's exact distance between centres minus the radii, and circle-to-polygon is the
//   exact distance from the centre to the polygon's boundary minus the radius.
// - Polygon edges are geodesics, cut at MAX_EDGE_M (1 km) so each straight 3-D chord stays within
//   2 cm of its edge. Points are projected orthographically onto the tangent plane at the pair (at
//   a circle's centre). That projection is linear (chords stay straight segments, so segment
//   geometry is plain plane geometry), never lengthens a distance (so pruning with a bounding-box
//   hierarchy misses nothing), and keeps the topology of a whole hemisphere (intersection,
//   containment, the antimeridian and the poles need no special case).
// - Candidate edge pairs are re-measured in the tangent plane at the edges themselves, where the
//   error is under (d / R)², about 6·10⁻⁵ of the distance at 50 km. The winning pair's two points are
//   lifted onto the ellipsoid and measured with GeographicLib's exact inverse: minDistanceM is an
//   exact geodesic distance between two boundary points, never below the true minimum, and in the
//   tests within micrometres of GeographicLib's own answer from 10 m to 50 km, at latitudes to ±80°.
//
// Limits, stated plainly: each area must lie within a hemisphere of the pair (validation keeps
// polygons within 1,000 km of their centre); boundaries closer than TOUCH_M (5 cm) touch; when
// boundaries touch, containment is judged at vertices and edge midpoints, so an edge running
// exactly through the other area's vertices can mislead it; MultiPolygon parts sharing an edge
// exactly (a split at the antimeridian) count as one area, parts touching along differently cut
// edges do not.
import { frameAt, MIN_CURVATURE_RADIUS_M } from "./ellipsoid";
import { geodesicDistance } from "./geodesic";
import { capGap, indexIn, liftOnChord, TOUCH_M } from "./measure";
import type { PreparedArea, PreparedCircle, PreparedPolygon } from "./prepared-area";
import { relatePolygons } from "./relate-polygons";
import { containsPoint, nearestSegment, type SegmentIndex } from "./segment-index";
import type { Containment } from "./types";

export type SpatialFacts = { minDistanceM: number; areasIntersect: boolean; containment: Containment };

/** Facts when the areas come within bufferM of each other, else null. Equal areas count as A holding B. */
export function relateAreas(a: PreparedArea, b: PreparedArea, bufferM: number): SpatialFacts | null {
  if (a.kind === "CIRCLE" && b.kind === "CIRCLE") return relateCircles(a, b, bufferM);
  if (a.kind === "POLYGON" && b.kind === "POLYGON") return relatePolygons(a, b, bufferM);
  if (a.kind === "CIRCLE" && b.kind === "POLYGON") return relateCirclePolygon(a, b, bufferM, false);
  return relateCirclePolygon(b as PreparedCircle, a as PreparedPolygon, bufferM, true);
}

function relateCircles(a: PreparedCircle, b: PreparedCircle, bufferM: number): SpatialFacts | null {
  if (capGap(a, b) > bufferM) return null;
  const centres = geodesicDistance(a.lon, a.lat, b.lon, b.lat);
  const gap = centres - a.radiusM - b.radiusM;
  if (gap > bufferM) return null;
  const areasIntersect = gap <= TOUCH_M;
  const containment =
    centres + b.radiusM <= a.radiusM + TOUCH_M
      ? "A_CONTAINS_B"
      : centres + a.radiusM <= b.radiusM + TOUCH_M
        ? "B_CONTAINS_A"
        : "NONE";
  return { minDistanceM: areasIntersect ? 0 : gap, areasIntersect, containment };
}

/** `swapped`: the polygon is A and the circle is B. */
function relateCirclePolygon(
  c: PreparedCircle,
  p: PreparedPolygon,
  bufferM: number,
  swapped: boolean,
): SpatialFacts | null {
  if (capGap(c, p) > bufferM) return null;
  const ix = indexIn(frameAt(c.lon, c.lat), p);
  const centreInside = containsPoint(ix, 0, 0);
  // The plane at the centre never lengthens a distance, so a search to this reach misses nothing.
  const near = nearestSegment(ix, 0, 0, c.radiusM + bufferM + TOUCH_M);
  let boundaryM = Infinity;
  if (near) {
    const [lon, lat] = liftOnChord(p, p.starts[near.seg], near.t);
    boundaryM = geodesicDistance(c.lon, c.lat, lon, lat);
  }
  const gap = boundaryM - c.radiusM;
  if (!centreInside && gap > bufferM) return null;
  const areasIntersect = centreInside || gap <= TOUCH_M;
  const polygonHolds = centreInside && gap >= -TOUCH_M;
  const circleHolds = areasIntersect && !polygonHolds && allWithin(c, p, ix);
  const holder = polygonHolds ? "POLYGON" : circleHolds ? "CIRCLE" : null;
  const containment: Containment =
    holder === null ? "NONE" : (holder === "CIRCLE") !== swapped ? "A_CONTAINS_B" : "B_CONTAINS_A";
  return { minDistanceM: areasIntersect ? 0 : gap, areasIntersect, containment };
}

/** Whether every point of the polygon lies within the circle (a geodesic disk is convex, so vertices decide). */
function allWithin(c: PreparedCircle, p: PreparedPolygon, ix: SegmentIndex): boolean {
  const limit = c.radiusM + TOUCH_M;
  // Planar distances from the centre run short by less than (r / R)² / 2 of themselves, so only
  // vertices that near the limit need the exact distance.
  const sure = limit * (1 - (limit / MIN_CURVATURE_RADIUS_M) ** 2);
  for (let i = 0; i < ix.xs.length; i++) {
    const planar = Math.hypot(ix.xs[i], ix.ys[i]);
    if (planar > limit) return false;
    if (planar > sure && geodesicDistance(c.lon, c.lat, p.lonLat[2 * i], p.lonLat[2 * i + 1]) > limit) return false;
  }
  return true;
}
