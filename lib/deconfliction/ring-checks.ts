// Geometric validity of one polygon's rings (shell first, then holes): the checks that need
// geometry rather than types. Rings are examined in the tangent plane at the shell's centre, where
// edges are straight chords, so rings crossing the antimeridian or circling a pole need no special
// case. Indices in the results are 0-based; edge k runs from vertex k to vertex k + 1.
import { distance3, frameToward, projectAll, toEcef, type Vec3 } from "./ellipsoid";
import { ringArea2, segmentDistance } from "./planar";
import { buildSegmentIndex, containsPoint, forEachNearPair } from "./segment-index";

export type RingProblem =
  | { kind: "tooLarge" }
  | { kind: "tooFewPoints"; ring: number; count: number }
  | { kind: "selfIntersection"; ring: number; edge: number; otherEdge: number }
  | { kind: "ringsIntersect"; ring: number; edge: number; otherRing: number; otherEdge: number }
  | { kind: "zeroArea"; ring: number }
  | { kind: "holeOutsideShell"; ring: number };

/** Points closer than this (m) are the same point; edges closer than this touch. */
const SAME_M = 0.001;
const MIN_AREA_M2 = 1;
const MAX_PROBLEMS = 10;

type Ring = { xyz: Float64Array; vertex: number[] };

/** `rings`: closed rings of finite, in-range [lon, lat] positions. */
export function checkPolygonRings(rings: readonly (readonly number[])[][], maxRadiusM: number): RingProblem[] {
  const problems: RingProblem[] = [];
  // Consecutive repeated positions are allowed; they are dropped before the geometry is judged.
  const clean: Ring[] = rings.map((ring) => {
    const pts: Vec3[] = [];
    const vertex: number[] = [];
    ring.forEach(([lon, lat], i) => {
      const p = toEcef(lon, lat);
      if (pts.length === 0 || distance3(p, pts[pts.length - 1]) > SAME_M) {
        pts.push(p);
        vertex.push(i);
      }
    });
    return { xyz: Float64Array.from(pts.flat()), vertex };
  });
  clean.forEach((r, ring) => {
    const distinct = new Set<string>();
    for (let i = 0; i < r.xyz.length; i += 3)
      distinct.add(
        `${Math.round(r.xyz[i] / SAME_M)},${Math.round(r.xyz[i + 1] / SAME_M)},${Math.round(r.xyz[i + 2] / SAME_M)}`,
      );
    if (distinct.size < 3) problems.push({ kind: "tooFewPoints", ring, count: distinct.size });
  });
  if (problems.length > 0) return problems;

  const shell = clean[0].xyz;
  const centre: Vec3 = [0, 0, 0];
  for (let i = 0; i < shell.length; i++) centre[i % 3] += shell[i];
  const frame = frameToward(centre);
  for (const r of clean) {
    for (let i = 0; i < r.xyz.length; i += 3) {
      if (distance3([r.xyz[i], r.xyz[i + 1], r.xyz[i + 2]], frame.origin) > maxRadiusM) return [{ kind: "tooLarge" }];
    }
  }

  const all = new Float64Array(clean.reduce((n, r) => n + r.xyz.length, 0));
  const ringOf: number[] = [];
  const ringStart: number[] = [];
  const starts: number[] = [];
  let offset = 0;
  clean.forEach((r, ring) => {
    all.set(r.xyz, offset);
    ringStart.push(offset / 3);
    for (let k = 0; k < r.vertex.length - 1; k++) {
      starts.push(offset / 3 + k);
      ringOf.push(ring);
    }
    offset += r.xyz.length;
  });
  const { xs, ys } = projectAll(frame, all);
  const index = buildSegmentIndex({ xs, ys, starts: Int32Array.from(starts) });
  const edgeNo = (s: number) => clean[ringOf[s]].vertex[starts[s] - ringStart[ringOf[s]]];

  // A ring whose points all lie on one line also folds onto itself; "no area" is the clearer message.
  const flat = new Set<number>();
  clean.forEach((r, ring) => {
    if (isFlat(xs, ys, ringStart[ring], ringStart[ring] + r.vertex.length)) {
      flat.add(ring);
      problems.push({ kind: "zeroArea", ring });
    }
  });

  forEachNearPair(
    index,
    index,
    () => (problems.length >= MAX_PROBLEMS ? -1 : 0),
    (sa, sb) => {
      if (sb <= sa || problems.length >= MAX_PROBLEMS || flat.has(ringOf[sa]) || flat.has(ringOf[sb])) return;
      const i = starts[sa],
        j = starts[sb];
      const sameRing = ringOf[sa] === ringOf[sb];
      const last = ringStart[ringOf[sa]] + clean[ringOf[sa]].vertex.length - 2;
      const adjacent = sameRing && (j === i + 1 || (i === ringStart[ringOf[sa]] && j === last));
      const crosses = adjacent
        ? foldsBack(xs, ys, j === i + 1 ? i : j, j === i + 1 ? j : i)
        : segmentDistance(xs[i], ys[i], xs[i + 1], ys[i + 1], xs[j], ys[j], xs[j + 1], ys[j + 1]) <= SAME_M;
      if (!crosses) return;
      const edge = edgeNo(sa),
        otherEdge = edgeNo(sb);
      problems.push(
        sameRing
          ? { kind: "selfIntersection", ring: ringOf[sa], edge, otherEdge }
          : { kind: "ringsIntersect", ring: ringOf[sa], edge, otherRing: ringOf[sb], otherEdge },
      );
    },
  );
  if (problems.length > 0) return problems.sort(byPlace);
  clean.forEach((r, ring) => {
    const from = ringStart[ring];
    if (Math.abs(ringArea2(xs, ys, from, from + r.vertex.length)) / 2 < MIN_AREA_M2)
      problems.push({ kind: "zeroArea", ring });
  });
  if (problems.length > 0) return problems;

  // Rings no longer cross, so one vertex tells whether a hole lies inside its shell.
  const shellIndex = buildSegmentIndex({ xs, ys, starts: Int32Array.from(starts.filter((_, s) => ringOf[s] === 0)) });
  for (let ring = 1; ring < clean.length; ring++) {
    if (!containsPoint(shellIndex, xs[ringStart[ring]], ys[ringStart[ring]]))
      problems.push({ kind: "holeOutsideShell", ring });
  }
  return problems;
}

