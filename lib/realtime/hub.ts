// Fans live events from the process's single LISTEN connection out to connected browsers,
// each seeing only events that involve its own agency.
import { log } from "../log";
import type { PgListener } from "./pg-listener";
import { isLiveEvent, LIVE_CHANNEL, type LiveEvent } from "./publish";

export type LiveSubscriber = { agencyId: string; onEvent(event: LiveEvent): void; onResync?(): void };

export type LiveHub = { subscribe(subscriber: LiveSubscriber): () => void; size(): number };

export function createLiveHub(listener: PgListener): LiveHub {
  const subscribers = new Set<LiveSubscriber>();
  listener.listen(LIVE_CHANNEL, (payload) => {
    let event: unknown;
    try {
      event = JSON.parse(payload);
    } catch {
      event = null;
    }
    if (!isLiveEvent(event)) {
      log.warn({ module: "live" }, "ignored a malformed live event");
      return;
    }
    for (const s of subscribers) if (event.agencyIds.includes(s.agencyId)) s.onEvent(event);
  });
  // Events sent while the connection was down are gone; tell browsers to re-read.
  listener.onReconnect(() => {
    for (const s of subscribers) s.onResync?.();
  });
  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    size: () => subscribers.size,
  };
}
