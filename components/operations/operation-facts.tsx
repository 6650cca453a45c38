// An operation's details as its own agency sees them (server component: translators passed in).
import type { ReactNode } from "react";
import type { OperationView } from "@/lib/operations/operation-view";
import type { Translate } from "@/lib/i18n/translate";

type Props = { op: OperationView; when: (d: Date) => string; t: Translate; to: Translate };

export function OperationFacts({ op, when, t, to }: Props) {
  const phone = op.commanderPhone.replace(/[^+\d]/g, "");
  const rows: [string, ReactNode][] = [
    [t("status"), to(`statuses.${op.status}`)],
    [t("type"), to(`types.${op.type}`)],
    [t("starts"), when(op.startsAt)],
    [t("ends"), when(op.endsAt)],
    [t("leadAgency"), op.leadAgencyName],
    [t("commander"), op.commanderName],
    [
      t("phone"),
      <a key="phone" href={`tel:${phone}`} className="text-brand underline">
        {op.commanderPhone}
      </a>,
    ],
    [t("personnel"), String(op.personnelCount)],
    [
      t("comms"),
      <span key="comms" className="whitespace-pre-line">
        {op.commsPlan}
      </span>,
    ],
    ...(op.radioChannel ? ([[t("radioChannel"), op.radioChannel]] as [string, ReactNode][]) : []),
    ...(op.talkgroup ? ([[t("talkgroup"), op.talkgroup]] as [string, ReactNode][]) : []),
    ...(op.interopChannel ? ([[t("interopChannel"), op.interopChannel]] as [string, ReactNode][]) : []),
    [t("riskFlags"), op.riskFlags.length ? op.riskFlags.map((f) => to(`riskFlags.${f}`)).join(", ") : "—"],
    ...(op.notes
      ? ([
          [
            t("notes"),
            <span key="notes" className="whitespace-pre-line">
              {op.notes}
            </span>,
          ],
        ] as [string, ReactNode][])
      : []),
  ];
  return (
    <section aria-labelledby="op-details" className="rounded-md border border-line bg-white p-4">
      <h2 id="op-details" className="mb-3 text-lg font-semibold">
        {t("details")}
      </h2>
      <dl
        className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]"
        data-testid="operation-facts"
      >
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-muted">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
