"use client";
// Lifecycle buttons on the operation page. Cancelling asks first, in a modal dialog, because it
// closes the operation's open conflicts and cannot be undone.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

export type Transition = "PLAN" | "ACTIVATE" | "COMPLETE" | "CANCEL";
export type TransitionAction = (input: {
  id: string;
  transition: Transition;
  version: number;
  reason?: string;
}) => Promise<ActionResult<unknown>>;

export function StatusActions({
  id,
  version,
  allowed,
  action,
}: {
  id: string;
  version: number;
  allowed: Transition[];
  action: TransitionAction;
}) {
  const t = useT("operations.actions");
  const tt = useT("operations.transitions");
  const issueText = useIssueText();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(transition: Transition) {
    setPending(true);
    setError(null);
    try {
      const result = await action({
        id,
        transition,
        version,
        reason: transition === "CANCEL" && reason.trim() ? reason : undefined,
      });
      if (!result.ok) return setError(issueText(result.formError));
      dialog.current?.close();
      router.refresh();
    } catch {
      setError(issueText("errors.generic"));
    } finally {
      setPending(false);
    }
  }

  if (allowed.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {allowed
          .filter((tr) => tr !== "CANCEL")
          .map((tr) => (
            <Button key={tr} type="button" onClick={() => run(tr)} disabled={pending} data-testid={`transition-${tr}`}>
              {tt(tr)}
            </Button>
          ))}
        {allowed.includes("CANCEL") ? (
          <Button
            type="button"
            variant="danger"
            onClick={() => dialog.current?.showModal()}
            disabled={pending}
            data-testid="transition-CANCEL"
          >
            {tt("CANCEL")}
          </Button>
        ) : null}
      </div>
      <FormError message={error} />
      <dialog
        ref={dialog}
        aria-labelledby="cancel-title"
        aria-describedby="cancel-body"
        className="m-auto w-full max-w-md rounded-lg border border-line p-6 shadow-xl backdrop:bg-slate-900/50"
      >
        <h2 id="cancel-title" className="text-lg font-semibold">
          {t("confirmTitle")}
        </h2>
        <p id="cancel-body" className="mt-2 text-sm text-muted">
          {t("confirmBody")}
        </p>
        <label htmlFor="cancel-reason" className="mt-4 block text-sm font-medium">
          {t("reason")}
        </label>
        <textarea
          id="cancel-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          maxLength={500}
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
        />
        {error ? <p className="mt-2 text-sm text-danger">{error}</p> : null}
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} disabled={pending}>
            {t("keep")}
          </Button>
          <Button
            type="button"
            variant="danger"
            onClick={() => run("CANCEL")}
            disabled={pending}
            data-testid="confirm-cancel"
          >
            {t("confirm")}
          </Button>
        </div>
      </dialog>
    </div>
  );
}
