// One dedicated PostgreSQL connection that LISTENs on channels and fans notifications out to
// callbacks in this process. It reconnects with backoff; after a reconnect, callers are told,
// because notifications sent while disconnected are lost (they should re-read state).
import pg from "pg";
import { log } from "../log";

type Handler = (payload: string) => void;

export type PgListener = {
  /** Subscribes to a channel; the returned function unsubscribes. */
  listen(channel: string, handler: Handler): () => void;
  /** Called after every reconnect (not the first connect). */
  onReconnect(handler: () => void): () => void;
  /** Resolves once the connection is up and listening. */
  ready(): Promise<void>;
  /**
   * True while the connection is up and the server has confirmed LISTEN on `channel`: until the
   * connection drops, every notification sent on it from now on will arrive.
   */
  isListening(channel: string): boolean;
  close(): Promise<void>;
};

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function createPgListener(connectionString: string): PgListener {
  const handlers = new Map<string, Set<Handler>>();
  const reconnectHandlers = new Set<() => void>();
  const listenLog = log.child({ module: "pg-listener" });
  let client: pg.Client | null = null;
  /** Channels the current connection has confirmed LISTEN for. */
  const confirmed = new Set<string>();
  let closed = false;
  let connectedOnce = false;
  let retryMs = 500;
  let isReady = false;
  let readyResolve: () => void = () => {};
  let readyPromise = new Promise<void>((r) => (readyResolve = r));

  async function connect(): Promise<void> {
    if (closed) return;
    const c = new pg.Client({ connectionString, keepAlive: true });
    const listened = new Set<string>();
    const unlistened = () => [...handlers.keys()].find((channel) => !listened.has(channel));
    c.on("notification", (n) => {
      for (const h of handlers.get(n.channel) ?? []) {
        try {
          h(n.payload ?? "");
        } catch (err) {
          listenLog.error({ err, channel: n.channel }, "notification handler failed");
        }
      }
    });
    c.on("error", (err) => listenLog.warn({ err }, "listen connection error"));
    c.on("end", () => {
      if (client === c) {
        client = null;
        confirmed.clear();
      }
      if (!closed) scheduleReconnect();
    });
    try {
      await c.connect();
      // Channels subscribed while this loop awaits are picked up too: none is left unlistened.
      for (let channel = unlistened(); channel; channel = unlistened()) {
        await c.query(`LISTEN ${quoteIdent(channel)}`);
        listened.add(channel);
      }
    } catch (err) {
      listenLog.warn({ err }, "could not listen; retrying");
      await c.end().catch(() => {});
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    for (const channel of listened) confirmed.add(channel);
    retryMs = 500;
    isReady = true;
    readyResolve();
    if (connectedOnce) for (const h of reconnectHandlers) h();
    connectedOnce = true;
  }

  let reconnectTimer: NodeJS.Timeout | null = null;
  function scheduleReconnect() {
    if (reconnectTimer || closed) return;
    if (isReady) {
      isReady = false;
      readyPromise = new Promise<void>((r) => (readyResolve = r));
    }
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      void connect().then(() => {
        if (!client && !closed) scheduleReconnect();
      });
    }, retryMs);
    reconnectTimer.unref();
    retryMs = Math.min(retryMs * 2, 30_000);
  }

  void connect().then(() => {
    if (!client && !closed) scheduleReconnect();
  });

  return {
    listen(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        const c = client;
        c?.query(`LISTEN ${quoteIdent(channel)}`)
          .then(() => {
            if (client === c) confirmed.add(channel);
          })
          .catch((err) => listenLog.warn({ err, channel }, "LISTEN failed"));
      }
      set.add(handler);
      return () => {
        set.delete(handler);
      };
    },
    onReconnect(handler) {
      reconnectHandlers.add(handler);
      return () => reconnectHandlers.delete(handler);
    },
    ready: () => readyPromise,
    isListening: (channel) => client !== null && confirmed.has(channel),
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const c = client;
      client = null;
      confirmed.clear();
      await c?.end().catch(() => {});
    },
  };
}
