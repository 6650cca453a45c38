// A bounding-box hierarchy over the edges of projected rings, so that closest-pair, crossing and
// point-in-polygon questions on 1,000-vertex shapes touch a few dozen edges instead of all of them.
// Ring order is already spatially coherent, so runs of consecutive edges make good leaves.
import { pointSegmentDistance, pointSegmentParam } from "./planar";

export type Segments = {
  xs: Float64Array;
  ys: Float64Array;
  /** The first vertex of each segment; a segment ends at the next vertex. */
  starts: Int32Array;
  /** Per segment: how far (m) the true edge may stand off the straight segment. */
  pads?: Float64Array;
};

export type SegmentIndex = Segments & {
  /** minX, minY, maxX, maxY per node, widened by the pads inside. */
  box: Float64Array;
  /** Children of a node: node indices, or segment indices for leaves (nodes below leafCount). */
  first: Int32Array;
  end: Int32Array;
  leafCount: number;
  root: number;
};

const FAN = 8;

export function buildSegmentIndex(s: Segments): SegmentIndex {
  const n = s.starts.length;
  let total = 0;
  for (let level = Math.ceil(n / FAN); ; level = Math.ceil(level / FAN)) {
    total += level;
    if (level <= 1) break;
  }
  const box = new Float64Array(4 * total);
  const first = new Int32Array(total);
  const end = new Int32Array(total);
  let count = 0;
  for (let k = 0; k < n; k += FAN, count++) {
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity,
      pad = 0;
    for (let j = k; j < Math.min(n, k + FAN); j++) {
      const i = s.starts[j];
      minX = Math.min(minX, s.xs[i], s.xs[i + 1]);
      maxX = Math.max(maxX, s.xs[i], s.xs[i + 1]);
      minY = Math.min(minY, s.ys[i], s.ys[i + 1]);
      maxY = Math.max(maxY, s.ys[i], s.ys[i + 1]);
      pad = Math.max(pad, s.pads?.[j] ?? 0);
    }
    first[count] = k;
    end[count] = Math.min(n, k + FAN);
    setBox(box, count, minX - pad, minY - pad, maxX + pad, maxY + pad);
  }
  const leafCount = count;
  for (let from = 0, to = count; to - from > 1; from = to, to = count) {
    for (let k = from; k < to; k += FAN, count++) {
      const stop = Math.min(to, k + FAN);
      let minX = Infinity,
        minY = Infinity,
        maxX = -Infinity,
        maxY = -Infinity;
      for (let c = k; c < stop; c++) {
        minX = Math.min(minX, box[4 * c]);
        minY = Math.min(minY, box[4 * c + 1]);
        maxX = Math.max(maxX, box[4 * c + 2]);
        maxY = Math.max(maxY, box[4 * c + 3]);
      }
      first[count] = k;
      end[count] = stop;
      setBox(box, count, minX, minY, maxX, maxY);
    }
  }
  return { ...s, box, first, end, leafCount, root: count - 1 };
}

function setBox(box: Float64Array, n: number, minX: number, minY: number, maxX: number, maxY: number) {
  box[4 * n] = minX;
  box[4 * n + 1] = minY;
  box[4 * n + 2] = maxX;
  box[4 * n + 3] = maxY;
}

function gap1(aMin: number, aMax: number, bMin: number, bMax: number): number {
  return Math.max(0, aMin - bMax, bMin - aMax);
}

/** Distance between the boxes of two nodes (0 when they overlap). */
export function nodeGap(a: SegmentIndex, na: number, b: SegmentIndex, nb: number): number {
  return Math.hypot(
    gap1(a.box[4 * na], a.box[4 * na + 2], b.box[4 * nb], b.box[4 * nb + 2]),
    gap1(a.box[4 * na + 1], a.box[4 * na + 3], b.box[4 * nb + 1], b.box[4 * nb + 3]),
  );
}

function pointGap(a: SegmentIndex, n: number, x: number, y: number): number {
  return Math.hypot(gap1(a.box[4 * n], a.box[4 * n + 2], x, x), gap1(a.box[4 * n + 1], a.box[4 * n + 3], y, y));
}

function boxSize(a: SegmentIndex, n: number): number {
  return a.box[4 * n + 2] - a.box[4 * n] + (a.box[4 * n + 3] - a.box[4 * n + 1]);
}

/**
 * Visits every pair of segments (one from each index) whose boxes come within `bound()` of each
 * other, nearest node pairs first. `bound` is re-read as the search goes, so a caller that tightens
 * it (a best distance so far, or -1 to stop) prunes the rest.
 */
