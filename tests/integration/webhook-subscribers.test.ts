// The per-process cache of which agencies take webhooks: a change for an agency without an
// endpoint raises its webhook event without a query; an endpoint added in another process is
// heard of through NOTIFY; a removed or disabled endpoint is never written to, whatever the cache
// still says.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createPgListener, type PgListener } from "@/lib/realtime/pg-listener";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { createSubscriberCache, WEBHOOK_ENDPOINTS_CHANNEL, type SubscriberCache } from "@/lib/webhooks/subscribers";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { seededWorld, T0 } from "./notices-fixtures";

/** Statements sent to PostgreSQL while `fn` runs, by any client of this process. */
async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const original = pg.Client.prototype.query;
  const patched = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    texts.push(typeof q === "string" ? q : (q?.text ?? ""));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = patched as typeof original;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original;
  }
  return texts.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(s.trim()));
}

async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("webhook subscriber cache", () => {
  const t = useFreshDb();
  const db = (): Db => t().db;
  let listener: PgListener;
  let cache: SubscriberCache;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  let cook: string;
  let dupage: string;

  const emit = (agencyIds: string[], c: SubscriberCache | null = cache) =>
    db().$transaction((tx) =>
      emitWebhookEvent(tx, { event: "notice.received", subjectId: crypto.randomUUID(), agencyIds, now: T0 }, c),
    );
  const endpointRow = async (agencyId: string) => {
    const createdById = (await db().user.findFirstOrThrow({ where: { agencyId }, select: { id: true } })).id;
    return db().webhookEndpoint.create({
      data: {
        agencyId,
        url: "https://hooks.example.org/in",
        events: ["notice.received"],
        secret: "whsec_x",
        createdById,
      },
    });
  };

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
    await db().webhookEndpoint.deleteMany({});
    cook = w.id("cook-sheriff");
    dupage = w.id("dupage-sheriff");
    listener = createPgListener(t().url);
    cache = createSubscriberCache(listener);
    await listener.ready();
    await until(() => listener.isListening(WEBHOOK_ENDPOINTS_CHANNEL), "LISTEN");
  });
  afterAll(async () => {
    await listener?.close();
  });

  it("reads the endpoints once, then raises events for agencies without one without a query", async () => {
    const cookEndpoint = await endpointRow(cook);
    await until(() => cache.get() === null, "the insert's notification");
    expect(await emit([dupage])).toBe(0); // loads the cache
    const statements = await statementsDuring(async () => {
      expect(await emit([dupage])).toBe(0);
      expect(await emit([dupage, w.id("chicago-pd")])).toBe(0);
    });
    expect(statements).toEqual([]);
    // An agency the cache lists is still read in the change's transaction.
    expect(await emit([cook, dupage])).toBe(1);
    expect(await db().webhookDelivery.count({ where: { endpointId: cookEndpoint.id } })).toBe(1);
  });

  it("hears of an endpoint added by another process, and never writes to one removed or switched off", async () => {
    expect(await emit([dupage])).toBe(0);
    expect(cache.get()?.has(dupage)).toBe(false);
    const added = await endpointRow(dupage);
    await until(() => cache.get() === null, "the new endpoint's notification");
    expect(await emit([dupage])).toBe(1);

    // Switched off: before or after the notification lands, nothing is written for it.
    await db().webhookEndpoint.update({ where: { id: added.id }, data: { active: false } });
    expect(await emit([dupage])).toBe(0);
    await db().webhookEndpoint.deleteMany({ where: { agencyId: cook } });
    expect(await emit([cook])).toBe(0);
    expect(await db().webhookDelivery.count({ where: { endpointId: added.id } })).toBe(1);
  });

  it("without a confirmed LISTEN (or outside the server) reads the table every time", async () => {
    const statements = await statementsDuring(() => emit([dupage], null));
    expect(statements.some((s) => s.includes('"WebhookEndpoint"'))).toBe(true);
    await listener.close();
    expect(cache.get()).toBeNull();
    expect(cache.generation()).toBeNull();
  });
});
