// Serializes writes that could conflict: each filing, edit or cancellation takes
// transaction-scoped advisory locks on the grid cells its widened box touches, so two
// overlapping operations filed at the same moment are checked one after the other and the
// second always sees the first.
//
// Three levels keep the lock count bounded: fine cells (0.25°) for ordinary areas; coarse cells
// (4°) for large ones; wide cells (30°, 72 in all, so any box fits) for continent-sized ones. An
// area takes the cells of the finest level it fits (at most 16 cells) exclusively, and the cells
// of every coarser level around it shared. Two overlapping boxes share a point, so at the level
// where the larger one locks exclusively, the other holds (shared or exclusive) the cell around
// that point too: they always meet on at least one cell, and never with only shared locks. Areas
// far apart never meet at all, however large one of them is. Locks are always acquired wide →
// coarse → fine, each level in ascending order, so no two writers deadlock.
import { Prisma } from "../db/generated/client";
import type { Tx } from "../db/client";
import { normalizeBox, type Box } from "./search-box";

// 7_274_100 was a single global lock, taken exclusively by continent-sized areas; no longer used.
const NS_WIDE = 7_274_103;
const NS_COARSE = 7_274_101;
const NS_FINE = 7_274_102;
const FINE_DEG = 0.25;
const COARSE_DEG = 4;
const WIDE_DEG = 30;
const MAX_CELLS = 16;

type Mode = "shared" | "exclusive";
export type LockPlan = { wide: Map<number, Mode>; coarse: Map<number, Mode>; fine: Map<number, Mode> };

/** The cells of a `size`° grid the box touches, or null past `max` of them. */
function cells(b: Box, size: number, max = MAX_CELLS): number[] | null {
  const n = normalizeBox(b);
  const perRow = Math.round(360 / size);
  const rows = Math.round(180 / size);
  // Clamped at both ends: a box on the pole itself (lat 90 falls just past the last row) still
  // takes the last row's cells.
  const row = (lat: number) => Math.min(rows - 1, Math.max(0, Math.floor((lat + 90) / size)));
  const lat0 = row(n.minLat);
  const lat1 = row(n.maxLat);
  const lon0 = Math.floor((n.minLon + 180) / size);
  const lon1 = Math.floor((n.maxLon + 180) / size);
  const lonCount = Math.min(perRow, lon1 - lon0 + 1);
  if ((lat1 - lat0 + 1) * lonCount > max) return null;
  const out: number[] = [];
  for (let r = lat0; r <= lat1; r++) {
    for (let k = 0; k < lonCount; k++) out.push(r * perRow + ((((lon0 + k) % perRow) + perRow) % perRow));
  }
  return out;
}

const withMode = (list: number[] | null, mode: Mode) => new Map((list ?? []).map((c) => [c, mode]));

/** The locks one widened box needs. */
export function lockPlanFor(box: Box): LockPlan {
  // The whole wide grid is 6 × 12 cells: every box fits it.
  const wide = cells(box, WIDE_DEG, Infinity);
  const coarse = cells(box, COARSE_DEG);
  const fine = coarse && cells(box, FINE_DEG);
  if (fine)
    return { wide: withMode(wide, "shared"), coarse: withMode(coarse, "shared"), fine: withMode(fine, "exclusive") };
  if (coarse) return { wide: withMode(wide, "shared"), coarse: withMode(coarse, "exclusive"), fine: new Map() };
  return { wide: withMode(wide, "exclusive"), coarse: new Map(), fine: new Map() };
}

/** The locks for several boxes at once (an edit holds both the old and the new place). */
export function mergeLockPlans(plans: LockPlan[]): LockPlan {
  const merged: LockPlan = { wide: new Map(), coarse: new Map(), fine: new Map() };
  for (const p of plans) {
    for (const level of ["wide", "coarse", "fine"] as const) {
      for (const [cell, mode] of p[level]) if (merged[level].get(cell) !== "exclusive") merged[level].set(cell, mode);
    }
  }
  return merged;
}

type Lock = { ns: number; key: number; mode: Mode };

/** The plan's locks in acquisition order: wide, then coarse, then fine; each level ascending. */
export function orderedLocks(plan: LockPlan): Lock[] {
  const out: Lock[] = [];
  for (const [ns, level] of [
    [NS_WIDE, plan.wide],
    [NS_COARSE, plan.coarse],
    [NS_FINE, plan.fine],
  ] as const) {
    for (const [key, mode] of [...level.entries()].sort((a, b) => a[0] - b[0])) out.push({ ns, key, mode });
  }
  return out;
}

/** The plan as parallel arrays in acquisition order (for the locking search in the database). */
export function lockArrays(plan: LockPlan | null): { ns: number[]; keys: number[]; exclusive: boolean[] } {
  const locks = plan ? orderedLocks(plan) : [];
  return {
    ns: locks.map((l) => l.ns),
    keys: locks.map((l) => l.key),
    exclusive: locks.map((l) => l.mode === "exclusive"),
  };
}

function lockCall({ ns, key, mode }: Lock): Prisma.Sql {
  return mode === "exclusive"
    ? Prisma.sql`pg_advisory_xact_lock(${ns}::int, ${key}::int)`
    : Prisma.sql`pg_advisory_xact_lock_shared(${ns}::int, ${key}::int)`;
}

/** Takes the plan's locks in one statement; they are released when the transaction ends. */
export async function acquireCellLocks(tx: Tx, plan: LockPlan): Promise<void> {
  const calls = orderedLocks(plan).map(lockCall);
  if (calls.length === 0) return;
  // The target list is evaluated left to right, which keeps the acquisition order.
  await tx.$executeRaw`SELECT ${Prisma.join(calls, ", ")}`;
}
