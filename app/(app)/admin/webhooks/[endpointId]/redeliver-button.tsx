"use client";
// Sends one delivery again, with the same webhook-id.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { redeliverWebhookAction } from "../actions";

export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  const t = useT("webhooks");
  const issueText = useIssueText();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        aria-label={t("deliveries.redeliverNamed", { id: deliveryId })}
        onClick={() =>
          start(async () => {
            const result = await redeliverWebhookAction(deliveryId);
            setMessage(result.ok ? t("deliveries.redelivered") : issueText(result.formError));
            if (result.ok) router.refresh();
          })
        }
      >
        {t("deliveries.redeliver")}
      </Button>
      {message ? (
        <span role="status" className="text-xs">
          {message}
        </span>
      ) : null}
    </div>
  );
}
