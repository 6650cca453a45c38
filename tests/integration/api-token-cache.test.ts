// The per-process API token cache against a real database and a real LISTEN connection: a
// remembered token skips the lookup, and every change that matters reaches the cache through the
// triggers' notification — a revocation, a deactivated agency — so the next request is refused.
// Without a confirmed LISTEN connection nothing is remembered.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticateApiRequest, authenticateApiToken } from "@/lib/api-tokens/authenticate";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/manage-tokens";
import { hashToken } from "@/lib/api-tokens/token";
import { createTokenCache, TOKEN_CACHE_CHANNEL, type TokenCache } from "@/lib/api-tokens/token-cache";
import { UnauthorizedError } from "@/lib/errors";
import { createPgListener, type PgListener } from "@/lib/realtime/pg-listener";
import { useFreshDb } from "./helpers/db";
import { actorOf, makeAgency, type TestAgency } from "./operations-fixtures";

const now = new Date();
const meta = { requestId: "cache-test", sourceIp: null, locale: "en" as const };

describe("API token cache", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let listener: PgListener;
  let cache: TokenCache;
  let agency: TestAgency;
  /** Resolves with the next notification on the cache's channel (after the cache has heard it). */
  let nextNotification: () => Promise<void>;

  beforeAll(async () => {
    listener = createPgListener(t().url);
    cache = createTokenCache(listener);
    const waiting: (() => void)[] = [];
    // Handlers run in the order they subscribed: the cache's first, then this one.
    listener.listen(TOKEN_CACHE_CHANNEL, () => waiting.splice(0).forEach((w) => w()));
    nextNotification = () => new Promise((resolve) => waiting.push(resolve));
    await listener.ready();
  });
  afterAll(() => listener.close());

  let token: string;
  beforeEach(async () => {
    agency = await makeAgency(db(), { name: `Agency ${Math.random().toString(36).slice(2, 8)}` });
    token = (
      await createApiToken({
        db: db(),
        actor: actorOf(agency, ["AGENCY_ADMIN"]),
        input: { name: "CAD", scopes: ["read", "file", "conflicts"] },
        now,
      })
    ).token;
    cache.forget();
  });

  const authenticate = (withCache = true) =>
    authenticateApiToken({
      db: db(),
      authorization: `Bearer ${token}`,
      meta,
      now,
      cache: withCache ? cache : undefined,
    });

  /** Changes rows with triggers switched off, as if the change had never been announced. */
  async function silently(sql: string, params: unknown[]): Promise<void> {
    const c = new pg.Client({ connectionString: t().url });
    await c.connect();
    try {
      await c.query("SET session_replication_role = replica");
      await c.query(sql, params);
    } finally {
      await c.end();
    }
  }

  it("answers a remembered token without looking it up again", async () => {
    expect((await authenticate()).agencyId).toBe(agency.id);
    await silently(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE "tokenHash" = $1`, [hashToken(token)]);
    // The unannounced revocation is invisible to the cache — which shows the lookup was skipped —
    // but not to a lookup.
    expect((await authenticate()).agencyId).toBe(agency.id);
    await expect(authenticate(false)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("refuses a token once its revocation is announced, even one revoked by another process", async () => {
    await authenticate();
    const heard = nextNotification();
    // revokeApiToken also clears this process's own cache; the test cache only hears the trigger.
    await revokeApiToken({
      db: db(),
      actor: actorOf(agency, ["AGENCY_ADMIN"]),
      tokenId: (await authenticate()).id,
      now,
    });
    await heard;
    await expect(authenticate()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("refuses the tokens of an agency once its deactivation is announced", async () => {
    await authenticate();
    const heard = nextNotification();
    await db().agency.update({ where: { id: agency.id }, data: { active: false } });
    await heard;
    await expect(authenticate()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("checks a remembered token's expiry on every request", async () => {
    const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    token = (
      await createApiToken({
        db: db(),
        actor: actorOf(agency, ["AGENCY_ADMIN"]),
        input: { name: "Pilot", scopes: ["read"], expiresOn: tomorrow },
        now,
      })
    ).token;
    await authenticate();
    // Unannounced, the row no longer expires — so a refusal below comes from the remembered expiry.
    await silently(`UPDATE "ApiToken" SET "expiresAt" = NULL WHERE "tokenHash" = $1`, [hashToken(token)]);
    const later = new Date(now.getTime() + 3 * 86_400_000);
    await expect(
      authenticateApiToken({ db: db(), authorization: `Bearer ${token}`, meta, now: later, cache }),
    ).rejects.toMatchObject({ status: 401, message: "api.tokenExpired" });
    expect(
      (await authenticateApiToken({ db: db(), authorization: `Bearer ${token}`, meta, now: later })).agencyId,
    ).toBe(agency.id);
  });

  it("forgets a token whose scopes or expiry change", async () => {
    expect(
      (await authenticateApiRequest({ db: db(), authorization: `Bearer ${token}`, meta, now, cache })).scopes,
    ).toEqual(["read", "file", "conflicts"]);
    let heard = nextNotification();
    await db().apiToken.update({ where: { tokenHash: hashToken(token) }, data: { scopes: ["read"] } });
    await heard;
    expect(
      (await authenticateApiRequest({ db: db(), authorization: `Bearer ${token}`, meta, now, cache })).scopes,
    ).toEqual(["read"]);
    heard = nextNotification();
    await db().apiToken.update({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(now.getTime() - 1) },
    });
    await heard;
    await expect(authenticate()).rejects.toMatchObject({ message: "api.tokenExpired" });
  });

  it("takes a renamed agency's new name at the next request", async () => {
    await authenticate();
    const heard = nextNotification();
    await db().agency.update({ where: { id: agency.id }, data: { name: `${agency.name} (renamed)` } });
    await heard;
    expect((await authenticate()).agencyName).toBe(`${agency.name} (renamed)`);
  });

  it("does not remember a lookup that was under way when a change was announced", async () => {
    const generation = cache.generation();
    expect(generation).not.toBeNull();
    const heard = nextNotification();
    await db().agency.update({ where: { id: agency.id }, data: { timeZone: "America/Denver" } });
    await heard;
    cache.remember(
      hashToken(token),
      {
        id: "x",
        name: "stale",
        revokedAt: null,
        lastUsedAt: null,
        expiresAt: null,
        scopes: ["read"],
        agencyId: agency.id,
        agencyName: "stale",
        timeZone: "UTC",
        active: true,
      },
      generation!,
    );
    expect(cache.get(hashToken(token))).toBeNull();
  });

  it("remembers nothing while it cannot listen", async () => {
    const offline = createPgListener(t().url);
    const uncached = createTokenCache(offline);
    await offline.ready();
    await offline.close();
    expect(uncached.generation()).toBeNull();
    const actor = await authenticateApiToken({
      db: db(),
      authorization: `Bearer ${token}`,
      meta,
      now,
      cache: uncached,
    });
    expect(actor.agencyId).toBe(agency.id);
    await silently(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE "tokenHash" = $1`, [hashToken(token)]);
    await expect(
      authenticateApiToken({ db: db(), authorization: `Bearer ${token}`, meta, now, cache: uncached }),
    ).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
