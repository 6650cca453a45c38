// Labelled form controls with their error text wired up for screen readers.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type Common = { label: string; name: string; error?: string; hint?: string };

function describedBy(name: string, error?: string, hint?: string) {
  return [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Frame({ label, name, error, hint, children }: Common & { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${name}-error`} className="text-sm font-medium text-danger" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

const control = "rounded-md border bg-white px-3 py-2 text-ink shadow-sm aria-[invalid=true]:border-danger";

/** What every control shares: its id and name, and its error and hint wired for assistive technology. */
function controlProps(name: string, error?: string, hint?: string) {
  return {
    id: name,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(name, error, hint),
    className: `${control} border-slate-400`,
  };
}

export function TextField({ label, name, error, hint, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Frame label={label} name={name} error={error} hint={hint}>
      <input {...controlProps(name, error, hint)} {...props} />
    </Frame>
  );
}

export function TextArea({ label, name, error, hint, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Frame label={label} name={name} error={error} hint={hint}>
      <textarea {...controlProps(name, error, hint)} {...props} />
    </Frame>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  children,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Frame label={label} name={name} error={error} hint={hint}>
      <select {...controlProps(name, error, hint)} {...props}>
        {children}
      </select>
    </Frame>
  );
}

export function FormError({ message }: { message?: string | null }) {
  return (
    <div
      aria-live="polite"
      data-testid="form-error"
      className={message ? "rounded-md border border-danger bg-red-50 px-3 py-2 text-danger" : ""}
    >
      {message ?? null}
    </div>
  );
}
