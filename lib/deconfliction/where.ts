// Roughly where two conflicting areas meet, so a counterpart learns *where* the overlap is without
// learning the other area: the middle of the overlap (or of the gap between the areas), rounded to
// about 100 m. An approximation by design, measured in the tangent plane between the areas (which
// shortens nothing by more than a few metres at these sizes); the exact facts — distance,
// intersection, containment — come from the engine and are passed in.
import { ecefToLonLat, frameToward, projectAll, toEcef, type Frame, type Vec3 } from "./ellipsoid";
import { indexIn } from "./measure";
import { prepareArea, type PreparedPolygon } from "./prepared-area";
import { nearestSegment, type SegmentIndex } from "./segment-index";
import type { Area, Containment, LonLat } from "./types";

/** Rounding step in degrees: 0.001° of latitude is about 111 m. */
const STEP = 0.001;

type Pt = [number, number];
type Flat =
  | { kind: "CIRCLE"; c: Pt; r: number; box: [number, number, number, number] }
  | { kind: "POLYGON"; ix: SegmentIndex; box: [number, number, number, number] };

function flatten(area: Area, frame: Frame): Flat {
  if (area.kind === "CIRCLE") {
    const { xs, ys } = projectAll(frame, Float64Array.from(toEcef(area.center[0], area.center[1])));
    const c: Pt = [xs[0], ys[0]];
    return {
      kind: "CIRCLE",
      c,
      r: area.radiusM,
      box: [c[0] - area.radiusM, c[1] - area.radiusM, c[0] + area.radiusM, c[1] + area.radiusM],
    };
  }
  const ix = indexIn(frame, prepareArea(area) as PreparedPolygon);
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let k = 0; k < ix.xs.length; k++) {
    x0 = Math.min(x0, ix.xs[k]);
    x1 = Math.max(x1, ix.xs[k]);
    y0 = Math.min(y0, ix.ys[k]);
    y1 = Math.max(y1, ix.ys[k]);
  }
  return { kind: "POLYGON", ix, box: [x0, y0, x1, y1] };
}

const centre = (b: [number, number, number, number]): Pt => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
const mid = (p: Pt, q: Pt): Pt => [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];

function pointOn(ix: SegmentIndex, seg: number, t: number): Pt {
  const i = ix.starts[seg];
  return [ix.xs[i] + t * (ix.xs[i + 1] - ix.xs[i]), ix.ys[i] + t * (ix.ys[i + 1] - ix.ys[i])];
}

/** The nearest boundary point of a polygon to a point. */
function nearestOn(ix: SegmentIndex, p: Pt): Pt | null {
  const near = nearestSegment(ix, p[0], p[1], Infinity);
  return near ? pointOn(ix, near.seg, near.t) : null;
}

/** The closest pair of boundary points, one on each area (for areas that do not meet). */
function closestPair(a: Flat, b: Flat): [Pt, Pt] | null {
  if (a.kind === "CIRCLE" && b.kind === "CIRCLE") {
    const d = Math.hypot(b.c[0] - a.c[0], b.c[1] - a.c[1]) || 1;
    const u: Pt = [(b.c[0] - a.c[0]) / d, (b.c[1] - a.c[1]) / d];
    return [
      [a.c[0] + u[0] * a.r, a.c[1] + u[1] * a.r],
      [b.c[0] - u[0] * b.r, b.c[1] - u[1] * b.r],
    ];
  }
  if (a.kind === "CIRCLE" || b.kind === "CIRCLE") {
    const [circle, poly] = (a.kind === "CIRCLE" ? [a, b] : [b, a]) as [
      Extract<Flat, { kind: "CIRCLE" }>,
      Extract<Flat, { kind: "POLYGON" }>,
    ];
    const q = nearestOn(poly.ix, circle.c);
    if (!q) return null;
    const d = Math.hypot(q[0] - circle.c[0], q[1] - circle.c[1]) || 1;
    return [
      [circle.c[0] + ((q[0] - circle.c[0]) / d) * circle.r, circle.c[1] + ((q[1] - circle.c[1]) / d) * circle.r],
      q,
    ];
  }
  let best: { d: number; p: Pt; q: Pt } | null = null;
  for (const [from, to] of [
    [a.ix, b.ix],
    [b.ix, a.ix],
  ] as const) {
    for (let k = 0; k < from.xs.length; k++) {
      const near = nearestSegment(to, from.xs[k], from.ys[k], best ? best.d : Infinity);
      if (near && (!best || near.d < best.d))
        best = { d: near.d, p: [from.xs[k], from.ys[k]], q: pointOn(to, near.seg, near.t) };
    }
  }
  return best ? [best.p, best.q] : null;
}

function lift(frame: Frame, [x, y]: Pt): LonLat {
  const o = frame.origin,
    e = frame.east,
    n = frame.north;
  return ecefToLonLat([o[0] + x * e[0] + y * n[0], o[1] + x * e[1] + y * n[1], o[2] + x * e[2] + y * n[2]]);
}

function generalise([lon, lat]: LonLat): LonLat {
  const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
  const r = (v: number) => Number((Math.round(v / STEP) * STEP).toFixed(3));
  return [r(wrapped), r(lat)];
}

function capOf(area: Area): Vec3 {
  return prepareArea(area).capCenter;
}

/**
 * Where the overlap is: inside the smaller area when one holds the other, else the middle of the
 * two boxes' common part when the areas meet, else midway across the gap between them.
 */
export function conflictWhere(
  a: Area,
  b: Area,
  facts: { areasIntersect: boolean; containment: Containment },
): LonLat | null {
  const ca = capOf(a),
    cb = capOf(b);
  const frame = frameToward([ca[0] + cb[0], ca[1] + cb[1], ca[2] + cb[2]]);
  const fa = flatten(a, frame);
  const fb = flatten(b, frame);
  let at: Pt | null;
  if (facts.containment !== "NONE") {
    const inner = facts.containment === "A_CONTAINS_B" ? fb : fa;
    at = inner.kind === "CIRCLE" ? inner.c : centre(inner.box);
  } else if (facts.areasIntersect) {
    at = centre([
      Math.max(fa.box[0], fb.box[0]),
      Math.max(fa.box[1], fb.box[1]),
      Math.min(fa.box[2], fb.box[2]),
      Math.min(fa.box[3], fb.box[3]),
    ]);
  } else {
    const pair = closestPair(fa, fb);
    at = pair ? mid(pair[0], pair[1]) : null;
  }
  if (!at) return null;
  const [lon, lat] = lift(frame, at);
  return Number.isFinite(lon) && Number.isFinite(lat) ? generalise([lon, lat]) : null;
}
