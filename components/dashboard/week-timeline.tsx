// The next seven days, one row per day in the agency's time zone: the agency's own operations and
// those it was told of, each a link to its page. A day with nothing says so.
import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/locales";
import type { TimelineItem } from "@/lib/dashboard/read-dashboard";
import { TIMELINE_DAYS } from "@/lib/dashboard/read-dashboard";
import { formatDayHeading, formatTime, zonedDay } from "@/lib/i18n/format";

type Props = { items: TimelineItem[]; now: Date; timeZone: string; locale: Locale; t: Translate };

export function WeekTimeline({ items, now, timeZone, locale, t }: Props) {
  const days: { key: string; label: string; items: TimelineItem[] }[] = [];
  for (let i = 0; i < TIMELINE_DAYS; i++) {
    const at = new Date(now.getTime() + i * 86_400_000);
    const key = zonedDay(at, timeZone);
    if (days.some((d) => d.key === key)) continue;
    const heading = formatDayHeading(at, timeZone, locale);
    days.push({
      key,
      label:
        i === 0 ? t("timeline.today", { day: heading }) : i === 1 ? t("timeline.tomorrow", { day: heading }) : heading,
      items: [],
    });
  }
  const first = days[0]?.key ?? "";
  for (const item of items) {
    // Something already under way shows on today's row.
    const key = zonedDay(item.startsAt, timeZone);
    const day = days.find((d) => d.key === (key < first ? first : key));
    day?.items.push(item);
  }
  const time = (d: Date) => formatTime(d, timeZone, locale);
  return (
    <section
      aria-labelledby="dash-timeline-title"
      className="rounded-lg border border-line bg-white p-4"
      data-testid="dash-timeline"
    >
      <h2 id="dash-timeline-title" className="mb-1 text-lg font-semibold">
        {t("timeline.title")}
      </h2>
      <p className="mb-3 text-sm text-muted">{t("timeline.intro")}</p>
      {items.length === 0 ? (
        <p className="rounded-md bg-slate-50 p-3" data-testid="dash-timeline-empty">
          {t("timeline.empty")}
        </p>
      ) : null}
      <ol className="flex flex-col">
        {days.map((d) => (
          <li key={d.key} className="border-t border-line py-2 first:border-t-0" data-testid="dash-day">
            <h3 className="text-sm font-semibold">{d.label}</h3>
            {d.items.length === 0 ? (
              <p className="text-sm text-muted">{t("timeline.nothing")}</p>
            ) : (
              <ul className="mt-1 flex flex-col gap-1">
                {d.items.map((item) => (
                  <li key={`${item.kind}:${item.id}`}>
                    <Link
                      href={item.href}
                      data-testid="dash-timeline-item"
                      className={`flex min-h-11 flex-wrap items-center gap-x-2 rounded-md border-l-4 px-2 py-2 hover:bg-blue-50 ${item.kind === "OWN" ? "border-blue-700" : "border-amber-600"}`}
                    >
                      <span className="font-mono text-sm">
                        {time(item.startsAt)}–{time(item.endsAt)}
                      </span>
                      <span className="font-medium text-brand-dark">{item.title}</span>
                      <span className="text-sm text-slate-700">
                        {item.kind === "OWN" ? t("timeline.own") : t("timeline.from", { agency: item.agencyName })}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
