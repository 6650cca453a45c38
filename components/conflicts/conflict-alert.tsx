"use client";
// For supervisors and chiefs, on every page: a live alert when a conflict involving their agency
// is found or the other agency acts on one, with a link to it. The event carries only the
// conflict's id; the conflict page itself re-reads what this person may see.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useState } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import { useLiveEvents, type LiveMessage } from "@/components/realtime/use-live-events";

export function ConflictAlert() {
  const t = useT("conflicts.twoSided.alert");
  const pathname = usePathname();
  const [conflictId, setConflictId] = useState<string | null>(null);
  const onEvent = useCallback(
    (e: LiveMessage) => {
      // On the conflict pages the page itself updates live.
      if (e.type === "conflict" && e.id && !pathname.startsWith("/conflicts")) setConflictId(e.id);
    },
    [pathname],
  );
  useLiveEvents(["conflict"], onEvent);
  return (
    <div role="status" aria-live="polite" className="fixed bottom-4 right-4 z-40 max-w-sm">
      {conflictId ? (
        <div
          className="flex items-start gap-3 rounded-md border-2 border-danger bg-white p-3 shadow-lg"
          data-testid="conflict-alert"
        >
          <p className="text-sm">
            <span className="font-semibold">{t("title")}</span>{" "}
            <Link
              href={`/conflicts/${conflictId}`}
              className="text-brand underline"
              onClick={() => setConflictId(null)}
            >
              {t("open")}
            </Link>
          </p>
          <button type="button" className="text-sm text-muted underline" onClick={() => setConflictId(null)}>
            {t("dismiss")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
