import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getAccountSummary } from "@/lib/auth/account-summary";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "../../_i18n/server";
import { ChangePasswordForm, LanguageForm, SignOutEverywhereForm } from "./account-forms";
import { can } from "@/lib/auth/authorize";
import { FILING_ROLES } from "@/lib/operations/roles";
import { getFilingDefaults } from "@/lib/users/filing-defaults";
import { saveFilingDefaultsAction } from "./actions";
import { FilingDefaultsForm } from "./filing-defaults-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("auth");
  return { title: t("account.title") };
}

export default async function AccountPage() {
  const actor = await requireActor();
  const [t, tc, tf, locale] = await Promise.all([getT("auth"), getT("common"), getT("followUp.defaults"), getLocale()]);
  const files = can(actor, { roles: FILING_ROLES, agencyId: actor.agencyId }) && actor.userId !== null;
  const defaults = files ? await getFilingDefaults({ db: db(), actor }) : null;
  const account = await getAccountSummary({ actor, now: await currentTime(db()) });
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);
  const roleNames: Record<string, string> = {
    LIAISON: tc("roles.LIAISON"),
    SUPERVISOR: tc("roles.SUPERVISOR"),
    CHIEF: tc("roles.CHIEF"),
    AGENCY_ADMIN: tc("roles.AGENCY_ADMIN"),
    AUDITOR: tc("roles.AUDITOR"),
  };

  const facts: [string, string][] = [
    [t("account.profile.name"), account.name],
    [t("account.profile.email"), account.email],
    [t("account.profile.agency"), actor.agencyName],
    [t("account.profile.roles"), account.roles.map((r) => roleNames[r] ?? r).join(", ")],
    [
      t("account.profile.mfa"),
      account.mfaEnrolledAt ? t("account.profile.mfaOn", { date: when(account.mfaEnrolledAt) }) : "—",
    ],
    [t("account.profile.passwordChanged"), when(account.passwordChangedAt)],
    ...(account.currentSession
      ? ([
          [t("account.profile.sessionStarted"), when(account.currentSession.createdAt)],
          [t("account.profile.sessionEnds"), when(account.currentSession.expiresAt)],
        ] as [string, string][])
      : []),
  ];

  return (
    <>
      <PageHeader title={t("account.title")} description={t("account.description")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="profile-heading" className="rounded-lg border border-line bg-white p-6">
          <h2 id="profile-heading" className="mb-4 text-lg font-semibold">
            {t("account.profile.heading")}
          </h2>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="account-profile">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-muted">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="language-heading" className="rounded-lg border border-line bg-white p-6">
          <h2 id="language-heading" className="mb-2 text-lg font-semibold">
            {t("account.language.heading")}
          </h2>
          <p className="mb-4 text-muted">{t("account.language.intro")}</p>
          <LanguageForm current={locale} />
        </section>
        {files ? (
          <section aria-labelledby="defaults-heading" className="rounded-lg border border-line bg-white p-6">
            <h2 id="defaults-heading" className="mb-2 text-lg font-semibold">
              {tf("heading")}
            </h2>
            <p className="mb-4 text-muted">{tf("intro")}</p>
            <FilingDefaultsForm
              initial={{
                commanderName: defaults?.commanderName ?? "",
                commanderPhone: defaults?.commanderPhone ?? "",
                commsPlan: defaults?.commsPlan ?? "",
                radioChannel: defaults?.radioChannel ?? "",
              }}
              action={saveFilingDefaultsAction}
            />
          </section>
        ) : null}
        <section aria-labelledby="password-heading" className="rounded-lg border border-line bg-white p-6">
          <h2 id="password-heading" className="mb-2 text-lg font-semibold">
            {t("account.password.heading")}
          </h2>
          <p className="mb-4 text-muted">{t("account.password.intro")}</p>
          <ChangePasswordForm />
        </section>
        <section aria-labelledby="sessions-heading" className="rounded-lg border border-line bg-white p-6">
          <h2 id="sessions-heading" className="mb-2 text-lg font-semibold">
            {t("account.sessions.heading")}
          </h2>
          <p className="mb-2 text-muted">{t("account.sessions.intro")}</p>
          <p className="mb-4" data-testid="active-sessions">
            {t("account.sessions.active", { count: account.activeSessions })}
          </p>
          <SignOutEverywhereForm />
        </section>
      </div>
    </>
  );
}
