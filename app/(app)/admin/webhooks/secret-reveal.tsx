"use client";
// A signing secret shown once (after adding an endpoint or rotating its secret), with a copy button.
import { useState } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

export function SecretReveal({ title, secret, id }: { title: string; secret: string; id: string }) {
  const t = useT("webhooks");
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-lg border border-amber-400 bg-amber-50 p-4" data-testid="webhook-secret">
      <p className="font-semibold break-all text-amber-900">{title}</p>
      <p className="mb-2 text-sm text-amber-900">{t("showOnce")}</p>
      <label htmlFor={id} className="text-sm font-medium">
        {t("secretTitle")}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-ink"
          data-testid="webhook-secret-value"
        />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}
