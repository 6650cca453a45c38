// Server-side language selection: on the public record the reader's choice there; else the
// signed-in user's preference, else the cg_locale cookie, else the browser's Accept-Language.
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { secureCookies } from "@/lib/auth/cookie";
import { getActor } from "@/lib/auth/session";
import { messagesFor } from "@/lib/i18n/catalog";
import {
  DEFAULT_LOCALE,
  isLocale,
  localeFromAcceptLanguage,
  PUBLIC_LOCALE_HEADER,
  type Locale,
} from "@/lib/i18n/locales";
import { createTranslator, type Translate } from "@/lib/i18n/translate";
import { log } from "@/lib/log";

export const LOCALE_COOKIE = "cg_locale";

/** A year; Secure whenever the portal is served over https, like the session cookie. */
export function localeCookieOptions() {
  return { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true, secure: secureCookies() } as const;
}

export const getLocale = cache(async (): Promise<Locale> => {
  // The public record: the reader's ?lang= or cookie choice, even when signed in (proxy.ts).
  const publicChoice = (await headers()).get(PUBLIC_LOCALE_HEADER);
  if (isLocale(publicChoice)) return publicChoice;
  const actor = await getActor().catch(() => null);
  if (actor && isLocale(actor.locale)) return actor.locale;
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const accept = (await headers()).get("accept-language");
  return accept ? localeFromAcceptLanguage(accept) : DEFAULT_LOCALE;
});

const warnMissing = (key: string) => log.warn({ key }, "missing translation");

/** A translator for a namespace (or the whole catalog when omitted). */
export async function getT(namespace?: string): Promise<Translate> {
  const locale = await getLocale();
  return createTranslator(messagesFor(locale), locale, namespace, warnMissing);
}
