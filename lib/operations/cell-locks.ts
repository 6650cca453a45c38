// Serializes writes that could conflict: each filing, edit or cancellation takes
// transaction-scoped advisory locks on the grid cells its widened box touches, so two
// overlapping operations filed at the same moment are checked one after the other and the
// second always sees the first.
//
// Three levels keep the lock count bounded: fine cells (0.25°) for ordinary areas; coarse
// cells (4°) taken exclusively by large areas and shared by ordinary ones; and one global lock
// taken exclusively by continent-sized areas and shared by everyone else. Locks are always
// acquired global → coarse → fine, each level in ascending order, so no two writers deadlock.
import { Prisma } from "../db/generated/client";
import type { Tx } from "../db/client";
import { normalizeBox, type Box } from "./search-box";

const NS_GLOBAL = 7_274_100;
const NS_COARSE = 7_274_101;
const NS_FINE = 7_274_102;
const FINE_DEG = 0.25;
const COARSE_DEG = 4;
const MAX_CELLS = 16;

type Mode = "shared" | "exclusive";
export type LockPlan = { global: Mode; coarse: Map<number, Mode>; fine: Map<number, Mode> };

function cells(b: Box, size: number): number[] | null {
  const n = normalizeBox(b);
  const perRow = Math.round(360 / size);
  const rows = Math.round(180 / size);
  const lat0 = Math.max(0, Math.floor((n.minLat + 90) / size));
  const lat1 = Math.min(rows - 1, Math.floor((n.maxLat + 90) / size));
  const lon0 = Math.floor((n.minLon + 180) / size);
  const lon1 = Math.floor((n.maxLon + 180) / size);
  const lonCount = Math.min(perRow, lon1 - lon0 + 1);
  if ((lat1 - lat0 + 1) * lonCount > MAX_CELLS) return null;
  const out: number[] = [];
  for (let r = lat0; r <= lat1; r++) {
    for (let k = 0; k < lonCount; k++) out.push(r * perRow + ((((lon0 + k) % perRow) + perRow) % perRow));
  }
  return out;
}

/** The locks one widened box needs. */
export function lockPlanFor(box: Box): LockPlan {
  const fine = cells(box, FINE_DEG);
  const coarse = cells(box, COARSE_DEG);
  if (fine) {
    return { global: "shared", coarse: new Map((coarse ?? []).map((c) => [c, "shared"])), fine: new Map(fine.map((c) => [c, "exclusive"])) };
  }
  if (coarse) return { global: "shared", coarse: new Map(coarse.map((c) => [c, "exclusive"])), fine: new Map() };
  return { global: "exclusive", coarse: new Map(), fine: new Map() };
}

/** The locks for several boxes at once (an edit holds both the old and the new place). */
export function mergeLockPlans(plans: LockPlan[]): LockPlan {
  const merged: LockPlan = { global: "shared", coarse: new Map(), fine: new Map() };
  for (const p of plans) {
    if (p.global === "exclusive") merged.global = "exclusive";
    for (const [level, into] of [
      [p.coarse, merged.coarse],
      [p.fine, merged.fine],
    ] as const) {
      for (const [cell, mode] of level) if (into.get(cell) !== "exclusive") into.set(cell, mode);
    }
  }
  if (merged.global === "exclusive") return { global: "exclusive", coarse: new Map(), fine: new Map() };
  return merged;
}

function lockCall(ns: number, key: number, mode: Mode): Prisma.Sql {
  return mode === "exclusive" ? Prisma.sql`pg_advisory_xact_lock(${ns}::int, ${key}::int)` : Prisma.sql`pg_advisory_xact_lock_shared(${ns}::int, ${key}::int)`;
}

/** The plan as parallel arrays in acquisition order (global, then coarse, then fine; each ascending). */
export function lockArrays(plan: LockPlan | null): { ns: number[]; keys: number[]; exclusive: boolean[] } {
  const out = { ns: [] as number[], keys: [] as number[], exclusive: [] as boolean[] };
  if (!plan) return out;
  const push = (ns: number, key: number, mode: Mode) => {
    out.ns.push(ns);
    out.keys.push(key);
    out.exclusive.push(mode === "exclusive");
  };
  push(NS_GLOBAL, 0, plan.global);
  const ordered = (m: Map<number, Mode>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
  for (const [cell, mode] of ordered(plan.coarse)) push(NS_COARSE, cell, mode);
  for (const [cell, mode] of ordered(plan.fine)) push(NS_FINE, cell, mode);
  return out;
}

/** Takes the plan's locks in one statement; they are released when the transaction ends. */
export async function acquireCellLocks(tx: Tx, plan: LockPlan): Promise<void> {
  const calls: Prisma.Sql[] = [lockCall(NS_GLOBAL, 0, plan.global)];
  const ordered = (m: Map<number, Mode>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
  for (const [cell, mode] of ordered(plan.coarse)) calls.push(lockCall(NS_COARSE, cell, mode));
  for (const [cell, mode] of ordered(plan.fine)) calls.push(lockCall(NS_FINE, cell, mode));
  // The target list is evaluated left to right, which keeps the acquisition order.
  await tx.$executeRaw`SELECT ${Prisma.join(calls, ", ")}`;
}
