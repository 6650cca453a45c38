// An agency's incoming notices as calendar events, for its iCalendar feed: one event per thread
// (its UID stays the same through updates; SEQUENCE counts them), cancelled when the operation is.
import type { FeedEventLoader } from "../ical/agency-feed";
import type { CalendarEvent } from "../ical/build-calendar";
import { messagesFor } from "../i18n/catalog";
import { isLocale, type Locale } from "../i18n/locales";
import { createTranslator } from "../i18n/translate";
import { areaSummary, pointSummary } from "./area-text";
import { noticeLink } from "./contacts";
import { noticeContent } from "./content";

/** Operations that ended longer ago than this drop out of the feed. */
export const FEED_PAST_DAYS = 30;

export const incomingNoticeEvents: FeedEventLoader = async ({ db, agencyId, now }) => {
  const agency = await db.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { languages: true } });
  const locale = (agency.languages.find(isLocale) ?? "en") as Locale;
  const t = createTranslator(messagesFor(locale), locale, "notices");
  const rows = await db.notice.findMany({
    where: {
      recipientAgencyId: agencyId,
      kind: { not: "ASSISTANCE_REQUEST" },
      endsAt: { gte: new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000) },
    },
    orderBy: { sentAt: "asc" },
    select: {
      id: true,
      threadId: true,
      kind: true,
      sentAt: true,
      startsAt: true,
      endsAt: true,
      content: true,
      supersededAt: true,
    },
  });
  const versions = new Map<string, number>();
  for (const r of rows) versions.set(r.threadId, (versions.get(r.threadId) ?? 0) + 1);
  const events: CalendarEvent[] = [];
  for (const r of rows) {
    if (r.supersededAt) continue;
    const c = noticeContent(r.content);
    const title = c.operation?.title ?? c.operationRef;
    events.push({
      uid: `${r.threadId}@common-ground`,
      sequence: (versions.get(r.threadId) ?? 1) - 1,
      stamp: r.sentAt,
      start: r.startsAt,
      end: r.endsAt,
      summary: `${t(`kinds.${r.kind}`)}: ${title} (${c.sender.shortName})`,
      description: [
        t("calendarFeed.from", { agency: c.sender.name, phone: c.sender.phone24x7 }),
        t("calendarFeed.command", { name: c.contact.commanderName, phone: c.contact.commanderPhone }),
        noticeLink(r.id),
      ].join("\n"),
      location: c.area ? areaSummary(c.area) : pointSummary(c.conflicts[0]?.where ?? null),
      status: r.kind === "CANCELLATION" ? "CANCELLED" : "CONFIRMED",
      url: noticeLink(r.id),
      categories: [r.kind],
    });
  }
  return events;
};
