// A published version's text in the reader's language, when the agency published one.
import type { PublicVersion } from "@/lib/public-record/public-read";

export function localized(
  v: PublicVersion,
  locale: string,
): { title: string; summary: string; body: string; lang: string | undefined } {
  const tr = locale === "en" ? undefined : v.translations[locale];
  if (tr?.title && tr.summary && tr.body)
    return { title: tr.title, summary: tr.summary, body: tr.body, lang: undefined };
  // Not translated: the English text, marked as English for screen readers.
  return { title: v.title, summary: v.summary, body: v.body, lang: locale === "en" ? undefined : "en" };
}

export const calendarDay = (d: string, locale: string) =>
  new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", {
    timeZone: "UTC",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(new Date(`${d}T12:00:00Z`));
