// Dry runs are not a map: the sweep that used to read every agency's plans out of
// POST /api/v1/deconfliction/check (one huge polygon, a month's window, then tiny circles to pin
// each operation down) now gets need-to-know answers, refusals past the size and window caps, a
// rate limit per person and per agency, and an audit record of every box looked at.
import { beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/http/action-result";
import { createApiToken } from "@/lib/api-tokens/manage-tokens";
import { RateLimitError } from "@/lib/errors";
import { messagesFor } from "@/lib/i18n/catalog";
import { parseMsg } from "@/lib/i18n/issue";
import { createTranslator } from "@/lib/i18n/translate";
import { fileOperation } from "@/lib/operations/file-operation";
import { dryRunCheck } from "@/lib/operations/dry-run";
import { consume } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { useFreshDb } from "./helpers/db";
import { actorOf, circle, makeAgency, operationInput, type TestAgency } from "./operations-fixtures";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = Record<string, any>;
type Handler = (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;

const now = new Date("2027-03-01T12:00:00Z");
/** Their operation: an odd window, so any exact time in an answer would show. */
const THEIR_START = "2027-03-10T14:17:00.000Z";
const THEIR_END = "2027-03-10T16:43:00.000Z";
/** A polygon about 600 m across in west Chicago, with vertices to the 5th decimal. */
const THEIR_AREA = {
  kind: "POLYGON",
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [-87.71234, 41.95123],
        [-87.70567, 41.95123],
        [-87.70567, 41.95489],
        [-87.71234, 41.95489],
        [-87.71234, 41.95123],
      ],
    ],
  },
};
/** A square `half` degrees either side of a point. */
const square = (lon: number, lat: number, half: number) => ({
  kind: "POLYGON",
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
      ],
    ],
  },
});

