// The write-lock plans: overlapping areas always meet on a lock one of them holds exclusively (so
// they are checked one after the other), very large areas take wide cells rather than a lock that
// would stop every other filing, and the acquisition order is the same for everyone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lockArrays, lockPlanFor, mergeLockPlans, orderedLocks, type LockPlan } from "./cell-locks";
import { boxesOverlap, type Box } from "./search-box";

const key = (l: { ns: number; key: number }) => `${l.ns}:${l.key}`;

/** Whether two writers holding these plans would wait for each other on at least one lock. */
function serialize(a: LockPlan, b: LockPlan): boolean {
  const held = new Map(orderedLocks(a).map((l) => [key(l), l.mode]));
  return orderedLocks(b).some((l) => {
    const other = held.get(key(l));
    return other !== undefined && (other === "exclusive" || l.mode === "exclusive");
  });
}

const exclusiveCount = (p: LockPlan) => orderedLocks(p).filter((l) => l.mode === "exclusive").length;

const CHICAGO: Box = { minLon: -87.7, minLat: 41.8, maxLon: -87.6, maxLat: 41.9 };
const PARIS: Box = { minLon: 2.3, minLat: 48.8, maxLon: 2.4, maxLat: 48.9 };
const CONTINENTAL_US: Box = { minLon: -125, minLat: 24, maxLon: -66, maxLat: 50 };
const TEXAS: Box = { minLon: -106.6, minLat: 25.8, maxLon: -93.5, maxLat: 36.5 };
const WORLD: Box = { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 };

describe("cell lock plans", () => {
  it("a continent-sized area takes its own wide cells, not a lock every filing needs", () => {
    const us = lockPlanFor(CONTINENTAL_US);
    expect(us.wide.size).toBeGreaterThan(0);
    expect([...us.wide.values()].every((m) => m === "exclusive")).toBe(true);
    expect(us.coarse.size + us.fine.size).toBe(0);
    // A filing on another continent shares no lock with it at all: the two proceed side by side.
    expect(serialize(us, lockPlanFor(PARIS))).toBe(false);
    // Inside it, a filing waits for it.
    expect(serialize(us, lockPlanFor(CHICAGO))).toBe(true);
    expect(serialize(us, lockPlanFor(TEXAS))).toBe(true);
  });

  it("a box on the pole itself still takes its cells", () => {
    const pole = lockPlanFor({ minLon: 0, minLat: 90, maxLon: 0, maxLat: 90 });
    expect(pole.fine.size).toBe(1);
    expect(serialize(pole, lockPlanFor({ minLon: -1, minLat: 89.9, maxLon: 1, maxLat: 90 }))).toBe(true);
  });

  it("even the whole world takes a bounded number of locks", () => {
    const world = lockPlanFor(WORLD);
    expect(world.wide.size).toBe(72);
    expect(orderedLocks(world)).toHaveLength(72);
    expect(serialize(world, lockPlanFor(PARIS))).toBe(true);
  });

  it("ordinary and large areas lock exclusively at their own level and shared above it", () => {
    const small = lockPlanFor(CHICAGO);
    expect(small.fine.size).toBeGreaterThan(0);
    expect([...small.fine.values()].every((m) => m === "exclusive")).toBe(true);
    expect([...small.coarse.values(), ...small.wide.values()].every((m) => m === "shared")).toBe(true);
    const large = lockPlanFor(TEXAS);
    expect(large.fine.size).toBe(0);
    expect([...large.coarse.values()].every((m) => m === "exclusive")).toBe(true);
    expect([...large.wide.values()].every((m) => m === "shared")).toBe(true);
  });

  it("takes locks wide → coarse → fine, each level ascending, whatever the merge order", () => {
    const merged = lockArrays(
      mergeLockPlans([
        lockPlanFor(CHICAGO),
        lockPlanFor(TEXAS),
        lockPlanFor({ minLon: 179.9, minLat: -17, maxLon: 180.2, maxLat: -16.9 }),
      ]),
    );
    const pairs = merged.ns.map((ns, i) => [ns, merged.keys[i]] as const);
    const rank = (ns: number) => [7_274_103, 7_274_101, 7_274_102].indexOf(ns);
    for (let i = 1; i < pairs.length; i++) {
      const [a, b] = [pairs[i - 1], pairs[i]];
      expect(rank(a[0]) < rank(b[0]) || (a[0] === b[0] && a[1] < b[1])).toBe(true);
    }
  });

  it("a merged plan keeps the stronger mode of a cell held by several boxes", () => {
    const merged = mergeLockPlans([lockPlanFor(CHICAGO), lockPlanFor(CONTINENTAL_US)]);
    expect(exclusiveCount(merged)).toBe(
      exclusiveCount(lockPlanFor(CONTINENTAL_US)) + exclusiveCount(lockPlanFor(CHICAGO)),
    );
    expect(serialize(merged, lockPlanFor(TEXAS))).toBe(true);
  });

  const lon = fc.double({ min: -200, max: 200, noNaN: true });
  const lat = fc.double({ min: -90, max: 90, noNaN: true });
  // Sizes from a block to a hemisphere, so every pair of levels meets.
  const span = fc.oneof(
    fc.double({ min: 0, max: 0.5, noNaN: true }),
    fc.double({ min: 0, max: 8, noNaN: true }),
    fc.double({ min: 0, max: 200, noNaN: true }),
  );
  const box = fc.tuple(lon, lat, span, span).map(([x, y, w, h]): Box => ({
    minLon: x,
    minLat: Math.max(-90, y - h / 2),
    maxLon: x + w,
    maxLat: Math.min(90, y + h / 2),
  }));

  // A second box through a point of the first: the two overlap by construction.
  const frac = fc.double({ min: 0, max: 1, noNaN: true });
  const overlapping = fc.tuple(box, frac, frac, span, span, frac, frac).map(([a, t, u, w, h, s, v]) => {
    const x = a.minLon + t * (a.maxLon - a.minLon);
    const y = a.minLat + u * (a.maxLat - a.minLat);
    const b: Box = {
      minLon: x - s * w,
      maxLon: x + (1 - s) * w,
      minLat: Math.max(-90, y - v * h),
      maxLat: Math.min(90, y + (1 - v) * h),
    };
    return [a, b] as const;
  });

  it("two overlapping areas always meet on a lock one of them holds exclusively", () => {
    fc.assert(
      fc.property(overlapping, ([a, b]) => {
        expect(boxesOverlap(a, b)).toBe(true);
        expect(serialize(lockPlanFor(a), lockPlanFor(b))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("a plan never takes more than the wide grid, 16 coarse and 16 fine cells", () => {
    fc.assert(
      fc.property(box, (b) => {
        const p = lockPlanFor(b);
        expect(p.wide.size).toBeLessThanOrEqual(72);
        expect(p.coarse.size).toBeLessThanOrEqual(16);
        expect(p.fine.size).toBeLessThanOrEqual(16);
      }),
    );
  });
});
