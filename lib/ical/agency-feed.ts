// An agency's calendar feed: the events it should see, as iCalendar. Each source of events
// (incoming notices) registers a loader here; a loader must return only what the agency may see.
import type { Db } from "../db/client";
import { incomingNoticeEvents } from "../notices/calendar-events";
import { buildCalendar, type CalendarEvent } from "./build-calendar";

export type FeedEventLoader = (args: { db: Db; agencyId: string; now: Date }) => Promise<CalendarEvent[]>;

/** Incoming notices register their loader here. */
export const feedEventLoaders: FeedEventLoader[] = [incomingNoticeEvents];

export async function agencyCalendar(args: {
  db: Db;
  agencyId: string;
  agencyName: string;
  now: Date;
  title: string;
  description?: string;
}): Promise<string> {
  const events = (
    await Promise.all(feedEventLoaders.map((load) => load({ db: args.db, agencyId: args.agencyId, now: args.now })))
  ).flat();
  events.sort((a, b) => a.start.getTime() - b.start.getTime());
  return buildCalendar({ name: args.title, description: args.description, events });
}
