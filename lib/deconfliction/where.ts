// Roughly where two conflicting areas meet, so a counterpart learns *where* the overlap is without
// learning the other area: the middle of the overlap (or of the gap between the areas), rounded to
// about 100 m. An approximation by design — measured in a tangent plane between the areas, with
// circles drawn as 64-sided polygons — that the exact facts (distance, intersection) never use.
import { ecefToLonLat, frameToward, type Frame } from "./ellipsoid";
import { geodesicDestination } from "./geodesic";
import { indexIn } from "./measure";
import { prepareArea, type PreparedPolygon } from "./prepared-area";
import { containsPoint, nearestSegment, type SegmentIndex } from "./segment-index";
import type { Area, LonLat } from "./types";

const CIRCLE_SIDES = 64;
/** Rounding step in degrees: 0.001° of latitude is about 111 m. */
const STEP = 0.001;

function asPolygon(area: Area): PreparedPolygon {
  if (area.kind === "POLYGON") return prepareArea(area) as PreparedPolygon;
  const ring: LonLat[] = [];
  for (let k = 0; k < CIRCLE_SIDES; k++) ring.push(geodesicDestination(area.center[0], area.center[1], (360 * k) / CIRCLE_SIDES, area.radiusM));
  ring.push(ring[0]);
  return prepareArea({ kind: "POLYGON", geometry: { type: "Polygon", coordinates: [ring] } }) as PreparedPolygon;
}

type Pt = [number, number];

function pointOn(ix: SegmentIndex, seg: number, t: number): Pt {
  const i = ix.starts[seg];
  return [ix.xs[i] + t * (ix.xs[i + 1] - ix.xs[i]), ix.ys[i] + t * (ix.ys[i + 1] - ix.ys[i])];
}

/** The closest pair of boundary points (one from each), and their distance in the plane. */
function closestPair(a: SegmentIndex, b: SegmentIndex): { d: number; p: Pt; q: Pt } | null {
  let best: { d: number; p: Pt; q: Pt } | null = null;
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    for (let k = 0; k < from.xs.length; k++) {
      const near = nearestSegment(to, from.xs[k], from.ys[k], best ? best.d : Infinity);
      if (near && (!best || near.d < best.d)) best = { d: near.d, p: [from.xs[k], from.ys[k]], q: pointOn(to, near.seg, near.t) };
    }
  }
  return best;
}

function lift(frame: Frame, [x, y]: Pt): LonLat {
  const o = frame.origin, e = frame.east, n = frame.north;
  return ecefToLonLat([o[0] + x * e[0] + y * n[0], o[1] + x * e[1] + y * n[1], o[2] + x * e[2] + y * n[2]]);
}

function generalise([lon, lat]: LonLat): LonLat {
  const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
  const r = (v: number) => Math.round(v / STEP) * STEP;
  return [Number(r(wrapped).toFixed(3)), Number(r(lat).toFixed(3))];
}

export function conflictWhere(a: Area, b: Area): LonLat | null {
  const pa = asPolygon(a);
  const pb = asPolygon(b);
  const frame = frameToward([pa.capCenter[0] + pb.capCenter[0], pa.capCenter[1] + pb.capCenter[1], pa.capCenter[2] + pb.capCenter[2]]);
  const ia = indexIn(frame, pa);
  const ib = indexIn(frame, pb);
  const inside: Pt[] = [];
  for (let k = 0; k < ia.xs.length; k++) if (containsPoint(ib, ia.xs[k], ia.ys[k])) inside.push([ia.xs[k], ia.ys[k]]);
  for (let k = 0; k < ib.xs.length; k++) if (containsPoint(ia, ib.xs[k], ib.ys[k])) inside.push([ib.xs[k], ib.ys[k]]);
  const pair = closestPair(ia, ib);
  if (pair && pair.d < 1) inside.push(pair.p);
  let at: Pt;
  if (inside.length > 0) {
    at = [inside.reduce((s, p) => s + p[0], 0) / inside.length, inside.reduce((s, p) => s + p[1], 0) / inside.length];
  } else if (pair) {
    at = [(pair.p[0] + pair.q[0]) / 2, (pair.p[1] + pair.q[1]) / 2];
  } else {
    return null;
  }
  const [lon, lat] = lift(frame, at);
  return Number.isFinite(lon) && Number.isFinite(lat) ? generalise([lon, lat]) : null;
}
