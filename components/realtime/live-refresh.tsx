"use client";
// Drop into a server-rendered page to re-render it when a relevant live event arrives, paced by
// lib/realtime/refresh-pacing.ts: the first event after a quiet spell refreshes the page within
// `debounceMs` plus a random spread (so an agency's open pages do not all ask at once); while
// events keep coming, at most once per `minIntervalMs` (the last refresh of a burst always
// happens, so the page never stays behind). A page in a background tab does not refresh at all:
// it refreshes once when it is shown again, if anything arrived meanwhile.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import type { LiveEventType } from "@/lib/realtime/publish";
import { LIVE_REFRESH_MIN_INTERVAL_MS, nextRefreshDelay } from "@/lib/realtime/refresh-pacing";
import { useLiveEvents } from "./use-live-events";

export function LiveRefresh({
  types,
  debounceMs = 300,
  minIntervalMs = LIVE_REFRESH_MIN_INTERVAL_MS,
}: {
  types: LiveEventType[];
  debounceMs?: number;
  minIntervalMs?: number;
}) {
  const router = useRouter();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRefreshAt = useRef(0);
  const missedWhileHidden = useRef(false);

  const refresh = useCallback(() => {
    pending.current = null;
    if (document.visibilityState === "hidden") {
      missedWhileHidden.current = true;
      return;
    }
    missedWhileHidden.current = false;
    lastRefreshAt.current = Date.now();
    router.refresh();
  }, [router]);

  const onEvent = useCallback(() => {
    if (document.visibilityState === "hidden") {
      missedWhileHidden.current = true;
      return;
    }
    // A refresh already scheduled covers this event too: it reads the page as it is then.
    if (pending.current) return;
    pending.current = setTimeout(
      refresh,
      nextRefreshDelay(lastRefreshAt.current, Date.now(), debounceMs, Math.random(), minIntervalMs),
    );
  }, [refresh, debounceMs, minIntervalMs]);
  useLiveEvents(types, onEvent);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible" && missedWhileHidden.current && !pending.current) {
        pending.current = setTimeout(refresh, 0);
      }
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [refresh]);
  return null;
}