describe("dry runs are not a map", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let check: Handler;
  let recipients: Handler;
  let city: TestAgency;
  let fed: TestAgency;
  let other: TestAgency;
  let cityToken: string;
  let ownRef: string;

  beforeAll(async () => {
    process.env.DATABASE_URL = t().url;
    process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
    check = ((await import("@/app/api/v1/deconfliction/check/route")) as unknown as { POST: Handler }).POST;
    recipients = ((await import("@/app/api/v1/notices/preview/route")) as unknown as { POST: Handler }).POST;
    city = await makeAgency(db(), { name: "City Police Department" });
    fed = await makeAgency(db(), { name: "Federal Task Force" });
    other = await makeAgency(db(), { name: "Harbor Police" });
    cityToken = (
      await createApiToken({
        db: db(),
        actor: actorOf(city, ["AGENCY_ADMIN"]),
        input: { name: "City CAD", scopes: ["read", "file", "conflicts"] },
        now,
      })
    ).token;
    await fileOperation({
      db: db(),
      actor: actorOf(fed),
      input: operationInput({
        title: "Operation Lantern",
        area: THEIR_AREA,
        startsAt: THEIR_START,
        endsAt: THEIR_END,
        riskFlags: ["ARMED_SUBJECT_EXPECTED"],
      }),
      now,
    });
    const own = await fileOperation({
      db: db(),
      actor: actorOf(city),
      input: operationInput({
        title: "City perimeter",
        area: circle(-87.709, 41.953, 200),
        startsAt: "2027-03-10T13:00:00Z",
        endsAt: "2027-03-10T18:00:00Z",
      }),
      now,
    });
    ownRef = own.operation.ref;
  });

  async function post(
    handler: Handler,
    body: unknown,
    token = cityToken,
  ): Promise<{ status: number; body: JsonBody; headers: Headers }> {
    const req = new Request("http://localhost/api/v1/deconfliction/check", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "accept-language": "en" },
      body: JSON.stringify(body),
    });
    const res = await handler(req, { params: Promise.resolve({}) });
    return { status: res.status, body: JSON.parse(await res.text()), headers: res.headers };
  }

  const day = { startsAt: "2027-03-10T00:00:00Z", endsAt: "2027-03-11T00:00:00Z" };

  it("refuses the sweep itself: an area over 50 km across or a window over 7 days is a 422 naming the field", async () => {
    const huge = await post(check, {
      area: square(-87.7, 41.9, 4.5),
      startsAt: "2027-03-01T00:00:00Z",
      endsAt: "2027-03-30T00:00:00Z",
    });
    expect(huge.status).toBe(422);
    expect(huge.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["area", "endsAt"]);
    expect(huge.body.error.issues.find((i: { path: string }) => i.path === "area").message).toContain("50 km across");

    const wideCircle = await post(check, { area: circle(-87.7, 41.9, 25_500), ...day });
    expect([wideCircle.status, wideCircle.body.error.issues[0].path]).toEqual([422, "area"]);
    const longWindow = await post(check, {
      area: circle(-87.7, 41.9, 500),
      startsAt: "2027-03-01T00:00:00Z",
      endsAt: "2027-03-08T00:00:01Z",
    });
    expect([longWindow.status, longWindow.body.error.issues[0].path]).toEqual([422, "endsAt"]);
    expect(longWindow.body.error.issues[0].message).toContain("7 days");
    // The recipient preview is a dry run too.
    const viaRecipients = await post(recipients, { area: square(-87.7, 41.9, 4.5), ...day });
    expect([viaRecipients.status, viaRecipients.body.error.issues[0].path]).toEqual([422, "area"]);
    // Just inside both caps is answered.
    expect(
      (
        await post(check, {
          area: circle(-87.7, 41.9, 24_000),
          startsAt: "2027-03-05T00:00:00Z",
          endsAt: "2027-03-12T00:00:00Z",
        })
      ).status,
    ).toBe(200);
  });

  it("tells about another agency's operation only whom to call and the hours they meet; its own keep their detail", async () => {
    const res = await post(check, { area: circle(-87.709, 41.953, 2_000), ...day });
    expect(res.status).toBe(200);
    const theirs = res.body.conflicts.filter((c: JsonBody) => c.scope === "OTHER_AGENCY");
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toEqual({
      scope: "OTHER_AGENCY",
      agency: { id: fed.id, name: "Federal Task Force", phone24x7: expect.any(String) },
      overlapStart: "2027-03-10T14:00:00.000Z",
      overlapEnd: "2027-03-10T17:00:00.000Z",
    });
    const text = JSON.stringify(theirs);
    for (const hidden of [
      "14:17",
      "16:43",
      "severity",
      "minDistanceM",
      "containment",
      "areasIntersect",
      "where",
      "overlapMinutes",
      "41.95",
      "87.71",
      "Lantern",
    ]) {
      expect(text).not.toContain(hidden);
    }

    const mine = res.body.conflicts.filter((c: JsonBody) => c.scope === "OWN_AGENCY");
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      ownOperation: { ref: ownRef, title: "City perimeter" },
      severity: expect.any(String),
      areasIntersect: true,
      containment: "A_CONTAINS_B",
      minDistanceM: 0,
      overlapStart: "2027-03-10T13:00:00.000Z",
      overlapEnd: "2027-03-10T18:00:00.000Z",
      where: { lon: expect.any(Number), lat: expect.any(Number) },
    });
  });

  it("gives a 1-metre circle nothing sharper: its answer is the same hour-wide window, and no distance to walk towards", async () => {
    const near = await post(check, {
      area: circle(-87.7123, 41.9513, 1),
      startsAt: "2027-03-10T14:30:00Z",
      endsAt: "2027-03-10T14:31:00Z",
    });
    const far = await post(check, {
      area: circle(-87.7132, 41.9513, 1),
      startsAt: "2027-03-10T14:30:00Z",
      endsAt: "2027-03-10T14:31:00Z",
    });
    const theirs = (r: { body: JsonBody }) => r.body.conflicts.filter((c: JsonBody) => c.scope === "OTHER_AGENCY");
    for (const r of [near, far]) {
      expect(r.status).toBe(200);
      expect(theirs(r)).toEqual([
        expect.objectContaining({
          agency: expect.objectContaining({ name: "Federal Task Force" }),
          overlapStart: "2027-03-10T14:00:00.000Z",
          overlapEnd: "2027-03-10T15:00:00.000Z",
        }),
      ]);
    }
    expect(JSON.stringify(theirs(near))).toBe(JSON.stringify(theirs(far)));
  });

  it("records every probe's box: on the API request's audit event, and as operation.dry_run from the form", async () => {
    const req = new Request("http://localhost/api/v1/deconfliction/check", {
      method: "POST",
      headers: {
        authorization: `Bearer ${cityToken}`,
        "content-type": "application/json",
        "x-request-id": "probe-audit-1",
      },
      body: JSON.stringify({ area: square(-87.7, 41.9, 0.05), ...day }),
    });
    expect((await check(req)).status).toBe(200);
    const event = await db().auditEvent.findFirstOrThrow({ where: { requestId: "probe-audit-1" } });
    expect(event.action).toBe("api.request");
    expect(event.details).toMatchObject({
      path: "/api/v1/deconfliction/check",
      status: 200,
      dryRun: {
        kind: "CONFLICTS",
        outcome: "ANSWERED",
        bbox: [
          expect.closeTo(-87.75, 3),
          expect.closeTo(41.85, 3),
          expect.closeTo(-87.65, 3),
          expect.closeTo(41.95, 3),
        ],
        startsAt: "2027-03-10T00:00:00.000Z",
        endsAt: "2027-03-11T00:00:00.000Z",
      },
    });
    // A refused sweep says where it looked, too.
    const swept = new Request("http://localhost/api/v1/deconfliction/check", {
      method: "POST",
      headers: {
        authorization: `Bearer ${cityToken}`,
        "content-type": "application/json",
        "x-request-id": "probe-audit-2",
      },
      body: JSON.stringify({ area: square(-87.7, 41.9, 4.5), ...day }),
    });
    expect((await check(swept)).status).toBe(422);
    expect((await db().auditEvent.findFirstOrThrow({ where: { requestId: "probe-audit-2" } })).details).toMatchObject({
      status: 422,
      dryRun: {
        outcome: "INVALID",
        bbox: [expect.closeTo(-92.2, 0), expect.closeTo(37.4, 0), expect.closeTo(-83.2, 0), expect.closeTo(46.4, 0)],
      },
    });

    // The filing form's preview (a server action calls dryRunCheck without a request event to ride on).
    const actor = actorOf(city);
    await dryRunCheck({ db: db(), actor, input: { area: circle(-87.62, 41.88, 300), ...day }, now });
    const own = await db().auditEvent.findFirstOrThrow({
      where: { action: "operation.dry_run", actorUserId: actor.userId },
    });
    expect(own).toMatchObject({ agencyId: city.id, outcome: "SUCCESS", requestId: actor.requestId });
    const box = (own.details as { bbox: number[] }).bbox;
    expect(box[0]).toBeLessThan(-87.62);
    expect(box[2]).toBeGreaterThan(-87.62);
    expect(box[1]).toBeLessThan(41.88);
    expect(box[3]).toBeGreaterThan(41.88);
  });

  it("answers 429 with Retry-After once a token has used its allowance, and the form says so in words", async () => {
    const { token } = await createApiToken({
      db: db(),
      actor: actorOf(other, ["AGENCY_ADMIN"]),
      input: { name: "Harbor scripts", scopes: ["read", "file", "conflicts"] },
      now,
    });
    const probe = { area: circle(-87.6, 41.8, 100), ...day };
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.dryRunUser.points; i++) statuses.push((await post(check, probe, token)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const refused = await post(check, probe, token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body.error).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringContaining("Too many conflict checks"),
    });
    // The recipient preview spends the same allowance.
    expect((await post(recipients, probe, token)).status).toBe(429);

    // A person at the form: past their allowance the action answers with a message, in their language.
    const actor = actorOf(other);
    for (let i = 0; i < LIMITS.dryRunUser.points; i++) await dryRunCheck({ db: db(), actor, input: probe, now });
    const result = await runAction(() => dryRunCheck({ db: db(), actor, input: probe, now }));
    expect(result.ok).toBe(false);
    const formError = result.ok ? "" : result.formError;
    const { key, params } = parseMsg(formError);
    expect(key).toBe("operations.preview.rateLimited");
    expect(createTranslator(messagesFor("es"), "es")(key, params)).toMatch(
      /^Demasiadas comprobaciones .* \d+ segundos\.$/,
    );
  });

  it("answers 429 with Retry-After once the agency as a whole has used its allowance, whoever asks", async () => {
    const agency = await makeAgency(db(), { name: "Busy County Sheriff" });
    const { token } = await createApiToken({
      db: db(),
      actor: actorOf(agency, ["AGENCY_ADMIN"]),
      input: { name: "Busy CAD", scopes: ["read", "file", "conflicts"] },
      now,
    });
    const probe = { area: circle(-87.6, 41.8, 100), ...day };
    // Its people have spent all but one of the agency's dry runs between them.
    const spent = await consume(db(), "dryRunAgency", `agency:${agency.id}`, LIMITS.dryRunAgency.points - 1);
    expect(spent.allowed).toBe(true);
    expect((await post(check, probe, token)).status).toBe(200);
    const refused = await post(check, probe, token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    await expect(dryRunCheck({ db: db(), actor: actorOf(agency), input: probe, now })).rejects.toBeInstanceOf(
      RateLimitError,
    );
    const audited = await db().auditEvent.findFirstOrThrow({
      where: { action: "operation.dry_run", agencyId: agency.id },
    });
    expect(audited).toMatchObject({ outcome: "FAILURE", details: { outcome: "RATE_LIMITED" } });
    // Another agency is unaffected.
    expect((await post(check, probe)).status).toBe(200);
  });
});
