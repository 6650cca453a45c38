// A host agency's read-only view of two notified operations that collide in its territory: only
// what its own notices already told it (server component).
import Link from "next/link";
import type { HostConflictView } from "@/lib/conflicts/host-view";
import type { Translate } from "@/lib/i18n/translate";

/** `t` is bound to "conflicts.twoSided.host". */
export function HostConflict({
  c,
  t,
  when,
}: {
  c: HostConflictView;
  t: Translate;
  when: (d: Date | string) => string;
}) {
  return (
    <section
      aria-labelledby="host-title"
      className="rounded-md border border-line bg-white p-4"
      data-testid="host-conflict"
    >
      <h2 id="host-title" className="mb-2 text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mb-3 text-sm text-muted">{t("explain")}</p>
      <ul className="flex flex-col gap-3">
        {c.notices.map((n) => (
          <li key={n.id} data-testid="host-conflict-notice">
            <Link href={`/notices/${n.id}`} className="font-medium text-brand underline">
              {n.ref} · {n.title}
            </Link>
            <p className="text-sm">
              {n.senderName} · {when(n.startsAt)} – {when(n.endsAt)}
            </p>
          </li>
        ))}
      </ul>
      {c.window ? (
        <p className="mt-3 font-medium" data-testid="host-conflict-window">
          {t("window", { start: when(c.window.start), end: when(c.window.end) })}
        </p>
      ) : null}
      <p className="mt-3 text-sm text-muted">{t("needToKnow")}</p>
    </section>
  );
}
