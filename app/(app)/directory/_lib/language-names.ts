// Language codes as a reader of the page's language names them ("Polish", "polaco"), from the
// runtime's own CLDR data, so no message file has to list every language.
import type { Locale } from "@/lib/i18n/locales";

export function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageList(codes: string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(
    codes.map((c) => languageName(c, locale)),
  );
}
