// RFC 5545 iCalendar output for an agency's feed of incoming notices: one VEVENT per notice,
// times in UTC, text escaped, lines folded at 75 octets without splitting a UTF-8 character.

export type CalendarEvent = {
  /** Stable across updates, so calendar apps replace the event instead of adding one. */
  uid: string;
  /** Increases with each update of the notice. */
  sequence: number;
  /** When this version of the event was last changed. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  /** A generalised place ("South Loop, Chicago"), never an exact target address. */
  location?: string;
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  url?: string;
  categories?: string[];
};

export type Calendar = {
  name: string;
  description?: string;
  events: CalendarEvent[];
  /** How often subscribers should refresh. */
  refreshMinutes?: number;
};

const PRODID = "-//Common Ground//Interagency Notices//EN";

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");
}

/** UTC DATE-TIME form: 20261123T140000Z. */
export function icalDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Folds a content line into chunks of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    // The first line holds 75 octets; continuations hold 74 after their leading space.
    const limit = out.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  out.push(current);
  return out.join("\r\n ");
}

function eventLines(e: CalendarEvent): string[] {
  if (!(e.end > e.start)) throw new Error(`Event ${e.uid} must end after it starts`);
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${icalDateTime(e.stamp)}`,
    `LAST-MODIFIED:${icalDateTime(e.stamp)}`,
    `SEQUENCE:${Math.max(0, Math.floor(e.sequence))}`,
    `DTSTART:${icalDateTime(e.start)}`,
    `DTEND:${icalDateTime(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.categories?.length ? [`CATEGORIES:${e.categories.map(escapeText).join(",")}`] : []),
    ...(e.url ? [`URL:${e.url.replace(/[\s]/g, "")}`] : []),
    `STATUS:${e.status}`,
    // Private to the subscribing agency: calendar apps that share free/busy should not expose it.
    "CLASS:CONFIDENTIAL",
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ];
}

export function buildCalendar(calendar: Calendar): string {
  const refresh = calendar.refreshMinutes ?? 15;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.description
      ? [`DESCRIPTION:${escapeText(calendar.description)}`, `X-WR-CALDESC:${escapeText(calendar.description)}`]
      : []),
    `REFRESH-INTERVAL;VALUE=DURATION:PT${refresh}M`,
    `X-PUBLISHED-TTL:PT${refresh}M`,
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
