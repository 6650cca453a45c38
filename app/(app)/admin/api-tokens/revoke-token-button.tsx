"use client";
// Revoking a token, after a confirmation; requests with it are refused from then on.
import { useT } from "@/components/i18n/i18n-provider";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { revokeApiTokenAction } from "./actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useT("api");
  return (
    <ConfirmActionButton
      labels={{
        ask: t("tokens.revoke"),
        askLabel: t("tokens.revokeNamed", { name }),
        confirm: t("tokens.revokeConfirm", { name }),
        yes: t("tokens.revokeYes"),
        keep: t("tokens.keep"),
      }}
      action={() => revokeApiTokenAction(tokenId)}
      testId={`confirm-revoke-${tokenId}`}
    />
  );
}
