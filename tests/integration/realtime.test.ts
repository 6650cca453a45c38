// Live updates end to end below the route: NOTIFY in a committed transaction → the process's
// single LISTEN connection → each browser's event stream, filtered to its own agency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { createLiveHub, type LiveHub } from "@/lib/realtime/hub";
import {
  liveEventStream,
  reconnectDelayMs,
  RECONNECT_MS,
  RECONNECT_SPREAD_MS,
  sessionEndedStream,
} from "@/lib/realtime/event-stream";
import { createPgListener, type PgListener } from "@/lib/realtime/pg-listener";
import { publishLiveEvent, type LiveEvent } from "@/lib/realtime/publish";
import { useFreshDb } from "./helpers/db";

describe("live updates", () => {
  const t = useFreshDb();
  const A = "00000000-0000-4000-8000-00000000000a";
  const B = "00000000-0000-4000-8000-00000000000b";

  /** Reads SSE frames from a stream as they arrive. */
  function frames(stream: ReadableStream<Uint8Array>) {
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    const queue: { frame: string }[] = [];
    let done = false;
    void (async () => {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buffer += decoder.decode(value, { stream: true });
        let i: number;
        while ((i = buffer.indexOf("\n\n")) >= 0) {
          queue.push({ frame: buffer.slice(0, i) });
          buffer = buffer.slice(i + 2);
        }
      }
      done = true;
    })();
    return {
      queue,
      isDone: () => done,
      data: () =>
        queue
          .filter((f) => f.frame.startsWith("data: "))
          .map((f) => JSON.parse(f.frame.slice(6)) as { type: string; id?: string }),
      cancel: () => reader.cancel(),
    };
  }

  async function until(check: () => boolean, ms = 3_000) {
    const deadline = Date.now() + ms;
    while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  }

  describe("live events", () => {
    let listener: PgListener;
    let hub: LiveHub;
    let publisher: Db;

    beforeAll(async () => {
      listener = createPgListener(t().url);
      hub = createLiveHub(listener);
      await listener.ready();
      // Another connection pool, as another app instance would publish from.
      publisher = createDb(t().url, 2);
    });
    afterAll(async () => {
      await listener.close();
      await publisher.$disconnect();
    });

    const publish = (event: LiveEvent) => publisher.$transaction((tx) => publishLiveEvent(tx, event));

    it("delivers each agency only its own events, in order", async () => {
      const abortA = new AbortController();
      const abortB = new AbortController();
      const a = frames(liveEventStream({ hub, agencyId: A, signal: abortA.signal }));
      const b = frames(liveEventStream({ hub, agencyId: B, signal: abortB.signal }));
      await until(() => a.queue.length > 0 && b.queue.length > 0);

      for (const event of [
        { type: "notice", agencyIds: [A], id: "notice-for-a" },
        { type: "conflict", agencyIds: [A, B], id: "conflict-both" },
        { type: "reply", agencyIds: [B], id: "reply-for-b" },
      ] satisfies LiveEvent[]) {
        await publish(event);
      }
      await until(() => a.data().length >= 2 && b.data().length >= 2);

      expect(a.data()).toEqual([
        { type: "notice", id: "notice-for-a" },
        { type: "conflict", id: "conflict-both" },
      ]);
      expect(b.data()).toEqual([
        { type: "conflict", id: "conflict-both" },
        { type: "reply", id: "reply-for-b" },
      ]);
      // Nothing but the type and id leaves the server.
      expect(a.queue.some((f) => f.frame.includes(B))).toBe(false);

      abortA.abort();
      abortB.abort();
      await until(() => a.isDone() && b.isDone());
      expect(hub.size()).toBe(0);
    });

    it("sends nothing for a transaction that rolls back", async () => {
      const s = frames(liveEventStream({ hub, agencyId: A }));
      await publisher
        .$transaction(async (tx) => {
          await publishLiveEvent(tx, { type: "notice", agencyIds: [A], id: "never" });
          throw new Error("rolled back");
        })
        .catch(() => {});
      await publish({ type: "notice", agencyIds: [A], id: "after" });
      await until(() => s.data().length >= 1);
      await new Promise((r) => setTimeout(r, 100));
      expect(s.data()).toEqual([{ type: "notice", id: "after" }]);
      await s.cancel();
    });

    it("sends heartbeat comments and tells the browser to reconnect after 3–6 s, not all at the same moment", async () => {
      const s = frames(liveEventStream({ hub, agencyId: A, heartbeatMs: 50 }));
      await until(() => s.queue.filter((f) => f.frame === ": keep-alive").length >= 2);
      const retry = Number(/^retry: (\d+)$/m.exec(s.queue[0].frame)?.[1]);
      expect(retry).toBeGreaterThanOrEqual(3_000);
      expect(retry).toBeLessThan(6_000);
      expect(reconnectDelayMs(0)).toBe(RECONNECT_MS);
      expect(reconnectDelayMs(0.999)).toBe(RECONNECT_MS + RECONNECT_SPREAD_MS - 3);
      // Streams opened together are told different delays.
      const delays = new Set(Array.from({ length: 20 }, () => reconnectDelayMs()));
      expect(delays.size).toBeGreaterThan(10);
      expect(s.queue.filter((f) => f.frame === ": keep-alive").length).toBeGreaterThanOrEqual(2);
      await s.cancel();
      expect(hub.size()).toBe(0);
    });

    it("tells the page and ends when its session stops counting, checking without counting as activity", async () => {
      let checks = 0;
      const s = frames(
        liveEventStream({
          hub,
          agencyId: A,
          sessionCheckMs: 30,
          checkSession: async () => (++checks < 3 ? { active: true } : { active: false, reason: "idle" }),
        }),
      );
      await until(() => s.isDone());
      expect(s.isDone()).toBe(true);
      expect(checks).toBe(3);
      expect(s.data()).toEqual([{ type: "session-ended", reason: "idle" }]);
      expect(hub.size()).toBe(0);

      const ended = frames(sessionEndedStream("expired"));
      await until(() => ended.isDone());
      expect(ended.data()).toEqual([{ type: "session-ended", reason: "expired" }]);
      expect(ended.queue[0].frame).toContain("retry: 60000");
    });

    it("asks browsers to re-read after the listen connection is restored", async () => {
      const s = frames(liveEventStream({ hub, agencyId: A }));
      await until(() => s.queue.length > 0);
      // Kill the listener's backend from the server side, as a database failover would.
      await publisher.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND datname = current_database()`;
      await until(() => s.data().some((d) => d.type === "resync"), 10_000);
      expect(s.data()).toContainEqual({ type: "resync" });
      await listener.ready();
      await publish({ type: "notice", agencyIds: [A], id: "after-reconnect" });
      await until(() => s.data().some((d) => d.id === "after-reconnect"));
      expect(s.data()).toContainEqual({ type: "notice", id: "after-reconnect" });
      await s.cancel();
    });
  });
});
