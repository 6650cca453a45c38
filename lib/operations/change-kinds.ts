// What kind of edit a change is, for the operation's history: MOVE (the area), RESCHEDULE (the
// start), EXTEND (the window's length, longer or shorter) and EDIT (anything else).
import { canonicalJson } from "../audit/hash";
import { TRACKED_FIELDS, type OperationView, type TrackedField } from "./operation-view";

export type ChangeKind = "MOVE" | "RESCHEDULE" | "EXTEND" | "EDIT";
type Tracked = Pick<OperationView, TrackedField>;

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

export function changedFields(before: Tracked, after: Tracked): TrackedField[] {
  return TRACKED_FIELDS.filter((f) => !same(before[f], after[f]));
}

export function changeKinds(before: Tracked, after: Tracked): ChangeKind[] {
  const fields = changedFields(before, after);
  const kinds: ChangeKind[] = [];
  if (fields.includes("area")) kinds.push("MOVE");
  if (fields.includes("startsAt")) kinds.push("RESCHEDULE");
  const duration = (v: Tracked) => v.endsAt.getTime() - v.startsAt.getTime();
  if (duration(before) !== duration(after)) kinds.push("EXTEND");
  if (fields.some((f) => f !== "area" && f !== "startsAt" && f !== "endsAt")) kinds.push("EDIT");
  return kinds;
}

/** The changed fields' values, as JSON for the history. */
export function pick(v: Tracked, fields: TrackedField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = v[f] instanceof Date ? (v[f] as Date).toISOString() : v[f];
  return out;
}
