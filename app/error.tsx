"use client";
// Shown when a page fails unexpectedly: a calm message and a reference, never a stack trace.
import { useT } from "@/components/i18n/i18n-provider";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT("common");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{t("errorPage.title")}</h1>
      <p className="mt-3 text-muted">{t("errorPage.body", { requestId: error.digest ?? "—" })}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand px-4 py-2 font-semibold text-white">
        {t("errorPage.retry")}
      </button>
    </main>
  );
}
