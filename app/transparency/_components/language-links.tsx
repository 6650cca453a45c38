"use client";
// The public record's language links: plain links (?lang=…) that work without JavaScript; the
// proxy turns the choice into the portal's language cookie.
import { usePathname } from "next/navigation";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { LOCALES } from "@/lib/i18n/locales";

const NAMES: Record<string, string> = { en: "English", es: "Español" };

export function LanguageLinks() {
  const pathname = usePathname();
  const locale = useLocale();
  const t = useT("publicRecord");
  return (
    <nav aria-label={t("public.language")}>
      <ul className="flex gap-3 text-sm">
        {LOCALES.map((l) => (
          <li key={l}>
            {l === locale ? (
              <span aria-current="true" className="font-semibold underline">
                {NAMES[l]}
              </span>
            ) : (
              <a
                href={`${pathname}?lang=${l}`}
                lang={l}
                hrefLang={l}
                className="text-white underline"
                data-testid={`lang-${l}`}
              >
                {NAMES[l]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
