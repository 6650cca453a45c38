// What a long list needs besides its rows: the parts of a hand-edited link that were ignored (a
// message, never an error page), and links to the newer and older pages (keyset cursors).
import Link from "next/link";
import { translateIssue } from "@/lib/i18n/issue";
import type { Translate } from "@/lib/i18n/translate";
import type { ListIssue } from "@/lib/validation/lists";

/** `t` is bound to "lists"; `tAll` has no namespace (validation messages name their own). */
export function ListIssues({ issues, t, tAll }: { issues: ListIssue[]; t: Translate; tAll: Translate }) {
  if (issues.length === 0) return null;
  return (
    <div
      role="status"
      className="mb-4 rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm"
      data-testid="list-issues"
    >
      <p className="font-semibold">{t("issues.title")}</p>
      <ul className="mt-1 list-disc pl-5">
        {issues.map((i) => (
          <li key={i.field}>
            {t("issues.item", { field: t(`fields.${i.field}`), message: translateIssue(tAll, i.message) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Keeps the filters, swaps the cursor. */
export function pageHref(
  path: string,
  values: Record<string, string | undefined>,
  cursor: { after?: string; before?: string },
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v && k !== "after" && k !== "before") q.set(k, v);
  if (cursor.after) q.set("after", cursor.after);
  if (cursor.before) q.set("before", cursor.before);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export function CursorPager({
  path,
  values,
  next,
  prev,
  t,
}: {
  path: string;
  values: Record<string, string | undefined>;
  next: string | null;
  prev: string | null;
  t: Translate;
}) {
  if (!next && !prev) return null;
  const paged = Boolean(values.after || values.before);
  return (
    <nav
      aria-label={t("pager.label")}
      className="mt-4 flex flex-wrap items-center gap-4 text-sm"
      data-testid="list-pager"
    >
      {paged ? (
        <Link href={pageHref(path, values, {})} className="text-brand underline" data-testid="pager-first">
          {t("pager.first")}
        </Link>
      ) : null}
      {prev ? (
        <Link
          href={pageHref(path, values, { before: prev })}
          className="text-brand underline"
          rel="prev"
          data-testid="pager-newer"
        >
          {t("pager.newer")}
        </Link>
      ) : null}
      {next ? (
        <Link
          href={pageHref(path, values, { after: next })}
          className="text-brand underline"
          rel="next"
          data-testid="pager-older"
        >
          {t("pager.older")}
        </Link>
      ) : null}
    </nav>
  );
}

/** "N need your action", with a link to show only those (unless that is already the view). */
export function NeedsActionBanner({
  count,
  text,
  showOnly,
  testId,
}: {
  count: number;
  text: string;
  showOnly: { href: string; label: string } | null;
  testId: string;
}) {
  if (count <= 0) return null;
  return (
    <p
      className="mb-4 flex flex-wrap items-center gap-3 rounded-md border-l-4 border-brand bg-white px-4 py-3 font-medium"
      data-testid={testId}
    >
      {text}
      {showOnly ? (
        <Link href={showOnly.href} className="text-brand underline">
          {showOnly.label}
        </Link>
      ) : null}
    </p>
  );
}
