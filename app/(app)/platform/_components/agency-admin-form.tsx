"use client";
// The platform admin opens an administrator's account in an agency (a new agency has nobody to
// open accounts for it); the list beside it refreshes, and the form clears for the next one.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/http/action-result";
import type { CreateUserInput } from "@/lib/validation/user";
import { CreateUserForm } from "../../admin/_components/create-user-form";

type Props = {
  roleLabels: Record<string, string>;
  save: (input: CreateUserInput) => Promise<ActionResult<{ id: string }>>;
};

export function AgencyAdminForm({ roleLabels, save }: Props) {
  const t = useT("platform");
  const router = useRouter();
  const [created, setCreated] = useState(false);
  return (
    <>
      <p aria-live="polite" className="mb-4 font-medium text-ok" data-testid="agency-admin-created">
        {created ? t("admins.created") : null}
      </p>
      <CreateUserForm
        roleLabels={roleLabels}
        save={save}
        initialRoles={["AGENCY_ADMIN"]}
        done={() => {
          setCreated(true);
          router.refresh();
        }}
      />
    </>
  );
}
