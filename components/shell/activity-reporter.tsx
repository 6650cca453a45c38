"use client";
// Tells the server when the person moves to another page inside the app. In-app navigations
// are router fetches, which the server does not count as activity (background refreshes look
// the same); page loads and server actions count on their own.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

export function ActivityReporter() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const loaded = useRef(false);
  useEffect(() => {
    // The first render is the page load itself, already counted by the server.
    if (!loaded.current) {
      loaded.current = true;
      return;
    }
    void fetch("/api/session/activity", { method: "POST", cache: "no-store", keepalive: true }).catch(() => {});
  }, [pathname, search]);
  return null;
}
