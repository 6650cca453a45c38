"use client";
// Drop into a server-rendered page to re-render it when a relevant live event arrives.
import { useRouter } from "next/navigation";
import { useCallback, useRef } from "react";
import type { LiveEventType } from "@/lib/realtime/publish";
import { useLiveEvents } from "./use-live-events";

export function LiveRefresh({ types, debounceMs = 300 }: { types: LiveEventType[]; debounceMs?: number }) {
  const router = useRouter();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onEvent = useCallback(() => {
    // Several events in a burst cause one refresh.
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      router.refresh();
    }, debounceMs);
  }, [router, debounceMs]);
  useLiveEvents(types, onEvent);
  return null;
}
