"use client";
// The actions on one endpoint: enable or disable, rotate its secret (the new one shown once),
// delete (after a confirmation).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { deleteWebhookEndpointAction, rotateWebhookSecretAction, setWebhookEndpointActiveAction } from "./actions";
import { SecretReveal } from "./secret-reveal";

export function EndpointActions({ endpointId, url, active }: { endpointId: string; url: string; active: boolean }) {
  const t = useT("webhooks");
  const issueText = useIssueText();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [rotated, setRotated] = useState<string | null>(null);

  function toggle() {
    start(async () => {
      const result = await setWebhookEndpointActiveAction(endpointId, !active);
      if (result.ok) {
        setError(null);
        router.refresh();
      } else setError(issueText(result.formError));
    });
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={toggle}
          disabled={pending}
          aria-label={active ? t("disableNamed", { url }) : t("enableNamed", { url })}
          data-testid={`toggle-${endpointId}`}
        >
          {active ? t("disable") : t("enable")}
        </Button>
        <ConfirmActionButton
          labels={{
            ask: t("rotate"),
            askLabel: t("rotateNamed", { url }),
            confirm: t("rotateConfirm"),
            yes: t("rotateYes"),
            keep: t("keep"),
          }}
          action={async () => {
            const result = await rotateWebhookSecretAction(endpointId);
            if (result.ok) setRotated(result.data.secret);
            return result.ok ? { ok: true, data: undefined } : result;
          }}
          testId={`confirm-rotate-${endpointId}`}
        />
        <ConfirmActionButton
          labels={{
            ask: t("delete"),
            askLabel: t("deleteNamed", { url }),
            confirm: t("deleteConfirm", { url }),
            yes: t("deleteYes"),
            keep: t("keep"),
          }}
          action={() => deleteWebhookEndpointAction(endpointId)}
          testId={`confirm-delete-${endpointId}`}
        />
      </div>
      {error ? (
        <p className="text-sm text-red-800" role="alert">
          {error}
        </p>
      ) : null}
      {rotated ? (
        <SecretReveal id={`rotated-${endpointId}`} title={t("rotatedTitle", { url })} secret={rotated} />
      ) : null}
    </div>
  );
}
