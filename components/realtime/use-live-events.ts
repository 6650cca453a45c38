"use client";
// Subscribes a client component to the signed-in agency's live events (server-sent events from
// /api/events). After any interruption it reports { type: "resync" }, since events sent while
// disconnected are not replayed: re-read then. When the server says the session ended (the idle
// lock), it takes the person to the sign-in page.
import { useEffect, useRef } from "react";
import type { LiveEventType } from "@/lib/realtime/publish";

export type LiveMessage = { type: LiveEventType; id: string } | { type: "resync"; id?: undefined };

type SessionEnded = { type: "session-ended"; reason?: string | null };

const END_REASONS = new Set(["idle", "expired", "signedOut"]);

function signInUrl(reason: string | null | undefined): string {
  return reason && END_REASONS.has(reason) ? `/login?reason=${reason}` : "/login";
}

export function useLiveEvents(types: LiveEventType[] | null, onEvent: (event: LiveMessage) => void): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);
  const key = types ? [...types].sort().join(",") : "";

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let interrupted = false;
    let backoff = 1_000;
    let stopped = false;

    const connect = () => {
      source = new EventSource(key ? `/api/events?types=${encodeURIComponent(key)}` : "/api/events");
      source.onopen = () => {
        backoff = 1_000;
        if (interrupted) handler.current({ type: "resync" });
        interrupted = false;
      };
      source.onmessage = (m: MessageEvent<string>) => {
        let message: LiveMessage | SessionEnded;
        try {
          message = JSON.parse(m.data) as LiveMessage | SessionEnded;
        } catch {
          return; // not one of ours; ignore
        }
        if (message.type === "session-ended") {
          // The session locked or was ended elsewhere while this page stayed open: take the
          // person to sign in now (a full load, so nothing of this page stays in memory).
          stopped = true;
          source?.close();
          window.location.assign(signInUrl(message.reason));
          return;
        }
        handler.current(message);
      };
      source.onerror = () => {
        interrupted = true;
        // The browser retries by itself unless the server refused (e.g. signed out): then we do, slowly.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          timer = setTimeout(connect, backoff);
          backoff = Math.min(backoff * 2, 60_000);
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [key]);
}
