// The language of an /act page: the visitor's own choice (the language cookie) first, then the
// language of the person the link was sent to, then the browser's.
import { cookies } from "next/headers";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { getLocale, LOCALE_COOKIE } from "../../_i18n/server";

export async function linkLocale(personLocale: Locale | null | undefined): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  if (personLocale) return personLocale;
  return getLocale();
}
