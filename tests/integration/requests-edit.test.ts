// Correcting a logged request through PATCH /api/v1/requests/:id (the request page's form calls
// the same domain function): before a decision the legal basis and due time change, and the rules
// that apply follow; after it the decision stands and only the log is corrected; each edit is
// audited with before and after of the changed fields (never the local reference's value); another
// agency, the federal requester and a read-only token are refused; and an edit to a request whose
// period's report is already published is counted as a correction in the next report.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/manage-tokens";
import { decideRequest } from "@/lib/requests/decide-request";
import { editRequest } from "@/lib/requests/edit-request";
import { adoptPreset } from "@/lib/requests/manage-rules";
import { getReport, publishReport } from "@/lib/requests/reports";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { seededWorld } from "./notices-fixtures";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = Record<string, any>;
type Handler = (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;

const LOCAL_REF = "BK-2026-EDIT-0042";

describe("correcting the request log", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  let routes: Record<string, Record<string, Handler>>;
  let cook: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    useTestSecrets(t().url);
    process.env.DATABASE_URL = t().url;
    w = await seededWorld(db());
    cook = w.id("cook-sheriff");
    await adoptPreset({
      db: db(),
      actor: await w.as("admin@cook-sheriff.demo"),
      presetKey: "ilTrustAct",
      now: new Date(),
    });
    routes = {
      list: await import("@/app/api/v1/requests/route"),
      one: await import("@/app/api/v1/requests/[id]/route"),
    } as unknown as Record<string, Record<string, Handler>>;
    for (const slug of ["ice-ero-chicago", "cook-sheriff", "will-sheriff"]) {
      tokens[slug] = (
        await createApiToken({
          db: db(),
          actor: await w.as(`admin@${slug}.demo`),
          input: { name: "CAD link", scopes: ["read", "file"] },
          now: new Date(),
        })
      ).token;
    }
    tokens["cook-read-only"] = (
      await createApiToken({
        db: db(),
        actor: await w.as("admin@cook-sheriff.demo"),
        input: { name: "Dashboard", scopes: ["read"] },
        now: new Date(),
      })
    ).token;
  });

  async function call(route: string, method: string, token: string, opts: { id?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = { authorization: `Bearer ${tokens[token]}`, "accept-language": "en" };
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    const req = new Request(`http://localhost/api/v1/requests${opts.id ? `/${opts.id}` : ""}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const res = await routes[route][method](req, {
      params: Promise.resolve((opts.id ? { id: opts.id } : {}) as Record<string, string>),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as JsonBody, text };
  }

  async function logged(extra: Record<string, unknown> = {}) {
    const res = await call("list", "POST", "cook-sheriff", {
      body: {
        kind: "CUSTODY_TRANSFER",
        channel: "FAX",
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        basisDocument: "I205_ADMINISTRATIVE_WARRANT",
        basisSignedByJudge: false,
        offenceCategory: "CIVIL_IMMIGRATION_ONLY",
        requesterName: "ICE ERO Chicago",
        localReference: LOCAL_REF,
        ...extra,
      },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  it("before a decision: the document presented is corrected, and the rules that apply follow; audited before and after", async () => {
    const id = await logged();
    const before = await call("one", "GET", "cook-sheriff", { id });
    expect(before.body.rules.map((r: { directive: string }) => r.directive)).toEqual(["DECLINE"]);

    const res = await call("one", "PATCH", "cook-sheriff", {
      id,
      body: {
        basisDocument: "JUDICIAL_ARREST_WARRANT",
        basisSignedByJudge: true,
        basisCourt: "U.S. District Court, N.D. Ill.",
        localReference: "BK-2026-EDIT-0043",
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.changed.sort()).toEqual(["basisCourt", "basisDocument", "basisSignedByJudge", "localReference"]);
    expect(res.body.request.basisDocument).toBe("JUDICIAL_ARREST_WARRANT");
    expect(res.text).not.toContain("BK-2026-EDIT"); // the API never carries the local reference
    expect((await call("one", "GET", "cook-sheriff", { id })).body.rules).toEqual([]);

    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "request.edit", targetId: id, outcome: "SUCCESS" },
    });
    expect(event.agencyId).toBe(cook);
    expect((event.details as { changes: unknown }).changes).toEqual({
      basisDocument: { from: "I205_ADMINISTRATIVE_WARRANT", to: "JUDICIAL_ARREST_WARRANT" },
      basisSignedByJudge: { from: false, to: true },
      basisCourt: { from: null, to: "U.S. District Court, N.D. Ill." },
      localReference: { changed: true },
    });
    expect(JSON.stringify(event.details)).not.toContain("BK-2026-EDIT");

    // Sending what is already there changes nothing and records nothing.
    const same = await call("one", "PATCH", "cook-sheriff", { id, body: { basisDocument: "JUDICIAL_ARREST_WARRANT" } });
    expect(same.body.changed).toEqual([]);
    expect(await db().auditEvent.count({ where: { action: "request.edit", targetId: id } })).toBe(1);
  });

  it("after a decision: the decision stands, the log is still corrected, and the decision's record is not editable", async () => {
    const id = await logged({ kind: "CUSTODIAL_INTERVIEW", basisDocument: "NONE" });
    await decideRequest({
      db: db(),
      actor: await w.as("chief@cook-sheriff.demo"),
      requestId: id,
      input: {
        decision: "DECLINED",
        basis: "5 ILCS 805/15(f)",
        reason: "Counsel not reached.",
        counselNotified: false,
      },
      now: new Date(),
    });

    const refused = await call("one", "PATCH", "cook-sheriff", {
      id,
      body: {
        counselNotified: true,
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        offenceCategory: "MISDEMEANOR",
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["counselNotified", "dueAt"]);
    expect(refused.body.error.issues.find((i: { path: string }) => i.path === "dueAt").message).toMatch(/decided/);
    expect((await db().federalRequest.findUniqueOrThrow({ where: { id } })).offenceCategory).toBe(
      "CIVIL_IMMIGRATION_ONLY",
    ); // nothing half-applied

    const fixed = await call("one", "PATCH", "cook-sheriff", {
      id,
      body: { offenceCategory: "MISDEMEANOR", requesterName: "ICE ERO St. Paul (Peoria sub-office)" },
    });
    expect(fixed.status).toBe(200);
    const row = await db().federalRequest.findUniqueOrThrow({ where: { id } });
    expect([row.decision, row.counselNotified, row.offenceCategory, row.requesterName]).toEqual([
      "DECLINED",
      false,
      "MISDEMEANOR",
      "ICE ERO St. Paul (Peoria sub-office)",
    ]);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "request.edit", targetId: id, outcome: "SUCCESS" },
    });
    expect(event.details).toMatchObject({
      decided: true,
      changes: {
        offenceCategory: { from: "CIVIL_IMMIGRATION_ONLY", to: "MISDEMEANOR" },
        requesterName: { from: "ICE ERO Chicago", to: "ICE ERO St. Paul (Peoria sub-office)" },
      },
    });
  });

  it("a portal submission's sender and receipt time are the system's; bad input is a 422 naming the fields", async () => {
    const sent = await call("list", "POST", "ice-ero-chicago", {
      body: {
        agencyId: cook,
        kind: "DETAINER",
        basisDocument: "I247A_DETAINER",
        basisSignedByJudge: false,
        offenceCategory: "CIVIL_IMMIGRATION_ONLY",
      },
    });
    const id = sent.body.id as string;
    const res = await call("one", "PATCH", "cook-sheriff", {
      id,
      body: { receivedAt: "2026-01-01T00:00:00Z", requesterName: "Someone else" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["receivedAt", "requesterName"]);
    const bad = await call("one", "PATCH", "cook-sheriff", {
      id,
      body: { offenceCategory: "SERIOUS", decision: "COMPLIED", kind: "OTHER" },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(
      expect.arrayContaining(["offenceCategory"]),
    );
    expect(bad.text).toMatch(/decision/);
    expect(bad.text).toMatch(/kind/);
  });

  it("another agency, the federal office that sent it and a read-only token cannot edit it", async () => {
    const id = await logged();
    const body = { offenceCategory: "VIOLENT_FELONY" };
    expect((await call("one", "PATCH", "will-sheriff", { id, body })).status).toBe(404);
    expect((await call("one", "PATCH", "cook-read-only", { id, body })).status).toBe(403);
    const portal = await call("list", "POST", "ice-ero-chicago", {
      body: {
        agencyId: cook,
        kind: "DETAINER",
        basisDocument: "I247A_DETAINER",
        basisSignedByJudge: false,
        offenceCategory: "CIVIL_IMMIGRATION_ONLY",
      },
    });
    expect((await call("one", "PATCH", "ice-ero-chicago", { id: portal.body.id, body })).status).toBe(404);
    expect((await call("one", "PATCH", "cook-sheriff", { id: randomUUID(), body })).status).toBe(404);
    for (const rid of [id, portal.body.id])
      expect((await db().federalRequest.findUniqueOrThrow({ where: { id: rid } })).offenceCategory).toBe(
        "CIVIL_IMMIGRATION_ONLY",
      );
    expect(await db().auditEvent.count({ where: { action: "request.edit", targetId: id, outcome: "DENIED" } })).toBe(1);
    // An auditor and an admin read the log but do not edit it.
    for (const email of ["auditor@cook-sheriff.demo", "admin@cook-sheriff.demo"]) {
      await expect(
        editRequest({ db: db(), actor: await w.as(email), requestId: id, input: body, now: new Date() }),
        email,
      ).rejects.toThrow();
    }
  });

  it("an edit after the period's report was published appears as a correction in the next report", async () => {
    const chief = await w.as("chief@cook-sheriff.demo");
    // A request received in the second quarter of 2026, decided then; the quarter's report published.
    const id = await logged({ receivedAt: "2026-05-12T15:00:00Z" });
    await decideRequest({
      db: db(),
      actor: chief,
      requestId: id,
      input: {
        decision: "REFERRED_TO_COUNSEL",
        basis: "County counsel review",
        reason: "Administrative warrant only.",
      },
      now: new Date("2026-05-12T18:00:00Z"),
    });
    await db().federalRequest.update({ where: { id }, data: { updatedAt: new Date("2026-05-12T18:00:00Z") } });
    const published = await publishReport({
      db: db(),
      actor: chief,
      period: { kind: "QUARTER", year: 2026, quarter: 2 },
      now: new Date(Date.now() - 60_000),
    });
    const q3 = { kind: "QUARTER" as const, year: 2026, quarter: 3 };
    expect((await getReport({ db: db(), actor: chief, period: q3 })).figures.corrections).toBe(0);

    // Nothing changed is no correction; a real change is.
    expect(
      (await call("one", "PATCH", "cook-sheriff", { id, body: { offenceCategory: "CIVIL_IMMIGRATION_ONLY" } })).body
        .changed,
    ).toEqual([]);
    expect((await getReport({ db: db(), actor: chief, period: q3 })).figures.corrections).toBe(0);
    expect(
      (await call("one", "PATCH", "cook-sheriff", { id, body: { basisDocument: "I200_ADMINISTRATIVE_WARRANT" } }))
        .status,
    ).toBe(200);
    expect((await getReport({ db: db(), actor: chief, period: q3 })).figures.corrections).toBe(1);
    // The published quarter itself stays as published.
    expect(
      (await getReport({ db: db(), actor: chief, period: { kind: "QUARTER", year: 2026, quarter: 2 } })).figures,
    ).toEqual(published.figures);
  });
});
