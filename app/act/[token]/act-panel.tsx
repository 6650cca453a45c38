"use client";
// The /act page's body: what the link will do and one large confirm button; after pressing it, the
// confirmation (or why nothing was done) in its place, with focus moved to it.
import { useActionState, useEffect, useRef } from "react";
import type { ActView } from "./link-view";

const TONE: Record<ActView["tone"], string> = {
  confirm: "border-brand bg-white",
  done: "border-ok bg-green-50",
  refused: "border-warn bg-amber-50",
};

export function ActPanel({
  token,
  initial,
  action,
}: {
  token: string;
  initial: ActView;
  action: (previous: ActView, form: FormData) => Promise<ActView>;
}) {
  const [view, formAction, pending] = useActionState(action, initial);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (view !== initial) heading.current?.focus();
  }, [view, initial]);
  return (
    <section
      aria-labelledby="act-heading"
      className={`flex flex-col gap-5 rounded-lg border-2 p-5 ${TONE[view.tone]}`}
      data-testid={`act-state-${view.tone}`}
    >
      <h1
        id="act-heading"
        ref={heading}
        tabIndex={-1}
        className="text-2xl font-bold leading-tight text-ink outline-none"
      >
        {view.heading}
      </h1>
      <p
        role={view.tone === "confirm" ? undefined : "status"}
        className="text-lg leading-relaxed text-ink"
        data-testid="act-message"
      >
        {view.message}
      </p>
      {view.forPerson ? (
        <p className="text-base text-ink" data-testid="act-for-person">
          {view.forPerson}
        </p>
      ) : null}
      {view.button ? (
        <form action={formAction} className="flex flex-col gap-2">
          <input type="hidden" name="token" value={token} />
          <button
            type="submit"
            disabled={pending}
            data-testid="act-confirm"
            className="min-h-14 w-full rounded-lg bg-brand px-5 py-4 text-lg font-semibold text-white hover:bg-brand-dark focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-brand-dark disabled:bg-slate-500"
          >
            {pending ? view.working : view.button}
          </button>
          {view.expires ? <p className="text-sm text-muted">{view.expires}</p> : null}
        </form>
      ) : null}
      {view.summary ? (
        <div className="rounded-md border border-line bg-canvas p-4">
          <h2 className="mb-2 text-base font-semibold text-ink">{view.summary.heading}</h2>
          <dl className="flex flex-col gap-2">
            {view.summary.rows.map((r) => (
              <div key={r.label}>
                <dt className="text-sm font-medium text-muted">{r.label}</dt>
                <dd className="text-base text-ink">{r.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      <nav className="flex flex-col gap-3">
        {view.fullLink ? (
          <a
            href={view.fullLink.href}
            className="flex min-h-12 items-center justify-center rounded-lg border border-line bg-white px-4 py-3 text-base font-semibold text-brand-dark underline"
            data-testid="act-full-link"
          >
            {view.fullLink.label}
          </a>
        ) : (
          <a
            href={view.signIn.href}
            className="flex min-h-12 items-center justify-center rounded-lg border border-line bg-white px-4 py-3 text-base font-semibold text-brand-dark underline"
          >
            {view.signIn.label}
          </a>
        )}
      </nav>
    </section>
  );
}
