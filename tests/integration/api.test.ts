// The /api/v1 route handlers against a real database: bearer tokens (created and revoked by an
// agency admin, stored hashed, limited to their scopes and expiry), the need-to-know JSON a
// counterpart gets, other agencies' ids answering 404, every bad input a 4xx JSON error with field
// paths (never a 500), and an audit event for every request (refusals by sample).
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/api-tokens/manage-tokens";
import { flushRefusalSummary } from "@/lib/api-tokens/refusal-audit";
import { setClockOffset } from "@/lib/clock";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { makeUser } from "./auth-fixtures";
import { useFreshDb } from "./helpers/db";
import { actorOf, circle, hours, makeAgency, operationInput, type TestAgency } from "./operations-fixtures";

// Response bodies are read loosely here; the assertions pin their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = Record<string, any>;
type Handler = (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Routes = Record<string, Record<string, Handler>>;

const now = new Date();
const BASE = "http://localhost/api/v1";

describe("API v1", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let routes: Routes;
  let city: TestAgency;
  let fed: TestAgency;
  let cityToken: string;
  let fedToken: string;
  let requests = 0;

  beforeAll(async () => {
    // The route handlers use the process-wide client; point it at this file's database first.
    process.env.DATABASE_URL = t().url;
    process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
    // Lets the expiry test move the handlers' clock forward.
    process.env.TEST_CLOCK = "1";
    routes = {
      check: await import("@/app/api/v1/deconfliction/check/route"),
      operations: await import("@/app/api/v1/operations/route"),
      operation: await import("@/app/api/v1/operations/[id]/route"),
      cancel: await import("@/app/api/v1/operations/[id]/cancel/route"),
      conflicts: await import("@/app/api/v1/conflicts/route"),
      conflict: await import("@/app/api/v1/conflicts/[id]/route"),
      acknowledge: await import("@/app/api/v1/conflicts/[id]/acknowledge/route"),
      resolve: await import("@/app/api/v1/conflicts/[id]/resolve/route"),
      propose: await import("@/app/api/v1/conflicts/[id]/propose/route"),
      confirm: await import("@/app/api/v1/conflicts/[id]/confirm/route"),
      contest: await import("@/app/api/v1/conflicts/[id]/contest/route"),
      reopen: await import("@/app/api/v1/conflicts/[id]/reopen/route"),
      other: await import("@/app/api/v1/[...rest]/route"),
    } as unknown as Routes;
    city = await makeAgency(db(), { name: "City Police Department" });
    fed = await makeAgency(db(), { name: "Federal Task Force" });
    cityToken = (
      await createApiToken({
        db: db(),
        actor: actorOf(city, ["AGENCY_ADMIN"]),
        input: { name: "City CAD", scopes: ["read", "file", "conflicts"] },
        now,
      })
    ).token;
    fedToken = (
      await createApiToken({
        db: db(),
        actor: actorOf(fed, ["AGENCY_ADMIN"]),
        input: { name: "Federal RMS", scopes: ["read", "file", "conflicts"] },
        now,
      })
    ).token;
  });

  async function call(
    route: string,
    method: string,
    opts: {
      token?: string | null;
      path?: string;
      body?: unknown;
      raw?: string;
      type?: string;
      params?: Record<string, string>;
    } = {},
  ): Promise<{ status: number; body: JsonBody; text: string }> {
    const headers: Record<string, string> = { "accept-language": "en" };
    const token = opts.token === undefined ? cityToken : opts.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined = opts.raw;
    if (opts.body !== undefined) payload = JSON.stringify(opts.body);
    if (payload !== undefined) headers["content-type"] = opts.type ?? "application/json";
    const req = new Request(`${BASE}${opts.path ?? ""}`, { method, headers, body: payload });
    requests++;
    const res = await routes[route][method](req, { params: Promise.resolve(opts.params ?? {}) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {}, text };
  }

  it("stores tokens hashed, shows them once, and lets only agency admins manage them", async () => {
    const rows = await db().apiToken.findMany({ where: { agencyId: city.id } });
    expect(rows).toHaveLength(1);
    expect(cityToken).toMatch(/^cg_[A-Za-z0-9_-]{43}$/);
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(cityToken.slice(3));
    expect(cityToken.startsWith(rows[0].prefix)).toBe(true);
    const listed = await listApiTokens({ db: db(), actor: actorOf(city, ["AGENCY_ADMIN"]) });
    expect(JSON.stringify(listed)).not.toContain(cityToken);
    await expect(
      createApiToken({
        db: db(),
        actor: actorOf(city, ["SUPERVISOR", "CHIEF"]),
        input: { name: "Mine", scopes: ["read", "file", "conflicts"] },
        now,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses requests without a valid token, with a JSON 401", async () => {
    for (const token of [null, "cg_not-a-real-token", `cg_${"A".repeat(43)}`]) {
      const res = await call("operations", "GET", { token });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("Bearer") });
    }
  });

  it("files, reads, lists and edits operations as the token's agency", async () => {
    const filed = await call("operations", "POST", { body: operationInput({ area: circle(-87.62, 41.88, 300) }) });
    expect(filed.status).toBe(201);
    const id = filed.body.operation.id as string;
    expect(filed.body.operation).toMatchObject({
      agencyId: city.id,
      status: "PLANNED",
      startsAt: hours(0).toISOString(),
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "operation.file", targetId: id } });
    expect(event.actorLabel).toMatch(/^api-token:/);
    expect(event.actorUserId).toBeNull();

    const read = await call("operation", "GET", { params: { id } });
    expect(read.status).toBe(200);
    expect(read.body.changes).toHaveLength(1);
    const list = await call("operations", "GET", { path: "/operations?pageSize=10" });
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(id);

    const edited = await call("operation", "PATCH", {
      params: { id },
      body: { version: 1, endsAt: hours(6).toISOString() },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ changes: ["EXTEND"], operation: { version: 2 } });
    const stale = await call("operation", "PATCH", { params: { id }, body: { version: 1, title: "Stale edit" } });
    expect(stale.status).toBe(409);
  });

  it("gives the counterpart only need-to-know facts, and other agencies' ids are 404", async () => {
    const fedFiled = await call("operations", "POST", {
      token: fedToken,
      body: operationInput({
        title: "Operation Lantern",
        type: "UNDERCOVER",
        notes: "Buy at the laundromat",
        commanderName: "SA Ruth Okafor",
        area: {
          kind: "POLYGON",
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [-87.7, 41.95],
                [-87.69, 41.95],
                [-87.69, 41.955],
                [-87.7, 41.955],
                [-87.7, 41.95],
              ],
            ],
          },
        },
      }),
    });
    expect(fedFiled.status).toBe(201);
    const fedOpId = fedFiled.body.operation.id as string;

    const check = await call("check", "POST", {
      body: { area: circle(-87.695, 41.952, 100), startsAt: hours(1).toISOString(), endsAt: hours(2).toISOString() },
    });
    expect(check.status).toBe(200);
    expect(check.body.conflicts).toHaveLength(1);
    expect(check.body.conflicts[0]).toMatchObject({ scope: "OTHER_AGENCY", agency: { name: "Federal Task Force" } });
    expect(await db().operation.count({ where: { agencyId: city.id, title: { contains: "Lantern" } } })).toBe(0);

    const cityFiled = await call("operations", "POST", {
      body: operationInput({ title: "Street fair", area: circle(-87.695, 41.952, 100) }),
    });
    const conflictId = cityFiled.body.conflicts[0].id as string;
    const view = await call("conflict", "GET", { params: { id: conflictId } });
    expect(view.status).toBe(200);
    expect(view.body.counterpart).toMatchObject({
      agency: { name: "Federal Task Force" },
      commanderName: "SA Ruth Okafor",
    });
    for (const secret of ["Operation Lantern", "UNDERCOVER", "laundromat", "-87.69,", "41.955"]) {
      expect(view.text.includes(secret), secret).toBe(false);
    }
    expect(Object.keys(view.body.counterpart).sort()).toEqual(
      [
        "acknowledged",
        "agency",
        "commanderName",
        "commanderPhone",
        "commsPlan",
        "interopChannel",
        "radioChannel",
        "talkgroup",
      ].sort(),
    );

    // The federal operation through the city's token: not found, whatever the verb.
    expect((await call("operation", "GET", { params: { id: fedOpId } })).status).toBe(404);
    expect(
      (await call("operation", "PATCH", { params: { id: fedOpId }, body: { version: 1, title: "Taken over" } })).status,
    ).toBe(404);
    expect((await call("cancel", "POST", { params: { id: fedOpId } })).status).toBe(404);
    expect((await db().operation.findUniqueOrThrow({ where: { id: fedOpId } })).status).toBe("PLANNED");

    // A third agency's token can't see, acknowledge or resolve the pair.
    const third = await makeAgency(db(), { name: "Third Agency" });
    const thirdToken = (
      await createApiToken({
        db: db(),
        actor: actorOf(third, ["AGENCY_ADMIN"]),
        input: { name: "Third CAD", scopes: ["read", "file", "conflicts"] },
        now,
      })
    ).token;
    expect((await call("conflict", "GET", { token: thirdToken, params: { id: conflictId } })).status).toBe(404);
    expect((await call("acknowledge", "POST", { token: thirdToken, params: { id: conflictId } })).status).toBe(404);
    expect(
      (
        await call("resolve", "POST", {
          token: thirdToken,
          params: { id: conflictId },
          body: { outcome: "NOT_A_CONFLICT", note: "Nothing here" },
        })
      ).status,
    ).toBe(404);
    expect((await call("conflicts", "GET", { token: thirdToken })).body.items).toEqual([]);

    // The parties can.
    const ack = await call("acknowledge", "POST", { token: fedToken, params: { id: conflictId } });
    expect(ack.status).toBe(200);
    expect(ack.body.own.acknowledged).not.toBeNull();
    // /resolve proposes (as /propose does); the other agency confirms.
    const proposed = await call("resolve", "POST", {
      params: { id: conflictId },
      body: { outcome: "PROCEED_SEPARATELY", note: "Fair ends before entry." },
    });
    expect(proposed.status).toBe(200);
    expect([proposed.body.status, proposed.body.proposal.outcome]).toEqual(["OPEN", "PROCEED_SEPARATELY"]);
    const resolved = await call("confirm", "POST", { token: fedToken, params: { id: conflictId } });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe("RESOLVED");
    const queue = await call("conflicts", "GET", { path: "/conflicts?status=RESOLVED" });
    expect(queue.body.items.map((c: { id: string }) => c.id)).toEqual([conflictId]);
  });

  it("cancels through the API, closing open conflicts", async () => {
    const a = await call("operations", "POST", { body: operationInput({ area: circle(-88.1, 41.5, 200) }) });
    const b = await call("operations", "POST", {
      token: fedToken,
      body: operationInput({ area: circle(-88.1, 41.5, 200) }),
    });
    expect(b.body.conflicts).toHaveLength(1);
    const cancelled = await call("cancel", "POST", {
      params: { id: a.body.operation.id },
      body: { reason: "Warrant recalled" },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.closedConflicts).toEqual([{ id: b.body.conflicts[0].id }]);
    expect((await db().conflict.findUniqueOrThrow({ where: { id: b.body.conflicts[0].id } })).closedReason).toBe(
      "OPERATION_CANCELLED",
    );
  });

  it("answers every bad input with a clear 4xx, never a 500", async () => {
    const valid = operationInput({ area: circle(-89.9, 40.0, 100) });
    const bigRing = Array.from({ length: 1_200 }, (_, i) => [
      -89 + 0.01 * Math.cos((2 * Math.PI * i) / 1_200),
      40 + 0.01 * Math.sin((2 * Math.PI * i) / 1_200),
    ]);
    bigRing.push(bigRing[0]);
    const cases: { name: string; opts: Parameters<typeof call>[2]; route?: string; status: number; path?: string }[] = [
      {
        name: "end before start",
        opts: { body: { ...valid, endsAt: hours(-1).toISOString() } },
        status: 422,
        path: "endsAt",
      },
      {
        name: "window over 30 days",
        opts: { body: { ...valid, endsAt: hours(24 * 31).toISOString() } },
        status: 422,
        path: "endsAt",
      },
      {
        name: "time without offset",
        opts: { body: { ...valid, startsAt: "2027-03-10T14:00" } },
        status: 422,
        path: "startsAt",
      },
      { name: "not a date", opts: { body: { ...valid, startsAt: "tomorrow" } }, status: 422, path: "startsAt" },
      {
        name: "invalid GeoJSON type",
        opts: {
          body: {
            ...valid,
            area: {
              kind: "POLYGON",
              geometry: {
                type: "LineString",
                coordinates: [
                  [0, 0],
                  [1, 1],
                ],
              },
            },
          },
        },
        status: 422,
        path: "area.geometry.type",
      },
      {
        name: "unclosed ring",
        opts: {
          body: {
            ...valid,
            area: {
              kind: "POLYGON",
              geometry: {
                type: "Polygon",
                coordinates: [
                  [
                    [-89, 40],
                    [-88.9, 40],
                    [-88.9, 40.1],
                  ],
                ],
              },
            },
          },
        },
        status: 422,
      },
      {
        name: "self-intersecting ring",
        opts: {
          body: {
            ...valid,
            area: {
              kind: "POLYGON",
              geometry: {
                type: "Polygon",
                coordinates: [
                  [
                    [-89, 40],
                    [-88.9, 40.1],
                    [-88.9, 40],
                    [-89, 40.1],
                    [-89, 40],
                  ],
                ],
              },
            },
          },
        },
        status: 422,
      },
      {
        name: "NaN coordinate",
        opts: { body: { ...valid, area: { kind: "CIRCLE", center: ["NaN", 40], radiusM: 100 } } },
        status: 422,
        path: "area.center",
      },
      {
        name: "bare NaN in the JSON",
        opts: { raw: JSON.stringify(valid).replace('"personnelCount":12', '"personnelCount":NaN') },
        status: 400,
      },
      {
        name: "infinite radius",
        opts: {
          raw: JSON.stringify({ ...valid, area: { kind: "CIRCLE", center: [-89, 40], radiusM: 1 } }).replace(
            '"radiusM":1',
            '"radiusM":1e999',
          ),
        },
        status: 422,
        path: "area.radiusM",
      },
      {
        name: "NaN personnel",
        opts: { body: { ...valid, personnelCount: "NaN" } },
        status: 422,
        path: "personnelCount",
      },
      {
        name: "latitude out of range",
        opts: { body: { ...valid, area: circle(-89, 91, 100) } },
        status: 422,
        path: "area.center.1",
      },
      {
        name: "huge polygon",
        opts: { body: { ...valid, area: { kind: "POLYGON", geometry: { type: "Polygon", coordinates: [bigRing] } } } },
        status: 422,
      },
      { name: "oversized body", opts: { raw: JSON.stringify({ ...valid, notes: "x".repeat(600_000) }) }, status: 413 },
      { name: "malformed JSON", opts: { raw: '{"type": "SEARCH_WARRANT",' }, status: 400 },
      { name: "JSON that is not an object", opts: { raw: "[1, 2, 3]" }, status: 400 },
      {
        name: "wrong content type",
        opts: { raw: "type=SEARCH_WARRANT", type: "application/x-www-form-urlencoded" },
        status: 415,
      },
      { name: "empty body", opts: {}, status: 415 },
      { name: "unknown operation type", opts: { body: { ...valid, type: "RAID" } }, status: 422, path: "type" },
      {
        name: "bad query parameter",
        route: "operations:GET",
        opts: { path: "/operations?pageSize=1000" },
        status: 422,
        path: "pageSize",
      },
      {
        name: "unknown operation id",
        route: "operation:GET",
        opts: { params: { id: "5f1d7a4e-1111-4222-8333-944455556666" } },
        status: 404,
      },
      {
        name: "malformed operation id",
        route: "operation:GET",
        opts: { params: { id: "../../etc/passwd" } },
        status: 404,
      },
      {
        name: "unknown conflict id",
        route: "conflict:GET",
        opts: { params: { id: "5f1d7a4e-1111-4222-8333-944455556666" } },
        status: 404,
      },
      {
        name: "bad outcome",
        route: "resolve:POST",
        opts: { params: { id: "5f1d7a4e-1111-4222-8333-944455556666" }, body: { outcome: "MAYBE" } },
        status: 422,
        path: "outcome",
      },
      { name: "unknown endpoint", route: "other:GET", opts: { path: "/nothing-here" }, status: 404 },
      {
        name: "check: end before start",
        route: "check:POST",
        opts: {
          body: { area: circle(-89, 40, 100), startsAt: hours(2).toISOString(), endsAt: hours(1).toISOString() },
        },
        status: 422,
        path: "endsAt",
      },
      {
        name: "check: missing area",
        route: "check:POST",
        opts: { body: { startsAt: hours(1).toISOString(), endsAt: hours(2).toISOString() } },
        status: 422,
        path: "area.kind",
      },
    ];
    for (const c of cases) {
      const [route, method] = (c.route ?? "operations:POST").split(":");
      const res = await call(route, method, c.opts);
      expect(res.status, c.name).toBe(c.status);
      expect(res.body.error?.message, c.name).toMatch(/\S/);
      expect(res.body.error.message, c.name).not.toMatch(/^(errors|operations|area|api)\./);
      if (c.path) {
        expect(
          res.body.error.issues?.map((i: { path: string }) => i.path),
          c.name,
        ).toContain(c.path);
        for (const issue of res.body.error.issues)
          expect(issue.message, c.name).not.toMatch(/^(errors|operations|area)\./);
      }
    }
  });

  it("refuses a revoked token", async () => {
    const admin = actorOf(city, ["AGENCY_ADMIN"]);
    const { token, apiToken } = await createApiToken({
      db: db(),
      actor: admin,
      input: { name: "Short-lived", scopes: ["read", "file", "conflicts"] },
      now,
    });
    expect((await call("operations", "GET", { token })).status).toBe(200);
    await revokeApiToken({ db: db(), actor: admin, tokenId: apiToken.id, now });
    const res = await call("operations", "GET", { token });
    expect(res.status).toBe(401);
    const other = actorOf(fed, ["AGENCY_ADMIN"]);
    await expect(revokeApiToken({ db: db(), actor: other, tokenId: apiToken.id, now })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("proposes, contests, confirms and reopens a conflict through the API, validating each body", async () => {
    const fedOp = await call("operations", "POST", {
      token: fedToken,
      body: operationInput({ title: "Quiet entry", area: circle(-87.81, 41.83, 120) }),
    });
    expect(fedOp.status).toBe(201);
    const cityOp = await call("operations", "POST", {
      body: operationInput({ title: "Block party", area: circle(-87.81, 41.83, 100) }),
    });
    const id = cityOp.body.conflicts[0].id as string;
    const bad = await call("propose", "POST", { params: { id }, body: { outcome: "SOMETIME", note: "" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["note", "outcome"]);
    expect(
      (
        await call("propose", "POST", {
          params: { id },
          body: { outcome: "RESCHEDULED", note: "Party moves to Sunday." },
        })
      ).status,
    ).toBe(200);
    // Not the proposing side's to confirm; the other side contests with its view, then proposes its own.
    const own = await call("confirm", "POST", { params: { id } });
    expect([own.status, own.body.error.code]).toEqual([403, "FORBIDDEN"]);
    expect(
      (await call("contest", "POST", { token: fedToken, params: { id }, body: { outcome: "PROCEED_SEPARATELY" } }))
        .status,
    ).toBe(422);
    const contested = await call("contest", "POST", {
      token: fedToken,
      params: { id },
      body: { outcome: "PROCEED_SEPARATELY", note: "Entry is done by noon." },
    });
    expect([contested.status, contested.body.status, contested.body.proposal]).toEqual([200, "OPEN", null]);
    expect(
      contested.body.history.map((h: { kind: string; byOwnSide: boolean }) => [h.kind, h.byOwnSide]),
    ).toContainEqual(["CONTESTED", true]);
    expect((await call("confirm", "POST", { token: fedToken, params: { id } })).status).toBe(409);
    await call("propose", "POST", {
      token: fedToken,
      params: { id },
      body: { outcome: "PROCEED_SEPARATELY", note: "Entry is done by noon." },
    });
    const confirmed = await call("confirm", "POST", { params: { id } });
    expect([confirmed.status, confirmed.body.status, confirmed.body.outcome.outcome]).toEqual([
      200,
      "RESOLVED",
      "PROCEED_SEPARATELY",
    ]);
    expect((await call("reopen", "POST", { params: { id }, body: {} })).status).toBe(422);
    const reopened = await call("reopen", "POST", {
      token: fedToken,
      params: { id },
      body: { reason: "Entry slipped to the afternoon." },
    });
    expect([reopened.status, reopened.body.status]).toEqual([200, "OPEN"]);
    // A third agency's token: not found, for every action.
    const third = await makeAgency(db(), { name: "Fourth Agency" });
    const thirdToken = (
      await createApiToken({
        db: db(),
        actor: actorOf(third, ["AGENCY_ADMIN"]),
        input: { name: "Fourth CAD", scopes: ["conflicts"] },
        now,
      })
    ).token;
    for (const route of ["propose", "confirm", "contest", "reopen"]) {
      const res = await call(route, "POST", {
        token: thirdToken,
        params: { id },
        body: { outcome: "CANCELLED", note: "Not ours at all", reason: "Not ours at all" },
      });
      expect([route, res.status]).toEqual([route, 404]);
    }
    // Read-only tokens may not act.
    const reader = (
      await createApiToken({
        db: db(),
        actor: actorOf(city, ["AGENCY_ADMIN"]),
        input: { name: "Wallboard", scopes: ["read"] },
        now,
      })
    ).token;
    const refused = await call("propose", "POST", {
      token: reader,
      params: { id },
      body: { outcome: "CANCELLED", note: "Read only" },
    });
    expect([refused.status, refused.body.error.code]).toEqual([403, "INSUFFICIENT_SCOPE"]);
  });

  it("lets a token do only what its scopes allow, with a 403 naming the scope it lacks", async () => {
    const admin = actorOf(city, ["AGENCY_ADMIN"]);
    const make = async (name: string, scopes: string[]) =>
      (await createApiToken({ db: db(), actor: admin, input: { name, scopes }, now })).token;
    const reader = await make("Read-only dashboard", ["read"]);
    const filer = await make("Dispatch CAD", ["file"]);
    const resolver = await make("Conflict desk", ["conflicts"]);
    const check = {
      area: circle(-87.62, 41.88, 300),
      startsAt: hours(1).toISOString(),
      endsAt: hours(2).toISOString(),
    };
    const someId = "00000000-0000-4000-8000-000000000000";

    expect((await call("operations", "GET", { token: reader })).status).toBe(200);
    expect((await call("conflicts", "GET", { token: reader })).status).toBe(200);
    for (const [route, method, opts] of [
      ["check", "POST", { body: check }],
      ["operations", "POST", { body: operationInput() }],
      ["operation", "PATCH", { params: { id: someId }, body: { version: 1 } }],
      ["cancel", "POST", { params: { id: someId } }],
    ] as const) {
      const res = await call(route, method, { token: reader, ...opts });
      expect([route, res.status, res.body.error.code]).toEqual([route, 403, "INSUFFICIENT_SCOPE"]);
      expect(res.body.error.message).toContain('"file"');
    }
    const ack = await call("acknowledge", "POST", { token: filer, params: { id: someId } });
    expect([ack.status, ack.body.error.message]).toEqual([403, expect.stringContaining('"conflicts"')]);
    const list = await call("operations", "GET", { token: filer });
    expect([list.status, list.body.error.message]).toEqual([403, expect.stringContaining('"read"')]);
    expect((await call("check", "POST", { token: filer, body: check })).status).toBe(200);
    // With the scope, the request reaches the handler (and its own 404 for an unknown id).
    expect((await call("acknowledge", "POST", { token: resolver, params: { id: someId } })).status).toBe(404);
    expect(
      (
        await call("resolve", "POST", {
          token: resolver,
          params: { id: someId },
          body: { outcome: "NOT_A_CONFLICT", note: "Nothing here" },
        })
      ).status,
    ).toBe(404);
    expect((await call("check", "POST", { token: resolver, body: check })).status).toBe(403);

    // A refused scope is audited as denied, naming the status.
    const denied = await db().auditEvent.findFirstOrThrow({
      where: { action: "api.request", outcome: "DENIED", details: { path: ["status"], equals: 403 } },
    });
    expect(denied.actorLabel).toMatch(/^api-token:/);
  });

  it("chooses scopes and expiry at creation, audits them, and refuses an expired token with its own message", async () => {
    const admin = actorOf(city, ["AGENCY_ADMIN"]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { token, apiToken } = await createApiToken({
      db: db(),
      actor: admin,
      input: { name: "Pilot link", scopes: ["conflicts", "read"], expiresOn: tomorrow },
      now: new Date(),
    });
    expect(apiToken.scopes).toEqual(["read", "conflicts"]);
    // The end of that day in the agency's zone (America/Chicago): 05:00 or 06:00 UTC the day after.
    expect(apiToken.expiresAt!.getTime() - Date.parse(`${tomorrow}T00:00:00Z`)).toBeGreaterThanOrEqual(29 * 3_600_000);
    const created = await db().auditEvent.findFirstOrThrow({
      where: { action: "api.token.create", targetId: apiToken.id },
    });
    expect(created.details).toMatchObject({
      scopes: ["read", "conflicts"],
      expiresAt: apiToken.expiresAt!.toISOString(),
    });

    expect((await call("operations", "GET", { token })).status).toBe(200);
    // Two days pass (the server's test clock): the token's last day is over, cached or not.
    await setClockOffset(db(), 2 * 86_400_000);
    const res = await call("operations", "GET", { token }).finally(() => setClockOffset(db(), 0));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain("expired");
    expect(res.body.error.message).not.toBe((await call("operations", "GET", { token: null })).body.error.message);

    for (const input of [
      { name: "No scopes", scopes: [] },
      { name: "Bad scope", scopes: ["admin"] },
      { name: "Past", scopes: ["read"], expiresOn: "2020-01-01" },
      { name: "Not a date", scopes: ["read"], expiresOn: "next week" },
    ]) {
      const e = await createApiToken({ db: db(), actor: admin, input, now: new Date() }).catch((err: unknown) => err);
      expect(e instanceof ValidationError || (e as Error).name === "ZodError", input.name).toBe(true);
    }
    const revoked = await revokeApiToken({ db: db(), actor: admin, tokenId: apiToken.id, now });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "api.token.revoke", targetId: revoked.id },
    });
    expect(event.details).toMatchObject({ scopes: ["read", "conflicts"] });
  });

  it("lists each agency's tokens with their creator, flagging a deactivated creator's, to that agency's admins only", async () => {
    const person = await makeUser(db(), city.id, { roles: ["AGENCY_ADMIN"] });
    const creator = { ...actorOf(city, ["AGENCY_ADMIN"]), id: person.id, userId: person.id, name: person.name };
    const { apiToken } = await createApiToken({
      db: db(),
      actor: creator,
      input: { name: "Left with its maker", scopes: ["read"] },
      now,
    });
    const creatorOf = async () =>
      (await listApiTokens({ db: db(), actor: actorOf(city, ["AGENCY_ADMIN"]) })).find((t) => t.id === apiToken.id)
        ?.createdBy;
    expect(await creatorOf()).toEqual({ name: person.name, active: true });
    await db().user.update({ where: { id: person.id }, data: { active: false, deactivatedAt: now } });
    expect(await creatorOf()).toEqual({ name: person.name, active: false });

    const listed = await listApiTokens({ db: db(), actor: actorOf(city, ["AGENCY_ADMIN"]) });
    expect(listed.every((t) => t.scopes.length > 0)).toBe(true);
    const fedListed = await listApiTokens({ db: db(), actor: actorOf(fed, ["AGENCY_ADMIN"]) });
    const cityIds = new Set(listed.map((t) => t.id));
    expect(fedListed.length).toBeGreaterThan(0);
    expect(fedListed.some((t) => cityIds.has(t.id))).toBe(false);
    for (const t of listed) {
      await expect(
        revokeApiToken({ db: db(), actor: actorOf(fed, ["AGENCY_ADMIN"]), tokenId: t.id, now }),
      ).rejects.toMatchObject({ status: 404 });
    }
  });

  it("audits every allowed request in full and every refusal at least by count", async () => {
    const flushed = await flushRefusalSummary(db());
    const events = await db().auditEvent.findMany({
      where: { action: "api.request" },
      select: { outcome: true, details: true, agencyId: true },
    });
    const summaries = await db().auditEvent.findMany({ where: { action: "api.request.refusals" } });
    const counted = summaries.reduce((sum, e) => sum + (e.details as { total: number }).total, 0);
    expect(counted).toBe(flushed);
    expect(events.length + counted).toBe(requests);
    expect(events.filter((e) => e.outcome === "DENIED").length).toBeGreaterThanOrEqual(4);
    expect(events.some((e) => (e.details as { status: number }).status === 201)).toBe(true);
    expect(events.every((e) => typeof (e.details as { path: string }).path === "string")).toBe(true);
  });
});
