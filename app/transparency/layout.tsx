// The public record's frame: no sign-in, no portal navigation; a title, the language links and
// the way back to the overview. Pages below render on the server and read only published records.
import type { ReactNode } from "react";
import { getT } from "@/app/_i18n/server";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { LanguageLinks } from "./_components/language-links";

export default async function TransparencyLayout({ children }: { children: ReactNode }) {
  const t = await getT("publicRecord");
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-ink">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t("public.skip")}
      </a>
      <header className="bg-brand-dark text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <a href="/transparency" className="text-lg font-semibold text-white">
            {t("public.siteTitle")}
          </a>
          <nav aria-label={t("public.sections")}>
            <ul className="flex flex-wrap gap-4 text-sm">
              <li>
                <a className="text-white underline" href="/transparency/statewide">
                  {t("public.statewide")}
                </a>
              </li>
              <li>
                <a className="text-white underline" href="/transparency/audit-anchors">
                  {t("anchors.nav")}
                </a>
              </li>
              <li>
                <a className="text-white underline" href="/transparency/feed.xml">
                  {t("public.feed")}
                </a>
              </li>
            </ul>
          </nav>
          <ClientMessages scopes={["publicRecord.public.language"]}>
            <LanguageLinks />
          </ClientMessages>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-line bg-white">
        <p className="mx-auto max-w-5xl px-4 py-4 text-sm text-muted">{t("public.footer")}</p>
      </footer>
    </div>
  );
}
