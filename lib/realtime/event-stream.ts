// A server-sent-events stream for one signed-in browser: its agency's live events, a heartbeat
// comment so proxies keep the connection open, a periodic check that its session still counts,
// and a clean close when the browser leaves.
import type { LiveHub } from "./hub";
import type { LiveEventType } from "./publish";

export const HEARTBEAT_MS = 20_000;
/**
 * A stream ends after this long and the browser reconnects, which re-checks its session: a
 * signed-out or revoked session stops receiving events within this time.
 */
export const MAX_STREAM_MS = 5 * 60_000;

/**
 * How long a browser waits before reconnecting a dropped stream (the `retry` field): at least
 * RECONNECT_MS, plus a random share of RECONNECT_SPREAD_MS, so that after a restart every open page
 * does not come back in the same instant.
 */
export const RECONNECT_MS = 3_000;
export const RECONNECT_SPREAD_MS = 3_000;

export function reconnectDelayMs(random = Math.random()): number {
  return RECONNECT_MS + Math.floor(random * RECONNECT_SPREAD_MS);
}

/** How often an open stream re-checks its session, so a page left open locks on time. */
export const SESSION_CHECK_MS = 15_000;

/** Whether the browser's session still counts; checking must never count as its activity. */
export type SessionCheck = () => Promise<{ active: true } | { active: false; reason: string | null }>;

const sessionEndedFrame = (reason: string | null) => `data: ${JSON.stringify({ type: "session-ended", reason })}\n\n`;

/** The whole answer to a browser whose session already ended: say so, and wait long before retrying. */
export function sessionEndedStream(reason: string | null): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(`retry: 60000\n\n${sessionEndedFrame(reason)}`);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

export function liveEventStream(o: {
  hub: LiveHub;
  agencyId: string;
  signal?: AbortSignal;
  heartbeatMs?: number;
  maxAgeMs?: number;
  types?: LiveEventType[];
  checkSession?: SessionCheck;
  sessionCheckMs?: number;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // Only the type and id leave the server: the browser re-reads what its user may see.
      const unsubscribe = o.hub.subscribe({
        agencyId: o.agencyId,
        onEvent: (e) => {
          if (!o.types || o.types.includes(e.type)) send(`data: ${JSON.stringify({ type: e.type, id: e.id })}\n\n`);
        },
        onResync: () => send(`data: ${JSON.stringify({ type: "resync" })}\n\n`),
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), o.heartbeatMs ?? HEARTBEAT_MS);
      heartbeat.unref?.();
      const expiry = setTimeout(() => close(), o.maxAgeMs ?? MAX_STREAM_MS);
      expiry.unref?.();
      // The session can lock (or be signed out elsewhere) while the page stays open: the stream
      // then tells the page, which takes the person to sign in, and ends.
      const check = o.checkSession;
      const sessionTimer = check
        ? setInterval(() => {
            void check().then(
              (state) => {
                if (state.active) return;
                send(sessionEndedFrame(state.reason));
                close();
              },
              () => {}, // a failed check is retried at the next interval
            );
          }, o.sessionCheckMs ?? SESSION_CHECK_MS)
        : undefined;
      sessionTimer?.unref?.();
      const close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        clearInterval(sessionTimer);
        clearTimeout(expiry);
        unsubscribe();
        o.signal?.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      cleanup = close;
      o.signal?.addEventListener("abort", close);
      // Reconnect after 3–6 s if the connection drops; the first frame also flushes the headers.
      send(`retry: ${reconnectDelayMs()}\n: connected\n\n`);
      if (o.signal?.aborted) close();
    },
    cancel() {
      cleanup();
    },
  });
}
