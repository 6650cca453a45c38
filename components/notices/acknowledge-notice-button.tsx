"use client";
// Acknowledge a notice for one's agency: the sender sees it at once, and escalation stops.
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useNoticeAction } from "./use-notice-action";

export function AcknowledgeNoticeButton({
  id,
  action,
}: {
  id: string;
  action: (input: { id: string }) => Promise<ActionResult>;
}) {
  const t = useT("notices");
  const issueText = useIssueText();
  const { run, pending, formError } = useNoticeAction(action);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button type="button" onClick={() => run({ id })} disabled={pending} data-testid="acknowledge-notice">
          {pending ? t("actions.acknowledging") : t("actions.acknowledge")}
        </Button>
      </div>
      <FormError message={formError ? issueText(formError) : null} />
    </div>
  );
}
