"use client";
// Client-side access to the current locale and the messages this page's client components read.
// The root layout hands down the shared ones (common, errors); a page or layout adds what its own
// client components use with <ClientMessages> (app/_i18n/client-messages.tsx), so no page ships
// the whole catalog. lib/i18n/client-messages.test.ts checks every page provides what it uses.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { lookupNode, mergeMessages } from "@/lib/i18n/pick";
import { createTranslator, type Messages, type Translate } from "@/lib/i18n/translate";
import { translateIssue } from "@/lib/i18n/issue";

type I18n = { locale: Locale; messages: Messages; timeZone: string };

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, messages, timeZone, children }: I18n & { children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages, timeZone }), [locale, messages, timeZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** Adds messages to those of the providers above (rendered by <ClientMessages> on the server). */
export function MessagesProvider({ messages, children }: { messages: Messages; children: ReactNode }) {
  const parent = useI18n();
  const value = useMemo(() => ({ ...parent, messages: mergeMessages(parent.messages, messages) }), [parent, messages]);
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
  // A namespace the page did not provide renders raw keys. Reported as an uncaught error in the
  // browser (the console, the development overlay); the end-to-end scans for raw keys on screen
  // (tests/e2e/support/messages.ts) and lib/i18n/client-messages.test.ts catch it before that.
  const missing = !!namespace && lookupNode(messages, namespace) === undefined;
  useEffect(() => {
    if (missing)
      reportError(new Error(`Messages "${namespace}" are not provided to this page (<ClientMessages scopes>)`));
  }, [missing, namespace]);
  return useMemo(() => createTranslator(messages, locale, namespace), [messages, locale, namespace]);
}

/** Renders a validation message key (see lib/i18n/issue.ts) in the current language. */
export function useIssueText(): (message: string) => string {
  const t = useT();
  return useMemo(() => (message: string) => translateIssue(t, message), [t]);
}
