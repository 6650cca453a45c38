import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentGap, pointSegmentDistance } from "./planar";
import {
  buildSegmentIndex,
  containsPoint,
  crossingX,
  forEachNearPair,
  nearestSegment,
  type SegmentIndex,
} from "./segment-index";

/** Millimetre-grid coordinates: denormal doubles would only test floating-point underflow. */
const coord = (min: number, max: number) => fc.integer({ min: min * 1000, max: max * 1000 }).map((v) => v / 1000);

/** A closed random walk (a ring, possibly self-crossing) of n points, as an index. */
const ringArb = fc
  .record({
    n: fc.integer({ min: 3, max: 120 }),
    seed: fc.array(fc.tuple(coord(-1, 1), coord(-1, 1)), { minLength: 120, maxLength: 120 }),
    ox: fc.integer({ min: -50, max: 50 }),
  })
  .map(({ n, seed, ox }) => {
    const xs = new Float64Array(n + 1),
      ys = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      xs[i] = ox + 20 * Math.cos((2 * Math.PI * i) / n) + 8 * seed[i][0];
      ys[i] = 20 * Math.sin((2 * Math.PI * i) / n) + 8 * seed[i][1];
    }
    xs[n] = xs[0];
    ys[n] = ys[0];
    return buildSegmentIndex({ xs, ys, starts: Int32Array.from({ length: n }, (_, i) => i) });
  });

const seg = (ix: SegmentIndex, s: number) => {
  const i = ix.starts[s];
  return [ix.xs[i], ix.ys[i], ix.xs[i + 1], ix.ys[i + 1]] as const;
};

describe("segment index", () => {
  it("finds the same closest pair of segments as comparing every pair", () => {
    fc.assert(
      fc.property(ringArb, ringArb, (a, b) => {
        let brute = Infinity;
        for (let i = 0; i < a.starts.length; i++)
          for (let j = 0; j < b.starts.length; j++) brute = Math.min(brute, segmentGap(...seg(a, i), ...seg(b, j)).d);
        let best = Infinity;
        forEachNearPair(
          a,
          b,
          () => best,
          (i, j) => {
            best = Math.min(best, segmentGap(...seg(a, i), ...seg(b, j)).d);
          },
        );
        expect(best).toBe(brute);
      }),
      { numRuns: 200 },
    );
  });

  it("answers point-in-polygon like the plain even-odd rule", () => {
    fc.assert(
      fc.property(ringArb, coord(-80, 80), coord(-30, 30), (ix, x, y) => {
        let inside = false;
        for (let s = 0; s < ix.starts.length; s++) {
          const [x1, y1, x2, y2] = seg(ix, s);
          if (y1 > y !== y2 > y && x < crossingX(x1, y1, x2, y2, y)) inside = !inside;
        }
        expect(containsPoint(ix, x, y)).toBe(inside);
      }),
      { numRuns: 500 },
    );
  });

  it("finds the nearest segment to a point, and nothing beyond the bound", () => {
    fc.assert(
      fc.property(ringArb, coord(-80, 80), coord(-30, 30), coord(0, 40), (ix, x, y, bound) => {
        let brute = Infinity;
        for (let s = 0; s < ix.starts.length; s++) brute = Math.min(brute, pointSegmentDistance(x, y, ...seg(ix, s)));
        const near = nearestSegment(ix, x, y, bound);
        if (brute > bound) expect(near).toBeNull();
        else expect(near?.d).toBe(brute);
      }),
      { numRuns: 500 },
    );
  });
});
