"use client";
// Command's publish button for one draft; the server decides whether this person may publish.
import { useRouter } from "next/navigation";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useActionForm } from "../../admin/_components/form-state";
import { publishAction } from "../actions";

export function PublishButton({ versionId, label }: { versionId: string; label: string }) {
  const t = useT("publicRecord");
  const router = useRouter();
  const form = useActionForm();
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        disabled={form.pending}
        aria-label={label}
        onClick={() =>
          form.submit(
            null,
            null,
            () => publishAction({ versionId }),
            () => router.refresh(),
          )
        }
        data-testid="publish-version"
      >
        {t("admin.publish")}
      </Button>
      <FormError message={form.formError} />
    </div>
  );
}
