"use client";
// Client-side access to the current locale's messages, handed down once by the root layout.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator, type Messages, type Translate } from "@/lib/i18n/translate";
import { translateIssue } from "@/lib/i18n/issue";

type I18n = { locale: Locale; messages: Messages; timeZone: string };

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, messages, timeZone, children }: I18n & { children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages, timeZone }), [locale, messages, timeZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("I18nProvider is missing");
  return ctx;
}

export function useLocale(): Locale {
  return useI18n().locale;
}

/** The viewer's display time zone (their agency's), or UTC before sign-in. */
export function useTimeZone(): string {
  return useI18n().timeZone;
}

export function useT(namespace?: string): Translate {
  const { locale, messages } = useI18n();
  return useMemo(() => createTranslator(messages, locale, namespace), [messages, locale, namespace]);
}

/** Renders a validation message key (see lib/i18n/issue.ts) in the current language. */
export function useIssueText(): (message: string) => string {
  const t = useT();
  return useMemo(() => (message: string) => translateIssue(t, message), [t]);
}
