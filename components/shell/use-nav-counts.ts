"use client";
// The navigation's counts, kept current without a reload: re-read when a live event that can
// change them arrives, after a reconnect, and when the person moves to another page (opening a
// notice marks it read).
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { NavCounts } from "@/lib/dashboard/nav-counts";
import { useLiveEvents } from "@/components/realtime/use-live-events";

const TYPES = ["notice", "acknowledgment", "conflict", "request", "escalation"] as const;

export function useNavCounts(initial: NavCounts): NavCounts {
  const [counts, setCounts] = useState(initial);
  const pathname = usePathname();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reload = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void fetch("/api/nav-counts", { cache: "no-store" })
        .then((r) => (r.ok ? (r.json() as Promise<NavCounts>) : null))
        .then((c) => c && setCounts(c))
        .catch(() => {});
    }, 100);
  }, []);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [pathname, reload]);
  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);
  useLiveEvents([...TYPES], reload);
  return counts;
}
