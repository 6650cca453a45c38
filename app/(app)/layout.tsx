import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { requireActor } from "../_auth/require-actor";
import { zoneLabel } from "@/lib/i18n/format";
import { visibleNav } from "@/components/shell/nav-items";
import { NavLinks } from "@/components/shell/nav-links";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ActivityReporter } from "@/components/shell/activity-reporter";
import { getLocale, getT } from "../_i18n/server";
import { can } from "@/lib/auth/authorize";
import { CONFLICT_DECIDING_ROLES } from "@/lib/conflicts/roles";
import { ConflictAlert } from "@/components/conflicts/conflict-alert";

// Every page in this group is for signed-in users; each page still checks the actor itself.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const t = await getT("common");
  const locale = await getLocale();
  return (
    <div className="flex min-h-screen flex-col">
      <Suspense fallback={null}>
        <ActivityReporter />
      </Suspense>
      <a href="#main" className="sr-only-focusable absolute left-2 top-2 z-50 rounded bg-white px-3 py-2 text-brand-dark">
        {t("skipToContent")}
      </a>
      <header className="bg-brand-dark text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <Link href="/" className="text-lg font-semibold tracking-tight text-white">
              {t("appName")}
            </Link>
            <p className="text-sm text-blue-100" data-testid="shell-agency">
              {actor.agencyName} · {zoneLabel(actor.agencyTimeZone, locale)}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <LanguageSwitch />
            <Link href="/account" className="text-sm text-white underline-offset-2 hover:underline" data-testid="shell-user">
              {actor.name}
            </Link>
            <SignOutButton />
          </div>
        </div>
        <nav aria-label={t("nav.main")} className="mx-auto max-w-7xl px-4 pb-2">
          <NavLinks items={visibleNav(actor.roles, actor.isPlatformAdmin)} />
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
      {can(actor, { roles: CONFLICT_DECIDING_ROLES, agencyId: actor.agencyId }) ? <ConflictAlert /> : null}
    </div>
  );
}
