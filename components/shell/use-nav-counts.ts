"use client";
// The navigation's counts, kept current without a reload. A page that refreshes itself on live
// events re-renders the layout too, which brings fresh counts: those are taken as they come. Only
// when none arrived soon after an event (a page without live refresh), or after moving to another
// page (opening a notice marks it read), are the counts re-read, so the header never competes with
// the page's own refresh for the server.
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { NavCounts } from "@/lib/dashboard/nav-counts";
import { useLiveEvents } from "@/components/realtime/use-live-events";

const TYPES = ["notice", "acknowledgment", "conflict", "request", "escalation"] as const;
/** How long a live event waits for the page's own refresh to bring the counts. */
const EVENT_WAIT_MS = 1_500;
const NAVIGATION_WAIT_MS = 200;

export function useNavCounts(initial: NavCounts): NavCounts {
  const [counts, setCounts] = useState(initial);
  const [fromServer, setFromServer] = useState(initial);
  // The layout was rendered again (a refresh): its counts are the newest.
  if (fromServer !== initial) {
    setFromServer(initial);
    setCounts(initial);
  }
  const syncedAt = useRef(0);
  useEffect(() => {
    syncedAt.current = Date.now();
  }, [initial]);
  const pathname = usePathname();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reload = useCallback((waitMs: number) => {
    if (pending.current) return;
    const askedAt = Date.now();
    pending.current = setTimeout(() => {
      pending.current = null;
      if (syncedAt.current >= askedAt) return;
      void fetch("/api/nav-counts", { cache: "no-store" })
        .then((r) => (r.ok ? (r.json() as Promise<NavCounts>) : null))
        .then((c) => c && setCounts(c))
        .catch(() => {});
    }, waitMs);
  }, []);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload(NAVIGATION_WAIT_MS);
  }, [pathname, reload]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );
  const onEvent = useCallback(() => reload(EVENT_WAIT_MS), [reload]);
  useLiveEvents([...TYPES], onEvent);
  return counts;
}
