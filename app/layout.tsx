import type { Metadata } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getActor } from "@/lib/auth/session";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { ClientMessages } from "./_i18n/client-messages";
import { getLocale, getT } from "./_i18n/server";
import "./globals.css";

const inter = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
      weight: "100 900",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2",
      weight: "100 900",
      style: "normal",
    },
  ],
  variable: "--font-inter",
  display: "swap",
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

const NO_MESSAGES = {};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts must carry that response's CSP nonce (proxy.ts),
  // which a page prerendered at build time could not.
  await connection();
  const locale = await getLocale();
  const actor = await getActor().catch(() => null);
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-screen font-sans antialiased">
        {/* Every page's client components get the shared messages; each page adds its own. */}
        <I18nProvider locale={locale} messages={NO_MESSAGES} timeZone={actor?.agencyTimeZone ?? "UTC"}>
          <ClientMessages scopes={["common", "errors"]}>{children}</ClientMessages>
        </I18nProvider>
      </body>
    </html>
  );
}
