"use client";
// A labelled group of checkboxes with its error wired to the group for screen readers.
type Option = { value: string; label: string };

export function CheckboxGroup({
  legend,
  name,
  options,
  selected,
  onChange,
  error,
  hint,
}: {
  legend: string;
  name: string;
  options: Option[];
  selected: string[];
  onChange: (next: string[]) => void;
  error?: string;
  hint?: string;
}) {
  const describedBy =
    [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="flex flex-col gap-1">
      <legend className="text-sm font-medium">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={selected.includes(o.value)}
              aria-invalid={error ? true : undefined}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))
              }
              className="h-4 w-4 accent-brand"
            />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${name}-error`} className="text-sm font-medium text-danger" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
