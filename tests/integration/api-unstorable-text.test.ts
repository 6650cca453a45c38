// Text PostgreSQL cannot store: a NUL character or a lone UTF-16 surrogate (JSON "\u0000",
// "\ud800") in a text field used to reach the database and come back as a 500. Every route now
// answers 422 naming the field, and nothing is written.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/manage-tokens";
import { useFreshDb } from "./helpers/db";
import { actorOf, circle, makeAgency, operationInput, type TestAgency } from "./operations-fixtures";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = Record<string, any>;
type Handler = (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;

const now = new Date("2027-03-01T12:00:00Z");
const BAD = { nul: "Stage\u0000 at the rear", surrogate: "Stage \ud800 at the rear", lowSurrogate: "\udfffStage" };

describe("API: text PostgreSQL cannot store", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let routes: Record<string, Handler>;
  let city: TestAgency;
  let fed: TestAgency;
  let cityToken: string;
  let fedToken: string;
  let operationId: string;
  let conflictId: string;
  let noticeId: string;

  beforeAll(async () => {
    process.env.DATABASE_URL = t().url;
    process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
    const post = async (path: string) => (await import(path)) as { POST?: Handler; PATCH?: Handler };
    routes = {
      file: (await post("@/app/api/v1/operations/route")).POST!,
      edit: (await post("@/app/api/v1/operations/[id]/route")).PATCH!,
      cancel: (await post("@/app/api/v1/operations/[id]/cancel/route")).POST!,
      resolve: (await post("@/app/api/v1/conflicts/[id]/resolve/route")).POST!,
      reply: (await post("@/app/api/v1/notices/[id]/replies/route")).POST!,
    };
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
    const first = await call("file", { body: operationInput({ area: circle(-87.7, 41.95, 300) }) });
    expect(first.status).toBe(201);
    operationId = first.body.operation.id;
    const second = await call("file", { token: fedToken, body: operationInput({ area: circle(-87.7, 41.95, 300) }) });
    expect(second.status).toBe(201);
    conflictId = (
      await db().conflict.findFirstOrThrow({ where: { OR: [{ opAId: operationId }, { opBId: operationId }] } })
    ).id;
    noticeId = (await db().notice.findFirstOrThrow({ where: { recipientAgencyId: city.id } })).id;
  });

  async function call(
    route: string,
    opts: { token?: string; body: unknown; params?: Record<string, string> },
  ): Promise<{ status: number; body: JsonBody }> {
    const req = new Request("http://localhost/api/v1/x", {
      method: route === "edit" ? "PATCH" : "POST",
      headers: {
        authorization: `Bearer ${opts.token ?? cityToken}`,
        "content-type": "application/json",
        "accept-language": "en",
      },
      // JSON.stringify writes a lone surrogate as the escape "\ud800", as a client would send it.
      body: JSON.stringify(opts.body),
    });
    const res = await routes[route](req, { params: Promise.resolve(opts.params ?? {}) });
    return { status: res.status, body: JSON.parse(await res.text()) };
  }

  const cases: {
    name: string;
    route: string;
    token?: () => string;
    params?: () => Record<string, string>;
    body: () => Record<string, unknown>;
    path: string;
  }[] = [
    { name: "filing: NUL in the title", route: "file", body: () => operationInput({ title: BAD.nul }), path: "title" },
    {
      name: "filing: lone surrogate in the notes",
      route: "file",
      body: () => operationInput({ notes: BAD.surrogate }),
      path: "notes",
    },
    {
      name: "filing: lone low surrogate in the comms plan",
      route: "file",
      body: () => operationInput({ commsPlan: BAD.lowSurrogate }),
      path: "commsPlan",
    },
    {
      name: "filing: NUL in an optional channel",
      route: "file",
      body: () => operationInput({ radioChannel: BAD.nul }),
      path: "radioChannel",
    },
    {
      name: "filing: lone surrogate in a notice field",
      route: "file",
      body: () => operationInput({ pioName: BAD.surrogate }),
      path: "pioName",
    },
    {
      name: "editing: NUL in the lead agency",
      route: "edit",
      params: () => ({ id: operationId }),
      body: () => ({ version: 1, leadAgencyName: BAD.nul }),
      path: "leadAgencyName",
    },
    {
      name: "cancelling: lone surrogate in the reason",
      route: "cancel",
      params: () => ({ id: operationId }),
      body: () => ({ reason: BAD.surrogate }),
      path: "reason",
    },
    {
      name: "resolving a conflict: NUL in the note",
      route: "resolve",
      params: () => ({ id: conflictId }),
      body: () => ({ outcome: "PROCEED_SEPARATELY", note: BAD.nul }),
      path: "note",
    },
    {
      name: "replying to a notice: lone surrogate in the body",
      route: "reply",
      params: () => ({ id: noticeId }),
      body: () => ({ kind: "TEXT", body: BAD.surrogate }),
      path: "body",
    },
  ];

  it.each(cases)("$name → 422 naming the field", async (c) => {
    const before = await Promise.all([
      db().operation.count(),
      db().noticeMessage.count(),
      db().conflict.count({ where: { status: "RESOLVED" } }),
    ]);
    const res = await call(c.route, { body: c.body(), params: c.params?.(), token: c.token?.() });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("VALIDATION");
    expect(res.body.error.issues).toContainEqual(
      expect.objectContaining({
        path: c.path,
        code: "errors.unstorableText",
        message: expect.stringContaining("cannot be stored"),
      }),
    );
    expect(
      await Promise.all([
        db().operation.count(),
        db().noticeMessage.count(),
        db().conflict.count({ where: { status: "RESOLVED" } }),
      ]),
    ).toEqual(before);
  });

  it("still takes accents and emoji", async () => {
    const res = await call("reply", {
      params: { id: noticeId },
      body: { kind: "TEXT", body: "Operación 🚓 en curso" },
    });
    expect(res.status).toBe(201);
  });
});
