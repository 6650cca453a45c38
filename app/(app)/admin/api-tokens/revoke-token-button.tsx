"use client";
// Revoking a token, after a confirmation; requests with it are refused from then on.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { revokeApiTokenAction } from "./actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useT("api");
  const issueText = useIssueText();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function revoke() {
    start(async () => {
      const result = await revokeApiTokenAction(tokenId);
      if (result.ok) {
        setConfirming(false);
        router.refresh();
      } else {
        setError(issueText(result.formError));
      }
    });
  }

  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)} aria-label={t("tokens.revokeNamed", { name })}>
        {t("tokens.revoke")}
      </Button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm">{t("tokens.revokeConfirm", { name })}</span>
      <Button type="button" variant="danger" onClick={revoke} disabled={pending} data-testid={`confirm-revoke-${tokenId}`}>
        {t("tokens.revokeYes")}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
        {t("tokens.keep")}
      </Button>
      {error ? <span className="text-sm font-medium text-danger">{error}</span> : null}
    </div>
  );
}
