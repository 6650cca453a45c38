"use client";
// The chief publishes a report: from then on its figures are frozen.
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useNoticeAction } from "@/components/notices/use-notice-action";

export function PublishReportButton({
  year,
  quarter,
  action,
}: {
  year: number;
  quarter: number | null;
  action: (input: { year: number; quarter: number | null }) => Promise<ActionResult>;
}) {
  const t = useT("requests");
  const issueText = useIssueText();
  const { run, pending, formError } = useNoticeAction(action);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm">{t("report.publishHint")}</p>
      <div>
        <Button type="button" onClick={() => run({ year, quarter })} disabled={pending} data-testid="publish-report">
          {t("report.publish")}
        </Button>
      </div>
      <FormError message={formError ? issueText(formError) : null} />
    </div>
  );
}
