// Polygon against polygon: how close the boundaries come, whether the areas meet, and whether
// one holds the other. Work happens in one tangent plane centred between the two areas (it keeps
// the topology of anything within a hemisphere); distances are re-measured locally and confirmed
// with an exact geodesic distance.
import { frameToward } from "./ellipsoid";
import { capGap, exactGap, indexIn, localGap, TOUCH_M, type EdgePair } from "./measure";
import { segmentDistance } from "./planar";
import type { PreparedPolygon } from "./prepared-area";
import { containsPoint, forEachNearPair, nearestSegment, type SegmentIndex } from "./segment-index";
import type { SpatialFacts } from "./spatial";

export function relatePolygons(a: PreparedPolygon, b: PreparedPolygon, bufferM: number): SpatialFacts | null {
  if (capGap(a, b) > bufferM) return null;
  const [ca, cb] = [a.capCenter, b.capCenter];
  const frame = frameToward([ca[0] + cb[0], ca[1] + cb[1], ca[2] + cb[2]]);
  const ia = indexIn(frame, a);
  const ib = indexIn(frame, b);

  let best = bufferM + TOUCH_M;
  let closest: EdgePair | null = null;
  let touching = false;
  forEachNearPair(
    ia,
    ib,
    () => (touching ? -1 : best),
    (sa, sb) => {
      if (touching) return;
      const i = a.starts[sa],
        j = b.starts[sb];
      const d = segmentDistance(
        ia.xs[i],
        ia.ys[i],
        ia.xs[i + 1],
        ia.ys[i + 1],
        ib.xs[j],
        ib.ys[j],
        ib.xs[j + 1],
        ib.ys[j + 1],
      );
      // The shared plane never lengthens a gap, so this is a safe lower bound for pruning.
      if (d - a.pads[sa] - b.pads[sb] > best) return;
      const local = localGap(a, i, b, j);
      if (local.d <= TOUCH_M) touching = true;
      else if (local.d < best) {
        best = local.d;
        closest = local;
      }
    },
  );

  if (touching) {
    const aHoldsB = holds(ia, ib);
    const bHoldsA = !aHoldsB && holds(ib, ia);
    return {
      minDistanceM: 0,
      areasIntersect: true,
      containment: aHoldsB ? "A_CONTAINS_B" : bHoldsA ? "B_CONTAINS_A" : "NONE",
    };
  }

  // Boundaries apart: each ring lies wholly inside or outside the other area, so one vertex a ring decides.
  const bInA = ringsInside(b, ib, ia);
  const aInB = ringsInside(a, ia, ib);
  if (bInA.some || aInB.some) {
    const containment = bInA.all && !aInB.some ? "A_CONTAINS_B" : aInB.all && !bInA.some ? "B_CONTAINS_A" : "NONE";
    return { minDistanceM: 0, areasIntersect: true, containment };
  }
  if (closest === null) return null;
  const minDistanceM = exactGap(a, b, closest);
  return minDistanceM <= bufferM ? { minDistanceM, areasIntersect: false, containment: "NONE" } : null;
}

function ringsInside(p: PreparedPolygon, own: SegmentIndex, other: SegmentIndex): { some: boolean; all: boolean } {
  let some = false;
  let all = true;
  for (let r = 0; r + 1 < p.ringStart.length; r++) {
    const i = p.ringStart[r];
    const inside = containsPoint(other, own.xs[i], own.ys[i]);
    some ||= inside;
    all &&= inside;
  }
  return { some, all };
}

/**
 * With touching boundaries, outer holds inner when every vertex and edge midpoint of inner is
 * inside outer or on its boundary, and no vertex or edge midpoint of outer lies inside inner away
 * from inner's boundary. (Exact degenerate cases, an edge passing exactly through vertices, are
 * judged by these sample points only.)
 */
function holds(outer: SegmentIndex, inner: SegmentIndex): boolean {
  const onBoundary = (ix: SegmentIndex, x: number, y: number) => nearestSegment(ix, x, y, TOUCH_M) !== null;
  const innerOk = (x: number, y: number) => containsPoint(outer, x, y) || onBoundary(outer, x, y);
  const outerOk = (x: number, y: number) => !containsPoint(inner, x, y) || onBoundary(inner, x, y);
  return everySample(inner, innerOk) && everySample(outer, outerOk);
}

/** Whether `ok` holds at every vertex and every edge midpoint of the index. */
function everySample(ix: SegmentIndex, ok: (x: number, y: number) => boolean): boolean {
  for (let s = 0; s < ix.starts.length; s++) {
    const i = ix.starts[s];
    if (!ok(ix.xs[i], ix.ys[i]) || !ok((ix.xs[i] + ix.xs[i + 1]) / 2, (ix.ys[i] + ix.ys[i + 1]) / 2)) return false;
  }
  return true;
}
