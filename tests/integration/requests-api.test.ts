// /api/v1/requests with agency tokens: a federal office's token submits a detainer to a member
// sheriff and reads the decision; the sheriff's token sees its queue; a third agency learns
// nothing; a token cannot decide; bad input is a 422 with field names. And no personal data: the
// schema has no field for a person, and neither the API nor the CSV export ever carries the
// agency's local reference.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/manage-tokens";
import { Prisma } from "@/lib/db/generated/client";
import { CSV_COLUMNS, exportRequestsCsv } from "@/lib/requests/export-csv";
import { decideRequest } from "@/lib/requests/decide-request";
import { adoptPreset } from "@/lib/requests/manage-rules";
import { logRequestSchema, submitRequestSchema } from "@/lib/validation/request";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { seededWorld, T0 } from "./notices-fixtures";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = Record<string, any>;
type Handler = (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Words that would name or describe a person rather than a category. */
const PERSONAL =
  /(first|last|full|given|family|middle|person|subject|detainee|inmate|alien)_?name|^name$|birth|dob|nationality|citizenship|country_?of_?origin|immigration_?status|a_?number|alien_?(number|reg)|ssn|passport|gender|race|ethnicity|address/i;
const LOCAL_REF = "BK-2027-SECRET-0042";

describe("the federal requests API", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  let routes: Record<string, Record<string, Handler>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    useTestSecrets(t().url);
    process.env.DATABASE_URL = t().url;
    w = await seededWorld(db());
    await adoptPreset({ db: db(), actor: await w.as("admin@cook-sheriff.demo"), presetKey: "ilTrustAct", now: T0 });
    routes = {
      list: await import("@/app/api/v1/requests/route"),
      one: await import("@/app/api/v1/requests/[id]/route"),
      decision: await import("@/app/api/v1/requests/[id]/decision/route"),
    } as unknown as Record<string, Record<string, Handler>>;
    tokens["ice-read-only"] = (
      await createApiToken({
        db: db(),
        actor: await w.as("admin@ice-ero-chicago.demo"),
        input: { name: "Dashboard", scopes: ["read"] },
        now: new Date(),
      })
    ).token;
    for (const slug of ["ice-ero-chicago", "cook-sheriff", "will-sheriff"]) {
      tokens[slug] = (
        await createApiToken({
          db: db(),
          actor: await w.as(`admin@${slug}.demo`),
          input: { name: "CAD link", scopes: ["read", "file", "conflicts"] },
          now: new Date(),
        })
      ).token;
    }
  });

  async function call(
    route: string,
    method: string,
    slug: string,
    opts: { params?: Record<string, string>; body?: unknown; query?: string } = {},
  ) {
    const headers: Record<string, string> = { authorization: `Bearer ${tokens[slug]}`, "accept-language": "en" };
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    const req = new Request(`http://localhost/api/v1/requests${opts.query ?? ""}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const res = await routes[route][method](req, { params: Promise.resolve(opts.params ?? {}) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as JsonBody, text };
  }

  it("a federal token submits; the sheriff's token sees it queued with its rule; a third agency gets 404; a token cannot decide", async () => {
    const cook = w.id("cook-sheriff");
    const sent = await call("list", "POST", "ice-ero-chicago", {
      body: {
        agencyId: cook,
        kind: "DETAINER",
        basisDocument: "I247A_DETAINER",
        basisSignedByJudge: false,
        offenceCategory: "CIVIL_IMMIGRATION_ONLY",
      },
    });
    expect(sent.status).toBe(201);
    const id = sent.body.id as string;
    // A token without the "file" scope can read but cannot submit.
    const readOnly = await call("list", "POST", "ice-read-only", {
      body: {
        agencyId: cook,
        kind: "DETAINER",
        basisDocument: "I247A_DETAINER",
        basisSignedByJudge: false,
        offenceCategory: "CIVIL_IMMIGRATION_ONLY",
      },
    });
    expect(readOnly.status).toBe(403);
    expect((await call("one", "GET", "ice-read-only", { params: { id } })).status).toBe(200);

    const queue = await call("list", "GET", "cook-sheriff", { query: "?box=queue" });
    const item = (queue.body.requests as JsonBody[]).find((r) => r.id === id)!;
    expect(item.rules.map((r: JsonBody) => r.directive)).toEqual(["DECLINE"]);
    expect(new Date(item.dueAt).getTime() - new Date(item.receivedAt).getTime()).toBe(48 * 3_600_000);

    expect((await call("one", "GET", "will-sheriff", { params: { id } })).status).toBe(404);
    expect((await call("one", "GET", "will-sheriff", { params: { id: "not-a-uuid" } })).status).toBe(404);
    expect(
      (
        await call("decision", "POST", "will-sheriff", {
          params: { id },
          body: { decision: "DECLINED", basis: "x", reason: "y" },
        })
      ).status,
    ).toBe(403);
    const byToken = await call("decision", "POST", "cook-sheriff", {
      params: { id },
      body: { decision: "DECLINED", basis: "5 ILCS 805/15", reason: "No judicial warrant." },
    });
    expect(byToken.status).toBe(403);
    expect((await call("list", "GET", "will-sheriff", { query: "?box=log" })).text).not.toContain(id);

    await decideRequest({
      db: db(),
      actor: await w.as("chief@cook-sheriff.demo"),
      requestId: id,
      input: { decision: "DECLINED", ruleId: item.rules[0].id, reason: "No judicial warrant." },
      now: new Date(),
    });
    const theirs = await call("one", "GET", "ice-ero-chicago", { params: { id } });
    expect(theirs.status).toBe(200);
    expect([theirs.body.request.decision, theirs.body.request.decisionRule.title]).toEqual([
      "DECLINED",
      "Detainers are honoured only with a judicial warrant",
    ]);
    expect(theirs.body.request.departure).toBeUndefined();
    expect(
      (await call("list", "GET", "ice-ero-chicago", { query: "?box=submitted" })).body.requests.map(
        (r: JsonBody) => r.id,
      ),
    ).toContain(id);
  });

  it("bad input is a 422 naming the fields; a sheriff's token logs by hand", async () => {
    const bad = await call("list", "POST", "cook-sheriff", {
      body: { kind: "NOPE", channel: "FAX", requesterName: "ICE", receivedAt: "yesterday", personName: "x" },
    });
    expect(bad.status).toBe(422);
    expect(bad.text).not.toMatch(/at \w+ \(/); // no stack trace
    const paths = (bad.body.error?.fields ?? bad.body.issues ?? bad.body.fields ?? JSON.stringify(bad.body)) as unknown;
    expect(JSON.stringify(paths)).toMatch(/kind/);
    expect(JSON.stringify(paths)).toMatch(/receivedAt/);
    const ok = await call("list", "POST", "cook-sheriff", {
      body: {
        kind: "RELEASE_NOTIFICATION",
        channel: "EMAIL",
        requesterAgencyId: w.id("ice-ero-chicago"),
        receivedAt: T0.toISOString(),
        basisDocument: "NONE",
        basisSignedByJudge: false,
        offenceCategory: "MISDEMEANOR",
        localReference: LOCAL_REF,
      },
    });
    expect(ok.status).toBe(201);
  });

  it("no personal data: no field for a person in the schema or the inputs, and the local reference never leaves the agency's pages", async () => {
    const fields = [
      ...Object.keys(Prisma.FederalRequestScalarFieldEnum),
      ...Object.keys(Prisma.RequestRuleScalarFieldEnum),
      ...Object.keys(Prisma.RequestReportScalarFieldEnum),
      ...Object.keys(Prisma.RequestCommandDesignationScalarFieldEnum),
    ];
    expect(fields.length).toBeGreaterThan(40);
    expect(fields.filter((f) => PERSONAL.test(f))).toEqual([]);
    // The inputs are strict: a field for a person is refused, not silently stored.
    expect(logRequestSchema.safeParse({ personName: "x" }).success).toBe(false);
    expect(submitRequestSchema.safeParse({ dateOfBirth: "1990-01-01" }).success).toBe(false);
    // The one free-text field that might hold a booking number is never in an API output or export.
    const cook = await call("list", "GET", "cook-sheriff", { query: "?box=log" });
    expect(cook.text).not.toContain(LOCAL_REF);
    for (const r of cook.body.requests as JsonBody[]) {
      expect(Object.keys(r).filter((k) => PERSONAL.test(k))).toEqual([]);
      expect((await call("one", "GET", "cook-sheriff", { params: { id: r.id } })).text).not.toContain(LOCAL_REF);
      expect((await call("one", "GET", "ice-ero-chicago", { params: { id: r.id } })).text).not.toContain(LOCAL_REF);
    }
    expect((await call("list", "GET", "ice-ero-chicago", { query: "?box=submitted" })).text).not.toContain(LOCAL_REF);
    const csv = await exportRequestsCsv({
      db: db(),
      actor: await w.as("auditor@cook-sheriff.demo"),
      filter: { status: "all" },
      now: new Date(),
    });
    expect(csv.split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));
    expect(csv.split("\r\n").filter(Boolean).length).toBe(3);
    expect(csv).not.toContain(LOCAL_REF);
    expect(CSV_COLUMNS.filter((c) => PERSONAL.test(c))).toEqual([]);
  });
});
