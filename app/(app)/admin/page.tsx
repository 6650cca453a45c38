// Agency admin home: the agency's accounts. Only the agency's own admins reach it; there is no
// agency id anywhere in these addresses, so no URL can point it at another agency.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getT } from "@/app/_i18n/server";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { listAgencyUsers } from "@/lib/users/list-users";
import { AdminNav } from "./_components/admin-nav";
import { loadOrNotFound } from "./_lib/load-or-not-found";
import { roleNames } from "./_lib/role-names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("admin");
  return { title: t("title") };
}

export default async function AdminUsersPage() {
  const actor = await requireActor();
  const users = await loadOrNotFound(() => listAgencyUsers({ actor }));
  const [t, tc] = await Promise.all([getT("admin"), getT("common")]);
  const roles = roleNames(tc);
  const now = await currentTime(db());

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { agency: actor.agencyName })}
        actions={
          <Link
            href="/admin/users/new"
            className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark"
          >
            {t("users.add")}
          </Link>
        }
      />
      <AdminNav current="users" />
      <h2 className="mb-1 text-lg font-semibold">{t("users.title")}</h2>
      <p className="mb-3 text-sm text-muted">{t("users.count", { count: users.length })}</p>
      {users.length === 0 ? (
        <p>{t("users.none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm" data-testid="admin-users">
            <caption className="sr-only">{t("users.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("users.columns.name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("users.columns.email")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("users.columns.roles")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("users.columns.status")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("users.columns.mfa")}
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-t border-line" data-testid={`user-row-${u.email}`}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/admin/users/${u.id}`} className="text-brand underline-offset-2 hover:underline">
                      {u.name}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{u.email}</td>
                  <td className="px-3 py-2">{u.roles.map((r) => roles[r]).join(", ")}</td>
                  <td className="px-3 py-2">
                    {!u.active ? (
                      <Badge tone="danger">{t("users.inactive")}</Badge>
                    ) : u.lockedUntil && u.lockedUntil > now ? (
                      <Badge tone="warn">{t("users.locked")}</Badge>
                    ) : (
                      <Badge tone="ok">{t("users.active")}</Badge>
                    )}
                  </td>
                  <td className="px-3 py-2">{u.mfaEnrolledAt ? t("users.mfaEnrolled") : t("users.mfaPending")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
