// A server-sent-events stream for one signed-in browser: its agency's live events, a heartbeat
// comment so proxies keep the connection open, and a clean close when the browser leaves.
import type { LiveHub } from "./hub";
import type { LiveEventType } from "./publish";

export const HEARTBEAT_MS = 20_000;
/**
 * A stream ends after this long and the browser reconnects, which re-checks its session: a
 * signed-out or revoked session stops receiving events within this time.
 */
export const MAX_STREAM_MS = 5 * 60_000;

export function liveEventStream(o: { hub: LiveHub; agencyId: string; signal?: AbortSignal; heartbeatMs?: number; maxAgeMs?: number; types?: LiveEventType[] }): ReadableStream<Uint8Array> {
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
      const close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
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
      // Reconnect after 3 s if the connection drops; the first frame also flushes the headers.
      send("retry: 3000\n: connected\n\n");
      if (o.signal?.aborted) close();
    },
    cancel() {
      cleanup();
    },
  });
}