/** Edges i→i+1 and j→j+1 that share vertex j (= i + 1) and run back along each other (a spike). */
function foldsBack(xs: Float64Array, ys: Float64Array, i: number, j: number): boolean {
  const ux = xs[i + 1] - xs[i],
    uy = ys[i + 1] - ys[i];
  const vx = xs[j + 1] - xs[j],
    vy = ys[j + 1] - ys[j];
  // Opposite directions, and the shorter edge's far end within SAME_M of the longer edge's line.
  const offLine = Math.abs(ux * vy - uy * vx) / Math.max(Math.hypot(ux, uy), Math.hypot(vx, vy));
  return offLine <= SAME_M && ux * vx + uy * vy < 0;
}

/** Whether every point of ring [from, to) lies within SAME_M of one straight line. */
function isFlat(xs: Float64Array, ys: Float64Array, from: number, to: number): boolean {
  let far = from,
    farD = 0;
  for (let k = from; k < to; k++) {
    const d = Math.hypot(xs[k] - xs[from], ys[k] - ys[from]);
    if (d > farD) [far, farD] = [k, d];
  }
  if (farD === 0) return true;
  const ux = (xs[far] - xs[from]) / farD,
    uy = (ys[far] - ys[from]) / farD;
  for (let k = from; k < to; k++) {
    if (Math.abs(ux * (ys[k] - ys[from]) - uy * (xs[k] - xs[from])) > SAME_M) return false;
  }
  return true;
}

const place = (p: RingProblem) =>
  "ring" in p ? [p.ring, "edge" in p ? p.edge : -1, "otherEdge" in p ? p.otherEdge : -1] : [-1, -1, -1];

/** Problems in reading order: by ring, then edge. */
function byPlace(a: RingProblem, b: RingProblem): number {
  const [pa, pb] = [place(a), place(b)];
  return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
}
