// Keyset paging over (sort key, id), newest first: a page starts strictly after (or before) the
// row its cursor names, so rows that arrive meanwhile never shift a page, and equal sort keys are
// ordered by id. Never OFFSET: a deep page costs what the first one does.
import { encodeCursor } from "../validation/lists";
import { zonedWallTimeToUtc } from "../i18n/format";

export type Page<T> = { items: T[]; next: string | null; prev: string | null };

type Direction = { after?: string[]; before?: string[] };

/** The where clause continuing from a (time, id) cursor, for a list sorted by `field` desc, id desc. */
export function timeKeyset(field: string, d: Direction): Record<string, unknown> {
  const cursor = d.after ?? d.before;
  if (!cursor) return {};
  const at = new Date(cursor[0]);
  const op = d.after ? "lt" : "gt";
  // The plain bound on the sort key is what the index can seek to; the OR settles ties by id.
  return {
    AND: [
      { [field]: { [op === "lt" ? "lte" : "gte"]: at } },
      { OR: [{ [field]: { [op]: at } }, { [field]: at, id: { [op]: cursor[1] } }] },
    ],
  };
}

/** Sort order for a (time, id) keyset: newest first, or reversed when reading back towards the newest. */
export function timeOrder(field: string, d: Direction) {
  const dir = d.before && !d.after ? ("asc" as const) : ("desc" as const);
  return [{ [field]: dir }, { id: dir }];
}

/**
 * Trims the pageSize + 1 rows read into a page, and the cursors to the pages on either side.
 * `key` gives a row's cursor parts.
 */
export function toPage<R, T>(
  rows: R[],
  pageSize: number,
  d: Direction,
  key: (r: R) => (string | Date)[],
  map: (rows: R[]) => T[],
): Page<T> {
  const more = rows.length > pageSize;
  const kept = rows.slice(0, pageSize);
  const backwards = Boolean(d.before && !d.after);
  if (backwards) kept.reverse();
  if (kept.length === 0) return { items: [], next: null, prev: null };
  const first = encodeCursor(key(kept[0]));
  const last = encodeCursor(key(kept[kept.length - 1]));
  return {
    items: map(kept),
    // Reading forwards, the page before exists whenever we came from one; backwards, the one after does.
    next: backwards ? last : more ? last : null,
    prev: backwards ? (more ? first : null) : d.after ? first : null,
  };
}

/** [from 00:00, the day after `to` 00:00) in the agency's zone, as UTC instants. */
export function dayRange(timeZone: string, from?: string, to?: string): { start?: Date; end?: Date } {
  const start = from ? (zonedWallTimeToUtc(`${from}T00:00`, timeZone) ?? undefined) : undefined;
  let end: Date | undefined;
  if (to) {
    const d = new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    end = zonedWallTimeToUtc(`${d.toISOString().slice(0, 10)}T00:00`, timeZone) ?? undefined;
  }
  return { start, end };
}

/** A LIKE pattern matching `q` anywhere, with its own wildcards taken literally. */
export function containsPattern(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}
