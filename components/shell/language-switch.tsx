"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { setLocaleAction } from "@/app/_i18n/actions";

export function LanguageSwitch({ tone = "dark" }: { tone?: "dark" | "light" }) {
  const t = useT("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className={`flex items-center gap-2 text-sm ${tone === "dark" ? "text-white" : "text-ink"}`}>
      <span>{t("language")}</span>
      <select
        data-testid="language-switch"
        className="rounded-md border border-line bg-white px-2 py-1 text-ink"
        value={locale}
        disabled={pending}
        onChange={(e) =>
          start(async () => {
            await setLocaleAction(e.target.value as Locale);
            router.refresh();
          })
        }
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`languageNames.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
