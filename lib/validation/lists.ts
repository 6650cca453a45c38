// The query strings of the long lists (inbox, sent, operations, conflicts): filters, search and a
// keyset cursor. One schema per list serves its page (bad fields named and ignored) and its API
// route (a 422 naming them). Messages are i18n keys.
import { z } from "zod";
import { msg } from "../i18n/issue";
import { intField } from "./agency";
import { storableString } from "./text";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

export const SEARCH_MAX = 100;
export const PAGE_SIZES = { default: 25, max: 100 } as const;

/** A real calendar date, YYYY-MM-DD (what a date input sends), read as a day in the agency's zone. */
export const listDate = storableString({ message: msg("lists.validation.date") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: msg("lists.validation.date") })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    },
    { message: msg("lists.validation.date") },
  );

/** A checkbox: present ("1", "on", "true") or absent. */
export const flag = z.preprocess(
  (v) =>
    v === undefined || v === "" || v === "0" || v === "false"
      ? false
      : v === "1" || v === "on" || v === "true" || v === true
        ? true
        : v,
  z.boolean({ message: msg("errors.invalid") }),
);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEP = "~";

/** Keyset position: the last row's sort key and id, readable in the URL ("2027-03-10T14:00:00.000Z~<uuid>"). */
export function encodeCursor(parts: (string | Date)[]): string {
  return parts.map((p) => (p instanceof Date ? p.toISOString() : p)).join(SEP);
}

/**
 * A cursor of `shape`: each part an ISO instant ("at"), a UUID ("id") or one of a list of words.
 * Parsed into its parts; anything else is refused with a message naming the field.
 */
export function cursorField(shape: readonly ("at" | "id" | readonly string[])[]) {
  return storableString()
    .max(200)
    .transform((s, ctx) => {
      const parts = s.split(SEP);
      const fits =
        parts.length === shape.length &&
        shape.every((kind, i) =>
          kind === "at"
            ? ISO.test(parts[i]) && !Number.isNaN(Date.parse(parts[i]))
            : kind === "id"
              ? UUID.test(parts[i])
              : kind.includes(parts[i]),
        );
      if (!fits) {
        ctx.addIssue({ code: "custom", message: msg("lists.validation.cursor") });
        return z.NEVER;
      }
      return parts;
    });
}

const TIME_ID = ["at", "id"] as const;

/** What every list accepts: search text, a date range, a page size and a cursor either way. */
export const listBase = {
  q: optional(
    storableString()
      .trim()
      .max(SEARCH_MAX, { message: msg("errors.tooLong", { max: SEARCH_MAX }) }),
  ),
  from: optional(listDate),
  to: optional(listDate),
  pageSize: z.preprocess((v) => blank(v) ?? PAGE_SIZES.default, intField(1, PAGE_SIZES.max)),
  after: optional(cursorField(TIME_ID)),
  before: optional(cursorField(TIME_ID)),
};

type Ranged = { from?: string; to?: string; after?: unknown; before?: unknown };

/** From no later than to; one direction of paging at a time. */
export function refineList(v: Ranged, ctx: z.RefinementCtx): void {
  if (v.from && v.to && v.from > v.to)
    ctx.addIssue({ code: "custom", path: ["to"], message: msg("lists.validation.range") });
  if (v.after && v.before)
    ctx.addIssue({ code: "custom", path: ["before"], message: msg("lists.validation.direction") });
}

/** The first value of each query parameter, as a form or URLSearchParams gives them. */
export function firstValues(
  raw: Record<string, string | string[] | undefined> | URLSearchParams,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw instanceof URLSearchParams) {
    for (const [k, v] of raw) if (!(k in out)) out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(raw)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === "string") out[k] = first;
  }
  return out;
}

export type ListIssue = { field: string; message: string };

/**
 * For a page: the query string's valid part, and what was wrong with the rest. A field that does
 * not parse is named and dropped, so a hand-edited link shows a message and a list, never an error.
 */
export function parseListQuery<S extends z.ZodType>(
  schema: S,
  raw: Record<string, string>,
): { input: Record<string, string>; issues: ListIssue[] } {
  const input = { ...raw };
  const issues: ListIssue[] = [];
  for (let round = 0; round < 10; round++) {
    const result = schema.safeParse(input);
    if (result.success) return { input, issues };
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (!issues.some((i) => i.field === field)) issues.push({ field, message: issue.message });
      delete input[field];
    }
  }
  return { input: {}, issues };
}
