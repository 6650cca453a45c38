// On a notice: the conflict it reports (for the two parties), the recipient's own operations it
// overlaps, and — for a host agency — the other notified operations it collides with (server component).
import Link from "next/link";
import type { NoticeView } from "@/lib/notices/notice-view";
import type { Translate } from "@/lib/i18n/translate";

/** `t` is bound to "conflicts.twoSided.noticeLinks". */
export function NoticeConflictLinks({
  n,
  t,
  when,
}: {
  n: NoticeView;
  t: Translate;
  when: (d: Date | string) => string;
}) {
  if (!n.conflict && n.ownOperations.length === 0 && n.collisions.length === 0) return null;
  return (
    <section
      aria-labelledby="notice-conflict-title"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4"
      data-testid="notice-conflict"
    >
      <h2 id="notice-conflict-title" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      {n.conflict ? (
        <p className="mb-2">
          <Link
            href={`/conflicts/${n.conflict.id}`}
            className="font-medium text-brand-dark underline underline-offset-2"
            data-testid="notice-conflict-link"
          >
            {t("open")}
          </Link>
          {n.conflict.awaitsOwnAck ? <span className="ml-2 text-sm">{t("ackTogether")}</span> : null}
        </p>
      ) : null}
      {n.ownOperations.length > 0 ? (
        <div className="mb-2">
          <p className="text-sm font-medium">{t("overlapsOwn")}</p>
          <ul className="list-disc pl-5">
            {n.ownOperations.map((o) => (
              <li key={o.id}>
                <Link
                  href={`/operations/${o.id}`}
                  className="text-brand-dark underline underline-offset-2"
                  data-testid="notice-own-operation"
                >
                  {o.ref} · {o.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {n.collisions.length > 0 ? (
        <div>
          <p className="text-sm font-medium">{t("collidesWith")}</p>
          <ul className="list-disc pl-5">
            {n.collisions.map((c) => (
              <li key={c.conflictId} data-testid="notice-collision">
                <Link href={`/conflicts/${c.conflictId}`} className="text-brand-dark underline underline-offset-2">
                  {c.other.ref} · {c.other.title}
                </Link>{" "}
                <span className="text-sm text-muted">
                  {t("from", { agency: c.other.senderName, start: when(c.other.startsAt), end: when(c.other.endsAt) })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
