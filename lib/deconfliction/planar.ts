// Plane geometry on projected coordinates (metres): closest points between segments.

/** Distance between segments AB and CD, with the parameters (0..1) of a closest pair of points. */
export type SegmentGap = { d: number; ta: number; tb: number };

export function pointSegmentParam(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax,
    vy = by - ay;
  const len2 = vx * vx + vy * vy;
  if (len2 === 0) return 0;
  const t = ((px - ax) * vx + (py - ay) * vy) / len2;
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

export function pointSegmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = pointSegmentParam(px, py, ax, ay, bx, by);
  return Math.hypot(ax + t * (bx - ax) - px, ay + t * (by - ay) - py);
}

/** Where AB and CD cross, as parameters along each, or null when they do not. */
function crossing(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): [number, number] | null {
  const rx = bx - ax,
    ry = by - ay,
    sx = dx - cx,
    sy = dy - cy;
  const denom = rx * sy - ry * sx;
  if (denom === 0) return null;
  const qx = cx - ax,
    qy = cy - ay;
  const ta = (qx * sy - qy * sx) / denom;
  const tb = (qx * ry - qy * rx) / denom;
  return ta >= 0 && ta <= 1 && tb >= 0 && tb <= 1 ? [ta, tb] : null;
}

/** Distance between segments AB and CD (allocation-free, for pruning). */
export function segmentDistance(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): number {
  if (crossing(ax, ay, bx, by, cx, cy, dx, dy)) return 0;
  // Not crossing (or parallel): a closest pair always has an endpoint of one segment.
  return Math.min(
    pointSegmentDistance(ax, ay, cx, cy, dx, dy),
    pointSegmentDistance(bx, by, cx, cy, dx, dy),
    pointSegmentDistance(cx, cy, ax, ay, bx, by),
    pointSegmentDistance(dx, dy, ax, ay, bx, by),
  );
}

export function segmentGap(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): SegmentGap {
  const cross = crossing(ax, ay, bx, by, cx, cy, dx, dy);
  if (cross) return { d: 0, ta: cross[0], tb: cross[1] };
  const tbA = pointSegmentParam(ax, ay, cx, cy, dx, dy);
  const tbB = pointSegmentParam(bx, by, cx, cy, dx, dy);
  const taC = pointSegmentParam(cx, cy, ax, ay, bx, by);
  const taD = pointSegmentParam(dx, dy, ax, ay, bx, by);
  const options: SegmentGap[] = [
    { d: Math.hypot(cx + tbA * (dx - cx) - ax, cy + tbA * (dy - cy) - ay), ta: 0, tb: tbA },
    { d: Math.hypot(cx + tbB * (dx - cx) - bx, cy + tbB * (dy - cy) - by), ta: 1, tb: tbB },
    { d: Math.hypot(ax + taC * (bx - ax) - cx, ay + taC * (by - ay) - cy), ta: taC, tb: 0 },
    { d: Math.hypot(ax + taD * (bx - ax) - dx, ay + taD * (by - ay) - dy), ta: taD, tb: 1 },
  ];
  return options.reduce((best, o) => (o.d < best.d ? o : best));
}

/** Twice the signed area of a closed ring given as coordinate arrays (last point = first). */
export function ringArea2(xs: ArrayLike<number>, ys: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to - 1; i++)
    sum += (xs[i] - xs[from]) * (ys[i + 1] - ys[from]) - (xs[i + 1] - xs[from]) * (ys[i] - ys[from]);
  return sum;
}
