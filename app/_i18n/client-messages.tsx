// The messages the page's client components read, picked from the catalog on the server, so the
// page's payload carries those and not the whole catalog. Scopes are namespaces, sub-trees or
// single keys, written as string literals: lib/i18n/client-messages.test.ts reads them and checks
// every page provides what its client components use. `forms` adds the shared validation
// messages a form's action can return (lib/i18n/client-scopes.ts).
import type { ReactNode } from "react";
import { messagesFor } from "@/lib/i18n/catalog";
import { FORM_MESSAGES } from "@/lib/i18n/client-scopes";
import type { Locale } from "@/lib/i18n/locales";
import { pickMessages } from "@/lib/i18n/pick";
import { MessagesProvider } from "@/components/i18n/i18n-provider";
import { getLocale } from "./server";

type Props = { scopes: readonly string[]; forms?: boolean; locale?: Locale; children: ReactNode };

export async function ClientMessages({ scopes, forms = false, locale, children }: Props) {
  const all = messagesFor(locale ?? (await getLocale()));
  const messages = pickMessages(all, forms ? [...scopes, ...FORM_MESSAGES] : scopes);
  return <MessagesProvider messages={messages}>{children}</MessagesProvider>;
}
