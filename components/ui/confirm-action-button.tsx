"use client";
// A destructive action behind a confirmation step (revoke a token, revoke a feed): the first
// button asks, the second acts; a refusal is shown beside it and the page refreshes on success.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

export type ConfirmActionLabels = { ask: string; askLabel: string; confirm: string; yes: string; keep: string };

export function ConfirmActionButton({
  labels,
  action,
  testId,
}: {
  labels: ConfirmActionLabels;
  action: () => Promise<ActionResult>;
  testId: string;
}) {
  const issueText = useIssueText();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function act() {
    start(async () => {
      const result = await action();
      if (result.ok) {
        setConfirming(false);
        router.refresh();
      } else setError(issueText(result.formError));
    });
  }

  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)} aria-label={labels.askLabel}>
        {labels.ask}
      </Button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm">{labels.confirm}</span>
      <Button type="button" variant="danger" onClick={act} disabled={pending} data-testid={testId}>
        {labels.yes}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
        {labels.keep}
      </Button>
      {error ? <span className="text-sm font-medium text-danger">{error}</span> : null}
    </div>
  );
}
