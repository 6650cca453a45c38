// Time display: everything is stored in UTC and shown in the viewer's agency time zone, with the zone named.
import type { Locale } from "./locales";

const tag = (locale: Locale) => (locale === "es" ? "es-US" : "en-US");

export function formatDateTime(value: Date | string, timeZone: string, locale: Locale): string {
  const d = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(d);
}

export function formatDate(value: Date | string, timeZone: string, locale: Locale): string {
  const d = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(tag(locale), { timeZone, year: "numeric", month: "short", day: "numeric" }).format(d);
}

/**
 * "Central Time (CST)", "hora central (CST)": the zone as people say it, never a time zone
 * database name like "America/Chicago" (that stays for forms that choose a zone).
 */
export function zoneLabel(timeZone: string, locale: Locale, at: Date = new Date()): string {
  const name = (style: "longGeneric" | "short") =>
    new Intl.DateTimeFormat(tag(locale), { timeZone, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
  const [generic, short] = [name("longGeneric"), name("short")];
  if (generic && short && generic !== short) return `${generic} (${short})`;
  return generic ?? short ?? timeZone;
}

/** "in 45 minutes", "2 hours ago": how far `value` is from `now`, in the largest whole unit. */
export function formatRelative(value: Date, now: Date, locale: Locale): string {
  const rtf = new Intl.RelativeTimeFormat(tag(locale), { numeric: "auto" });
  const minutes = Math.round((value.getTime() - now.getTime()) / 60_000);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return rtf.format(hours, "hour");
  return rtf.format(Math.round(hours / 24), "day");
}

/** The calendar day of an instant in a zone, "YYYY-MM-DD", for grouping by day. */
export function zonedDay(value: Date, timeZone: string): string {
  return utcToZonedWallTime(value, timeZone).slice(0, 10);
}

/** "Thursday, Dec 3": a day heading in the zone. */
export function formatDayHeading(value: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone, weekday: "long", month: "short", day: "numeric" }).format(
    value,
  );
}

/** "14:30": the time of day in the zone. */
export function formatTime(value: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(value);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Interprets a wall-clock "YYYY-MM-DDTHH:mm" in a time zone as a UTC instant. */
export function zonedWallTimeToUtc(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // Two passes settle the offset, including across a DST change.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** Formats a UTC instant as wall-clock "YYYY-MM-DDTHH:mm" in a time zone (for datetime-local inputs). */
export function utcToZonedWallTime(value: Date, timeZone: string): string {
  const shifted = new Date(value.getTime() + offsetMs(value, timeZone));
  return shifted.toISOString().slice(0, 16);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}
