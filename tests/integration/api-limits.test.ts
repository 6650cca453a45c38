// Throttling on the production server's /api/v1 path and the calendar feed, over real HTTP against
// a real database: a flood without a valid token turns into 429s after the per-address allowance
// and leaves only a sampled handful of audit rows (not one chain row each); a token past its
// limit — spent partly by another process — gets 429 with Retry-After; the calendar feed is
// limited per feed token and per address. Client addresses come from X-Forwarded-For through a
// trusted proxy (the test's own loopback peer).
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/manage-tokens";
import { flushRefusalSummary } from "@/lib/api-tokens/refusal-audit";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { createCalendarFeedToken } from "@/lib/ical/feed-tokens";
import { consume } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { repoRoot } from "@/scripts/lib/script-env";
import { useFreshDb } from "./helpers/db";
import { actorOf, makeAgency, type TestAgency } from "./operations-fixtures";

type FeedRoute = { GET: (req: Request, ctx: { params: Promise<{ token: string }> }) => Promise<Response> };

describe("API and calendar-feed limits", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let server: http.Server;
  let base: string;
  let agency: TestAgency;

  beforeAll(async () => {
    process.env.DATABASE_URL = t().url;
    process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
    const { loadRoutes } = await import("@/server/lib/api-routes");
    const { createApiHandler } = await import("@/server/lib/api-server");
    const handleApi = createApiHandler(await loadRoutes(path.join(repoRoot, "app", "api", "v1")), {
      trustedProxies: parseTrustedProxies("127.0.0.1,::1"),
    });
    server = http.createServer((req, res) => void handleApi(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    agency = await makeAgency(db(), { name: "Limits Test PD" });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (client: string, authorization?: string) =>
    fetch(`${base}/api/v1/operations`, {
      headers: { "x-forwarded-for": client, ...(authorization ? { authorization } : {}) },
    });

  it("answers 500 requests without a valid token from one address with 401s, then 429s, and audits a sampled handful", async () => {
    const before = await db().auditEvent.count();
    const statuses: number[] = [];
    const retryAfter: number[] = [];
    for (let i = 0; i < 500; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, j) => {
          // No token, a malformed one, a well-formed one nobody issued.
          const auth = [undefined, "Bearer nope", `Bearer cg_${"B".repeat(43)}`][(i + j) % 3];
          const res = await get("203.0.113.50", auth);
          statuses.push(res.status);
          const body = await res.json();
          if (res.status === 429) {
            retryAfter.push(Number(res.headers.get("retry-after")));
            expect(body.error).toMatchObject({
              code: "RATE_LIMITED",
              message: expect.stringMatching(/Try again in \d+ seconds/),
            });
          }
        }),
      );
    }
    const { points, blockSec } = LIMITS.anonymousAddress;
    expect(statuses.filter((s) => s === 401)).toHaveLength(points);
    expect(statuses.filter((s) => s === 429)).toHaveLength(500 - points);
    expect(Math.min(...retryAfter)).toBeGreaterThan(0);
    expect(Math.max(...retryAfter)).toBeLessThanOrEqual(blockSec);

    // Another address is not held up by this one.
    expect((await get("203.0.113.51")).status).toBe(401);

    expect(await flushRefusalSummary(db())).toBe(499);
    const added = await db().auditEvent.findMany({ where: { seq: { gt: BigInt(before) } }, orderBy: { seq: "asc" } });
    // The first refusal of each address in full, and one summary with the count.
    expect(added.length).toBeLessThanOrEqual(3);
    expect(
      added
        .filter((e) => e.action === "api.request")
        .map((e) => e.sourceIp)
        .sort(),
    ).toEqual(["203.0.113.50", "203.0.113.51"]);
    const summary = added.find((e) => e.action === "api.request.refusals");
    expect(summary?.details).toMatchObject({
      total: 499,
      counts: expect.arrayContaining([expect.objectContaining({ key: "ip:203.0.113.50" })]),
    });
  });

  it("answers a token past its limit with a JSON 429 and Retry-After, counting what other processes spent", async () => {
    const { token, apiToken } = await createApiToken({
      db: db(),
      actor: actorOf(agency, ["AGENCY_ADMIN"]),
      input: { name: "Busy CAD", scopes: ["read"] },
      now: new Date(),
    });
    // Another app process has already spent all but five of this minute's allowance.
    await consume(db(), "apiToken", `token:${apiToken.id}`, LIMITS.apiToken.points - 5);
    const statuses: number[] = [];
    let refused: Response | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await get("198.51.100.20", `Bearer ${token}`);
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
      else await res.text();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused!.headers.get("retry-after"))).toBeLessThanOrEqual(LIMITS.apiToken.durationSec);
    expect((await refused!.json()).error.code).toBe("RATE_LIMITED");
    // The first refusal is recorded in full, as the token's; the others are counted.
    const denied = await db().auditEvent.findMany({
      where: { action: "api.request", targetId: apiToken.id, details: { path: ["status"], equals: 429 } },
    });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: "DENIED", agencyId: agency.id });
  });

  it("throttles the calendar feed per feed token and unknown feed tokens per address", async () => {
    const { GET } = (await import("@/app/api/calendar/[token]/route")) as unknown as FeedRoute;
    const fetchFeed = (token: string, client: string) =>
      GET(new Request(`http://localhost/api/calendar/${token}.ics`, { headers: { "x-cg-client-address": client } }), {
        params: Promise.resolve({ token: `${token}.ics` }),
      });
    const { token, feed } = await createCalendarFeedToken({
      db: db(),
      actor: actorOf(agency, ["AGENCY_ADMIN"]),
      input: { name: "Watch desk calendar" },
      now: new Date(),
    });
    await consume(db(), "calendarFeed", `feed:${feed.id}`, LIMITS.calendarFeed.points - 1);
    expect((await fetchFeed(token, "192.0.2.10")).status).toBe(200);
    const limited = await fetchFeed(token, "192.0.2.10");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    const before = await db().auditEvent.count({ where: { action: "calendar.feed.refused" } });
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.anonymousAddress.points + 5; i++)
      statuses.push((await fetchFeed(`cgcal_${String(i).padStart(43, "x")}`, "192.0.2.99")).status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(LIMITS.anonymousAddress.points);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
    expect((await db().auditEvent.count({ where: { action: "calendar.feed.refused" } })) - before).toBe(1);
  });
});
