// Adding an account to the admin's own agency.
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/app/_auth/require-actor";
import { getT } from "@/app/_i18n/server";
import { can } from "@/lib/auth/authorize";
import { notFound } from "next/navigation";
import { AdminNav } from "../../_components/admin-nav";
import { CreateUserForm } from "../../_components/create-user-form";
import { roleNames } from "../../_lib/role-names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("admin");
  return { title: t("create.title") };
}

export default async function NewUserPage() {
  const actor = await requireActor();
  if (!can(actor, { roles: ["AGENCY_ADMIN"] }) || actor.kind !== "USER") notFound();
  const [t, tc] = await Promise.all([getT("admin"), getT("common")]);
  return (
    <>
      <p className="mb-4">
        <Link href="/admin" className="text-brand underline">
          {t("user.back")}
        </Link>
      </p>
      <PageHeader title={t("create.title")} description={t("create.description")} />
      <AdminNav current="users" />
      <CreateUserForm roleLabels={roleNames(tc)} />
    </>
  );
}
