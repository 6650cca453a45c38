// The record around a notice, for both agencies: the notices in its thread, the escalation steps
// taken because it went unacknowledged, and how it was delivered on each channel.
import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import type { NoticeView } from "@/lib/notices/notice-view";

type Props = { n: NoticeView; t: Translate; when: (d: Date | string) => string };

export function NoticeTracking({ n, t, when }: Props) {
  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby="history-title" className="rounded-lg border border-line bg-white p-4">
        <h2 id="history-title" className="mb-2 text-lg font-semibold">
          {t("detail.history")}
        </h2>
        <ol className="flex flex-col gap-1 text-sm">
          {n.notices.map((x) => (
            <li key={x.id}>
              {x.id === n.id ? (
                <span aria-current="page" className="font-semibold">
                  {x.ref} · {t(`kinds.${x.kind}`)} · {when(x.sentAt)}
                </span>
              ) : (
                <Link href={`/notices/${x.id}`} className="text-brand-dark underline underline-offset-2">
                  {x.ref} · {t(`kinds.${x.kind}`)} · {when(x.sentAt)}
                </Link>
              )}
              {x.current ? <span className="ml-2 text-muted">({t("detail.current")})</span> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="escalation-title" className="rounded-lg border border-line bg-white p-4">
        <h2 id="escalation-title" className="mb-1 text-lg font-semibold">
          {t("detail.escalation")}
        </h2>
        <p className="mb-2 text-sm text-muted">{t("detail.escalationIntro")}</p>
        {n.escalations.length === 0 ? (
          <p className="text-sm" data-testid="escalation-none">
            {t("detail.escalationNone")}
          </p>
        ) : (
          <ol className="flex flex-col gap-1 text-sm" data-testid="escalation-steps">
            {n.escalations.map((e) => (
              <li key={e.id} data-testid="escalation-step">
                <span className="font-medium">
                  {t("detail.escalationStep", { step: e.step, level: t(`levels.${e.level}`) })}
                </span>{" "}
                · {when(e.firedAt)}
                {e.contactName || e.contactPhone ? (
                  <span className="text-muted">
                    {" "}
                    · {t("detail.escalationContact", { name: e.contactName ?? "—", phone: e.contactPhone ?? "—" })}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="delivery-title" className="rounded-lg border border-line bg-white p-4">
        <h2 id="delivery-title" className="mb-2 text-lg font-semibold">
          {t("detail.delivery")}
        </h2>
        {n.deliveries.length === 0 ? (
          <p className="text-sm">{t("detail.deliveryNone")}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm" data-testid="deliveries">
            {n.deliveries.map((d, i) => (
              <li key={i}>
                {t(`channels.${d.channel}`)} · {t(`outcomes.${d.outcome}`)} · {when(d.at)}
                {d.target && d.channel === "EMAIL" ? <span className="text-muted"> · {d.target}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
