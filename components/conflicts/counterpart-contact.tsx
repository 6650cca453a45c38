// Whom to call on the other side of a conflict: exactly what need to know allows (server component).
import type { ReactNode } from "react";
import type { Counterpart } from "@/lib/conflicts/conflict-view";
import type { Translate } from "@/lib/i18n/translate";

const tel = (phone: string) => (
  <a href={`tel:${phone.replace(/[^+\d]/g, "")}`} className="text-brand underline">
    {phone}
  </a>
);

/** `t` is bound to "conflicts". */
export function CounterpartContact({ counterpart: c, t }: { counterpart: Counterpart; t: Translate }) {
  const rows: [string, ReactNode][] = [
    [t("contact.agency"), c.agency.name],
    [t("contact.agencyPhone"), tel(c.agency.phone24x7)],
    [t("contact.commander"), c.commanderName],
    [t("contact.phone"), tel(c.commanderPhone)],
    [
      t("contact.comms"),
      <span key="comms" className="whitespace-pre-line">
        {c.commsPlan}
      </span>,
    ],
  ];
  if (c.radioChannel) rows.push([t("contact.radioChannel"), c.radioChannel]);
  if (c.talkgroup) rows.push([t("contact.talkgroup"), c.talkgroup]);
  if (c.interopChannel) rows.push([t("contact.interopChannel"), c.interopChannel]);
  return (
    <section
      aria-labelledby="contact"
      className="rounded-md border border-line bg-white p-4"
      data-testid="counterpart-contact"
    >
      <h2 id="contact" className="mb-3 text-lg font-semibold">
        {t("contact.title")}
      </h2>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-muted">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-muted">{t("contact.needToKnow")}</p>
    </section>
  );
}
