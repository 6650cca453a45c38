import { Suspense, type ReactNode } from "react";
import { requireActor } from "../_auth/require-actor";
import { readNavCounts } from "@/lib/dashboard/nav-counts";
import { db } from "@/lib/db/client";
import { zoneLabel } from "@/lib/i18n/format";
import { visibleNav } from "@/components/shell/nav-items";
import { AppHeader } from "@/components/shell/app-header";
import { ActivityReporter } from "@/components/shell/activity-reporter";
import { getLocale, getT } from "../_i18n/server";
import { can } from "@/lib/auth/authorize";
import { CONFLICT_DECIDING_ROLES } from "@/lib/conflicts/roles";
import { ConflictAlert } from "@/components/conflicts/conflict-alert";
import { ClientMessages } from "../_i18n/client-messages";

// Every page in this group is for signed-in users; each page still checks the actor itself.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const [t, locale, counts] = await Promise.all([getT("common"), getLocale(), readNavCounts({ db: db(), actor })]);
  return (
    <ClientMessages scopes={["conflicts.twoSided.alert"]}>
      <div className="flex min-h-screen flex-col">
        <Suspense fallback={null}>
          <ActivityReporter />
        </Suspense>
        <a
          href="#main"
          className="sr-only-focusable absolute left-2 top-2 z-50 rounded bg-white px-3 py-2 text-brand-dark"
        >
          {t("skipToContent")}
        </a>
        <AppHeader
          items={visibleNav(actor.roles, actor.isPlatformAdmin)}
          counts={counts}
          agencyLine={`${actor.agencyName} · ${zoneLabel(actor.agencyTimeZone, locale)}`}
          userName={actor.name}
        />
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
          {children}
        </main>
        {can(actor, { roles: CONFLICT_DECIDING_ROLES, agencyId: actor.agencyId }) ? <ConflictAlert /> : null}
      </div>
    </ClientMessages>
  );
}
