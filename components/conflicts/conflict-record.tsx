// The two-sided record of a conflict: both sides' acknowledgments (who and when), every step
// either side took with its view, and the notices between the two agencies that report it (server component).
import Link from "next/link";
import type { ConflictView } from "@/lib/conflicts/conflict-view";
import type { Translate } from "@/lib/i18n/translate";

type Props = { c: ConflictView; t: Translate; tc: Translate; when: (d: Date | string) => string };

/** `t` is bound to "conflicts.twoSided", `tc` to "conflicts". */
export function ConflictAcks({ c, t, when }: Props) {
  const line = (a: { at: Date; byName: string | null } | null) =>
    a ? t("ackedBy", { name: a.byName ?? "—", at: when(a.at) }) : t("notAcked");
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="acks">
      <dt className="font-medium text-muted">{t("yourSide")}</dt>
      <dd data-testid="ack-own">{line(c.own.acknowledged)}</dd>
      <dt className="font-medium text-muted">{c.counterpart.agency.name}</dt>
      <dd data-testid="ack-counterpart">{line(c.counterpart.acknowledged)}</dd>
    </dl>
  );
}

export function ConflictHistory({ c, t, tc, when }: Props) {
  if (c.history.length === 0) return null;
  return (
    <section aria-labelledby="history-title" className="mt-6 rounded-md border border-line bg-white p-4">
      <h2 id="history-title" className="mb-3 text-lg font-semibold">
        {t("history.title")}
      </h2>
      <ol className="flex flex-col gap-3" data-testid="conflict-history">
        {c.history.map((e) => (
          <li
            key={e.id}
            className={`rounded-md border-l-4 bg-slate-50 px-3 py-2 ${e.byOwnSide ? "border-brand" : "border-amber-500"}`}
            data-testid="history-entry"
            data-kind={e.kind}
          >
            <p className="text-sm">
              <span className="font-semibold">
                {t(`history.kinds.${e.kind}`, { agency: e.agencyName, name: e.byName })}
              </span>{" "}
              <span className="text-muted">{when(e.at)}</span>
            </p>
            {e.outcome && e.kind !== "ACKNOWLEDGED" ? <p className="mt-1">{tc(`outcomes.${e.outcome}`)}</p> : null}
            {e.note && e.kind !== "CONFIRMED" ? <p className="mt-1 whitespace-pre-line text-sm">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ConflictNotices({ c, t, tn, when }: Omit<Props, "tc"> & { tn: Translate }) {
  if (c.notices.length === 0) return null;
  return (
    <section aria-labelledby="notices-title" className="mt-6 rounded-md border border-line bg-white p-4">
      <h2 id="notices-title" className="mb-3 text-lg font-semibold">
        {t("notices.title")}
      </h2>
      <ul className="flex flex-col gap-2 text-sm" data-testid="conflict-notices">
        {c.notices.map((n) => (
          <li key={n.id} data-testid="conflict-notice">
            <Link href={`/notices/${n.id}`} className="font-medium text-brand underline">
              {n.ref}
            </Link>{" "}
            · {tn(`kinds.${n.kind}`)} · {t(`notices.${n.direction}`, { agency: c.counterpart.agency.name })}
            {n.current ? null : <> · {t("notices.superseded")}</>}
            {" · "}
            <span data-testid="conflict-notice-ack">
              {n.acknowledgedAt
                ? t("ackedBy", { name: n.acknowledgedByName ?? "—", at: when(n.acknowledgedAt) })
                : n.requiresAck
                  ? t("notAcked")
                  : t("notices.noAck")}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
