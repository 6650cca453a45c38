// A status filter (a plain GET form, so it works without JavaScript) and a pager for the
// operations list and the conflict queue.
import Link from "next/link";

type Option = { value: string; label: string };

export function StatusFilter({ label, allLabel, applyLabel, value, options }: { label: string; allLabel: string; applyLabel: string; value: string; options: Option[] }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" role="search">
      <div className="flex flex-col gap-1">
        <label htmlFor="status-filter" className="text-sm font-medium">
          {label}
        </label>
        <select id="status-filter" name="status" defaultValue={value} className="rounded-md border border-slate-400 bg-white px-3 py-2">
          <option value="">{allLabel}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md border border-line bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
        {applyLabel}
      </button>
    </form>
  );
}

export function Pager({
  page,
  pages,
  params,
  previousLabel,
  nextLabel,
  pageLabel,
}: {
  page: number;
  pages: number;
  params: Record<string, string | undefined>;
  previousLabel: string;
  nextLabel: string;
  pageLabel: string;
}) {
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("page", String(p));
    return `?${q.toString()}`;
  };
  return (
    <nav aria-label={pageLabel} className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-brand underline">
          {previousLabel}
        </Link>
      ) : null}
      <span className="text-muted">{pageLabel}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className="text-brand underline">
          {nextLabel}
        </Link>
      ) : null}
    </nav>
  );
}
