"use client";
// Creating a calendar feed link (shown once, with a copy button) and revoking one after a confirmation.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { calendarFeedInputSchema } from "@/lib/validation/calendar-feed";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { FormError, TextField } from "@/components/ui/field";
import { useActionForm } from "../_components/form-state";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "./actions";

export function CreateCalendarFeedForm() {
  const t = useT("notices.calendarAdmin");
  const router = useRouter();
  const form = useActionForm();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ url: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { name };
    form.submit(
      calendarFeedInputSchema,
      input,
      () => createCalendarFeedAction(input),
      (data) => {
        setCreated(data);
        setCopied(false);
        setName("");
        router.refresh();
      },
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4" data-testid="create-feed-form">
        <TextField
          label={t("name")}
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.errorFor("name")}
          autoComplete="off"
          required
          maxLength={80}
        />
        <FormError message={form.formError} />
        <Button type="submit" disabled={form.pending} className="self-start">
          {t("create")}
        </Button>
      </form>
      {created ? (
        <div role="status" className="rounded-lg border border-amber-400 bg-amber-50 p-4" data-testid="new-feed">
          <p className="mb-2 text-sm font-semibold text-amber-900">{t("created")}</p>
          <label htmlFor="new-feed-url" className="text-sm font-medium">
            {t("link")}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="new-feed-url"
              readOnly
              value={created.url}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-ink"
              data-testid="new-feed-url"
            />
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.url).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function RevokeCalendarFeedButton({ feedId, name }: { feedId: string; name: string }) {
  const t = useT("notices.calendarAdmin");
  return (
    <ConfirmActionButton
      labels={{
        ask: t("revoke"),
        askLabel: t("revokeLabel", { name }),
        confirm: t("revokeConfirm", { name }),
        yes: t("revokeYes"),
        keep: t("keep"),
      }}
      action={() => revokeCalendarFeedAction(feedId)}
      testId={`confirm-revoke-feed-${feedId}`}
    />
  );
}
