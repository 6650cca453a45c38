// Small shared pieces of the request pages: the due clock and the decision badge.
import type { Translate } from "@/lib/i18n/translate";
import { Badge } from "@/components/ui/badge";

/** "Due in 47 h 12 min" / "Overdue by 2 h 5 min": the time left, in whole minutes. */
export function dueClock(t: Translate, minutes: number | null): string {
  if (minutes === null) return t("queue.noDue");
  const m = Math.abs(minutes);
  const text = t("queue.duration", { h: Math.floor(m / 60), m: m % 60 });
  return minutes >= 0 ? t("queue.dueIn", { time: text }) : t("queue.overdue", { time: text });
}

export function DecisionBadge({
  t,
  decision,
  departure,
}: {
  t: Translate;
  decision: string | null;
  departure?: boolean;
}) {
  return (
    <span className="inline-flex gap-2">
      {decision ? (
        <Badge tone={decision === "DECLINED" ? "info" : "ok"}>{t(`decisions.${decision}`)}</Badge>
      ) : (
        <Badge tone="warn">{t("queue.pending")}</Badge>
      )}
      {departure ? <Badge tone="danger">{t("oversight.departure")}</Badge> : null}
    </span>
  );
}
