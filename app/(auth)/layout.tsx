import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { getT } from "../_i18n/server";

// Pages for people who are not signed in yet: a quiet frame with the language choice up front.
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getT("common");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-dark text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <p className="text-lg font-semibold tracking-tight">{t("appName")}</p>
            <p className="text-sm text-blue-100">{t("tagline")}</p>
          </div>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="flex-1 px-4 py-10">
        <div className="mx-auto w-full max-w-md">{children}</div>
      </main>
    </div>
  );
}