export function forEachNearPair(
  a: SegmentIndex,
  b: SegmentIndex,
  bound: () => number,
  visit: (sa: number, sb: number) => void,
): void {
  if (a.root < 0 || b.root < 0) return;
  const walk = (na: number, nb: number): void => {
    if (nodeGap(a, na, b, nb) > bound()) return;
    const aLeaf = na < a.leafCount;
    const bLeaf = nb < b.leafCount;
    if (aLeaf && bLeaf) {
      for (let sa = a.first[na]; sa < a.end[na]; sa++) {
        for (let sb = b.first[nb]; sb < b.end[nb]; sb++) visit(sa, sb);
      }
      return;
    }
    const splitA = bLeaf || (!aLeaf && boxSize(a, na) >= boxSize(b, nb));
    const { gaps, ids } = (scratch[depth] ??= { gaps: new Float64Array(FAN), ids: new Int32Array(FAN) });
    let k = 0;
    const [from, to] = splitA ? [a.first[na], a.end[na]] : [b.first[nb], b.end[nb]];
    for (let c = from; c < to; c++, k++) {
      // Insertion sort: nearest child first.
      const g = splitA ? nodeGap(a, c, b, nb) : nodeGap(a, na, b, c);
      let j = k;
      for (; j > 0 && gaps[j - 1] > g; j--) {
        gaps[j] = gaps[j - 1];
        ids[j] = ids[j - 1];
      }
      gaps[j] = g;
      ids[j] = c;
    }
    depth++;
    for (let j = 0; j < k; j++) {
      if (gaps[j] > bound()) break;
      if (splitA) walk(ids[j], nb);
      else walk(na, ids[j]);
    }
    depth--;
  };
  const scratch: { gaps: Float64Array; ids: Int32Array }[] = [];
  let depth = 0;
  walk(a.root, b.root);
}

/** Even-odd rule over every ring in the index: inside a shell and not inside one of its holes. */
export function containsPoint(a: SegmentIndex, x: number, y: number): boolean {
  if (a.root < 0) return false;
  let inside = false;
  const stack = [a.root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (a.box[4 * n + 2] < x || a.box[4 * n + 1] > y || a.box[4 * n + 3] < y) continue;
    if (n >= a.leafCount) {
      for (let c = a.first[n]; c < a.end[n]; c++) stack.push(c);
      continue;
    }
    for (let s = a.first[n]; s < a.end[n]; s++) {
      const i = a.starts[s];
      const yi = a.ys[i],
        yj = a.ys[i + 1];
      if (yi > y === yj > y) continue;
      if (x < crossingX(a.xs[i], yi, a.xs[i + 1], yj, y)) inside = !inside;
    }
  }
  return inside;
}

/** Where a segment crosses the line at height y, kept within the segment despite rounding (so box pruning agrees). */
export function crossingX(x1: number, y1: number, x2: number, y2: number, y: number): number {
  const x = x1 + ((y - y1) * (x2 - x1)) / (y2 - y1);
  return Math.min(Math.max(x, Math.min(x1, x2)), Math.max(x1, x2));
}

export type NearestSegment = { seg: number; d: number; t: number };

/** The segment nearest a point, if one lies within `bound` (pads allowed for); else null. */
export function nearestSegment(a: SegmentIndex, x: number, y: number, bound: number): NearestSegment | null {
  if (a.root < 0) return null;
  let seg = -1,
    best = Infinity,
    limit = bound;
  const scratch: { gaps: Float64Array; ids: Int32Array }[] = [];
  const walk = (n: number, depth: number): void => {
    if (n < a.leafCount) {
      for (let s = a.first[n]; s < a.end[n]; s++) {
        const i = a.starts[s];
        const d = pointSegmentDistance(x, y, a.xs[i], a.ys[i], a.xs[i + 1], a.ys[i + 1]);
        if (d - (a.pads?.[s] ?? 0) <= limit && d < best) {
          [seg, best] = [s, d];
          limit = Math.min(limit, d);
        }
      }
      return;
    }
    const { gaps, ids } = (scratch[depth] ??= { gaps: new Float64Array(FAN), ids: new Int32Array(FAN) });
    let k = 0;
    for (let c = a.first[n]; c < a.end[n]; c++) {
      const g = pointGap(a, c, x, y);
      if (g > limit) continue;
      let j = k++;
      for (; j > 0 && gaps[j - 1] > g; j--) {
        gaps[j] = gaps[j - 1];
        ids[j] = ids[j - 1];
      }
      gaps[j] = g;
      ids[j] = c;
    }
    for (let j = 0; j < k && gaps[j] <= limit; j++) walk(ids[j], depth + 1);
  };
  if (pointGap(a, a.root, x, y) <= limit) walk(a.root, 0);
  if (seg < 0) return null;
  const i = a.starts[seg];
  return { seg, d: best, t: pointSegmentParam(x, y, a.xs[i], a.ys[i], a.xs[i + 1], a.ys[i + 1]) };
}
