// One account of the admin's agency. The id in the address is looked up within the admin's own
// agency only: another agency's user id shows the not-found page.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { getAgencyUser } from "@/lib/users/list-users";
import { AdminNav } from "../../_components/admin-nav";
import { AccessForm, ResetMfaForm, RolesForm } from "../../_components/user-forms";
import { loadOrNotFound } from "../../_lib/load-or-not-found";
import { roleNames } from "../../_lib/role-names";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("admin");
  return { title: t("user.account") };
}

export default async function AdminUserPage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const now = await currentTime(db());
  const user = await loadOrNotFound(() => getAgencyUser({ actor, userId: id, now }));
  const [t, tc, locale] = await Promise.all([getT("admin"), getT("common"), getLocale()]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);
  const isSelf = user.id === actor.userId;

  const facts: [string, ReactNode][] = [
    [t("user.email"), user.email],
    [t("user.jobTitle"), user.title ?? "—"],
    [
      t("user.status"),
      user.active ? <Badge tone="ok">{t("users.active")}</Badge> : <Badge tone="danger">{t("users.inactive")}</Badge>,
    ],
    [t("user.created"), when(user.createdAt)],
    ...(user.deactivatedAt ? ([[t("user.deactivatedAt"), when(user.deactivatedAt)]] as [string, ReactNode][]) : []),
    [t("user.sessions"), String(user.activeSessions)],
    [
      t("user.mfa"),
      user.mfaEnrolledAt ? t("user.enrolledAt", { date: when(user.mfaEnrolledAt) }) : t("users.mfaPending"),
    ],
  ];

  return (
    <>
      <p className="mb-4">
        <Link href="/admin" className="text-brand underline">
          {t("user.back")}
        </Link>
      </p>
      <PageHeader title={user.name} description={isSelf ? t("user.self") : undefined} />
      <AdminNav current="users" />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="account-heading" className="rounded-lg border border-line bg-white p-6">
          <h2 id="account-heading" className="mb-4 text-lg font-semibold">
            {t("user.account")}
          </h2>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="user-facts">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-muted">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="roles-heading" className="rounded-lg border border-line bg-white p-6">
          <h2 id="roles-heading" className="mb-4 text-lg font-semibold">
            {t("user.roles")}
          </h2>
          <RolesForm userId={user.id} current={user.roles} roleLabels={roleNames(tc)} />
        </section>
        <section aria-labelledby="access-heading" className="rounded-lg border border-line bg-white p-6">
          <h2 id="access-heading" className="mb-4 text-lg font-semibold">
            {t("user.access")}
          </h2>
          <AccessForm userId={user.id} active={user.active} />
        </section>
        <section aria-labelledby="mfa-heading" className="rounded-lg border border-line bg-white p-6">
          <h2 id="mfa-heading" className="mb-4 text-lg font-semibold">
            {t("user.mfa")}
          </h2>
          <ResetMfaForm userId={user.id} />
        </section>
      </div>
    </>
  );
}
