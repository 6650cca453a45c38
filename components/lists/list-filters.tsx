// The filter form of a long list: a plain GET form (works without JavaScript), every field
// labelled, the current values filled in, so the URL is the whole state of the view.
import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";

type Option = { value: string; label: string };
export type SelectField = { name: string; label: string; options: Option[] };

type Props = {
  /** Bound to "lists". */
  t: Translate;
  values: Record<string, string>;
  selects: SelectField[];
  /** Hint under the date fields (what the dates are of, and in which zone). */
  dateHint: string;
  /** Label of the "needs my action" checkbox; omitted when the list has none. */
  actionLabel?: string;
  /** Where "Clear filters" goes (the list without a query string). */
  clearHref: string;
  /** Kept as hidden fields (e.g. the page size). */
  keep?: Record<string, string | undefined>;
};

const input = "rounded-md border border-slate-400 bg-white px-3 py-2";

export function ListFilters({ t, values, selects, dateHint, actionLabel, clearHref, keep }: Props) {
  const filtered = Object.entries(values).some(([k, v]) => v && !["after", "before", "pageSize"].includes(k));
  return (
    // Keyed by the values, so a client-side navigation (e.g. "Clear filters") also resets the fields.
    <form
      key={JSON.stringify(values)}
      method="get"
      role="search"
      aria-label={t("filters.legend")}
      className="mb-4 rounded-lg border border-line bg-white p-4"
      data-testid="list-filters"
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-[16rem] flex-1 flex-col gap-1">
          <label htmlFor="filter-q" className="text-sm font-medium">
            {t("filters.q")}
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={values.q ?? ""}
            maxLength={100}
            aria-describedby="filter-q-hint"
            className={input}
          />
          <p id="filter-q-hint" className="text-xs text-muted">
            {t("filters.qHint")}
          </p>
        </div>
        {selects.map((s) => (
          <div key={s.name} className="flex flex-col gap-1">
            <label htmlFor={`filter-${s.name}`} className="text-sm font-medium">
              {s.label}
            </label>
            <select
              id={`filter-${s.name}`}
              name={s.name}
              defaultValue={values[s.name] ?? ""}
              className={`${input} max-w-[16rem]`}
            >
              <option value="">{t("filters.any")}</option>
              {s.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <fieldset className="mt-3 flex flex-wrap items-end gap-3" aria-describedby="filter-dates-hint">
        <legend className="sr-only">{dateHint}</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-from" className="text-sm font-medium">
            {t("filters.from")}
          </label>
          <input id="filter-from" name="from" type="date" defaultValue={values.from ?? ""} className={input} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-to" className="text-sm font-medium">
            {t("filters.to")}
          </label>
          <input id="filter-to" name="to" type="date" defaultValue={values.to ?? ""} className={input} />
        </div>
        <p id="filter-dates-hint" className="pb-2 text-xs text-muted">
          {dateHint}
        </p>
        {actionLabel ? (
          <div className="flex items-center gap-2 pb-2">
            <input
              id="filter-action"
              name="action"
              type="checkbox"
              value="1"
              defaultChecked={values.action === "1" || values.action === "on" || values.action === "true"}
              className="h-4 w-4"
            />
            <label htmlFor="filter-action" className="text-sm font-medium">
              {actionLabel}
            </label>
          </div>
        ) : null}
        {Object.entries(keep ?? {}).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <button
          type="submit"
          className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark"
        >
          {t("filters.apply")}
        </button>
        {filtered ? (
          <Link href={clearHref} className="py-2 text-sm text-brand underline">
            {t("filters.clear")}
          </Link>
        ) : null}
      </fieldset>
    </form>
  );
}
