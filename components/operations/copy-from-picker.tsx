// "File a similar operation" on the new-operation form: choose one of the agency's own earlier
// operations and the form starts from it (everything but the area and times). A plain GET form,
// so it works before the page's script has loaded.
import type { Translate } from "@/lib/i18n/translate";

type Props = { candidates: { id: string; ref: string; title: string }[]; selected: string | null; t: Translate };

export function CopyFromPicker({ candidates, selected, t }: Props) {
  if (candidates.length === 0) return null;
  return (
    <form
      method="get"
      action="/operations/new"
      className="mb-6 flex flex-wrap items-end gap-2 rounded-lg border border-line bg-white p-3"
      data-testid="copy-from"
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor="copy-from" className="text-sm font-medium">
          {t("copy.pickLabel")}
        </label>
        <select
          id="copy-from"
          name="from"
          defaultValue={selected ?? ""}
          className="w-full min-w-0 rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          <option value="">{t("copy.pickNone")}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.ref} · {c.title}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md border border-line bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
        data-testid="copy-from-submit"
      >
        {t("copy.pickSubmit")}
      </button>
    </form>
  );
}
