import type { Metadata } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getActor } from "@/lib/auth/session";
import { messagesFor } from "@/lib/i18n/catalog";
import { I18nProvider } from "@/components/i18n/i18n-provider";
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

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts must carry that response's CSP nonce (proxy.ts),
  // which a page prerendered at build time could not.
  await connection();
  const locale = await getLocale();
  const actor = await getActor().catch(() => null);
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-screen font-sans antialiased">
        <I18nProvider locale={locale} messages={messagesFor(locale)} timeZone={actor?.agencyTimeZone ?? "UTC"}>
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
