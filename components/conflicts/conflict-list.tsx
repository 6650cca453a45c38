// Conflicts as a table: for the queue and for one operation's page (server component).
import Link from "next/link";
import type { ConflictSummary } from "@/lib/conflicts/conflicts";
import type { Translate } from "@/lib/i18n/translate";
import { Badge } from "@/components/ui/badge";
import { distanceText, overlapText } from "./facts-text";
import { SeverityLabel } from "./severity-label";

type Props = { items: ConflictSummary[]; when: (d: Date | string) => string; showOwnOperation: boolean; t: Translate };

const statusTone = { OPEN: "danger", RESOLVED: "ok", CLOSED: "neutral" } as const;

/** `t` is bound to "conflicts". */
export function ConflictList({ items, when, showOwnOperation, t }: Props) {
  const headers = [
    t("queue.severity"),
    t("queue.status"),
    ...(showOwnOperation ? [t("queue.yourOperation")] : []),
    t("queue.counterpart"),
    t("facts.distance"),
    t("queue.window"),
    t("queue.acknowledged"),
    t("queue.detected"),
  ];
  return (
    <div className="overflow-x-auto rounded-md border border-line bg-white">
      <table className="w-full min-w-[52rem] text-left text-sm" data-testid="conflict-table">
        <thead className="border-b border-line bg-slate-50">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr
              key={c.id}
              className="border-b border-line align-top last:border-0"
              data-testid="conflict-row"
              data-status={c.status}
            >
              <td className="px-3 py-2">
                <SeverityLabel severity={c.facts.severity} label={t(`severities.${c.facts.severity}`)} />
              </td>
              <td className="px-3 py-2">
                <Badge tone={statusTone[c.status]}>{t(`statuses.${c.status}`)}</Badge>
                {c.awaiting ? (
                  <div className="mt-1" data-testid="conflict-awaiting" data-awaiting={c.awaiting}>
                    <Badge tone={c.awaiting === "OWN" ? "warn" : "info"}>
                      {t(c.awaiting === "OWN" ? "twoSided.queue.awaitsYou" : "twoSided.queue.awaitsThem")}
                    </Badge>
                  </div>
                ) : null}
              </td>
              {showOwnOperation ? (
                <td className="px-3 py-2">
                  <Link href={`/operations/${c.ownOperation.id}`} className="text-brand underline">
                    {c.ownOperation.ref}
                  </Link>
                  <div className="text-muted">{c.ownOperation.title}</div>
                </td>
              ) : null}
              <td className="px-3 py-2">
                <Link
                  href={`/conflicts/${c.id}`}
                  className="font-medium text-brand underline"
                  data-testid="conflict-link"
                >
                  {c.counterpartAgency.name}
                </Link>
              </td>
              <td className="px-3 py-2">
                {distanceText(t, c.facts.minDistanceM, c.facts.areasIntersect, c.facts.containment)}
              </td>
              <td className="px-3 py-2">{overlapText(t, c.facts, when)}</td>
              <td className="px-3 py-2">
                {t("detail.yourSide")}: {c.acknowledgedByOwnSide ? t("queue.ackYes") : t("queue.ackNo")}
                <br />
                {c.counterpartAgency.shortName}: {c.acknowledgedByCounterpart ? t("queue.ackYes") : t("queue.ackNo")}
              </td>
              <td className="whitespace-nowrap px-3 py-2">{when(c.detectedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
