// "What changed" between two published versions: the fields that differ, and the text of each
// compared word by word (the body line by line, then words within changed lines' paragraphs).
import { diffLines, diffWords } from "diff";
import type { PublicVersion } from "./public-read";

export type DiffPart = { value: string; added: boolean; removed: boolean };
export type FieldChange = { field: string; before: string | null; after: string | null; parts: DiffPart[] };

const FIELDS = [
  "title",
  "summary",
  "effectiveOn",
  "nextReviewOn",
  "agreementStatus",
  "agreementModel",
  "signedOn",
  "renewalOn",
  "designatedOfficers",
  "body",
] as const;

const parts = (list: { value: string; added?: boolean; removed?: boolean }[]): DiffPart[] =>
  list.map((p) => ({ value: p.value, added: !!p.added, removed: !!p.removed }));

/** The fields changed from `before` to `after`, in the order a reader meets them; the Spanish text is compared when `locale` is "es" and both have it. */
export function versionChanges(before: PublicVersion, after: PublicVersion, locale: string = "en"): FieldChange[] {
  const text = (v: PublicVersion, f: (typeof FIELDS)[number]): string | null => {
    const tr = locale !== "en" ? v.translations[locale] : undefined;
    if ((f === "title" || f === "summary" || f === "body") && tr?.[f]) return tr[f] ?? null;
    const x = v[f];
    return x === null || x === undefined ? null : String(x);
  };
  const out: FieldChange[] = [];
  for (const field of FIELDS) {
    const a = text(before, field);
    const b = text(after, field);
    if (a === b) continue;
    // Dates, numbers and statuses change whole: the old value struck, the new one after it.
    const whole = [
      a === null ? null : { value: a, removed: true },
      { value: " ", added: false },
      b === null ? null : { value: b, added: true },
    ].filter((p) => p !== null);
    const diff =
      field === "body"
        ? diffLines(a ?? "", b ?? "")
        : field === "title" || field === "summary"
          ? diffWords(a ?? "", b ?? "")
          : whole;
    out.push({ field, before: a, after: b, parts: parts(diff) });
  }
  return out;
}
