// A quarter's report built from a known log: every figure checked, small counts published as
// "<5", the report frozen when published, later edits counted as corrections in the next one,
// and the JSON and CSV exports matching their documented schema.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { createApiToken } from "@/lib/api-tokens/manage-tokens";
import { ForbiddenError } from "@/lib/errors";
import { editRequest } from "@/lib/requests/edit-request";
import { getReport, publishReport, reportCsv, reportJson } from "@/lib/requests/reports";
import { reportJsonSchema } from "@/lib/requests/report-schema";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { seededWorld } from "./notices-fixtures";

const Q1 = { kind: "QUARTER" as const, year: 2027, quarter: 1 };
const Q2 = { kind: "QUARTER" as const, year: 2027, quarter: 2 };
const min = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

describe("federal request reports", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  let cook: string;
  let edited: string;

  function row(
    kind: string,
    at: string,
    o: Partial<Prisma.FederalRequestCreateManyInput> & { after?: number } = {},
  ): Prisma.FederalRequestCreateManyInput {
    const receivedAt = new Date(at);
    const { after, ...rest } = o;
    return {
      id: randomUUID(),
      ref: `R-${randomUUID().slice(0, 11)}`,
      agencyId: cook,
      requesterAgencyId: w.id("ice-ero-chicago"),
      kind: kind as never,
      channel: "PORTAL",
      receivedAt,
      basisDocument: "NONE",
      basisSignedByJudge: false,
      offenceCategory: "CIVIL_IMMIGRATION_ONLY",
      createdByLabel: "test",
      createdAt: receivedAt,
      updatedAt: receivedAt,
      ...(after !== undefined ? { decidedAt: min(receivedAt, after), updatedAt: min(receivedAt, after) } : {}),
      ...rest,
    };
  }
  function notice(
    from: string,
    at: string,
    lead: number,
    o: { late?: boolean; exigent?: boolean } = {},
  ): Prisma.NoticeCreateManyInput {
    return {
      id: randomUUID(),
      ref: `N-${randomUUID().slice(0, 11)}`,
      threadId: randomUUID(),
      kind: "ADVANCE",
      operationId: randomUUID(),
      senderAgencyId: w.id(from),
      recipientAgencyId: cook,
      reasons: ["HOST"],
      sentAt: new Date(at),
      operationVersion: 1,
      startsAt: min(new Date(at), lead),
      endsAt: min(new Date(at), lead + 60),
      content: {},
      leadMinutes: lead,
      requiredLeadHours: 24,
      late: o.late ?? false,
      exigent: o.exigent ?? false,
    };
  }

  beforeAll(async () => {
    useTestSecrets(t().url);
    process.env.DATABASE_URL = t().url;
    w = await seededWorld(db());
    cook = w.id("cook-sheriff");
    const rows = [
      ...Array.from({ length: 6 }, (_, i) =>
        row("DETAINER", `2027-01-${10 + i}T15:00:00Z`, {
          basisDocument: "I247A_DETAINER",
          decision: "DECLINED",
          after: 60,
        }),
      ),
      row("DETAINER", "2027-02-01T15:00:00Z", {
        basisDocument: "JUDICIAL_ARREST_WARRANT",
        decision: "COMPLIED",
        after: 120,
      }),
      ...Array.from({ length: 2 }, (_, i) =>
        row("CUSTODY_TRANSFER", `2027-02-${10 + i}T15:00:00Z`, {
          basisDocument: "I205_ADMINISTRATIVE_WARRANT",
          decision: "DECLINED",
          after: 30,
        }),
      ),
      row("CUSTODIAL_INTERVIEW", "2027-03-01T15:00:00Z", { decision: "COMPLIED", counselNotified: true, after: 240 }),
      row("CUSTODIAL_INTERVIEW", "2027-03-02T15:00:00Z", { decision: "COMPLIED", counselNotified: true, after: 240 }),
      row("CUSTODIAL_INTERVIEW", "2027-03-03T15:00:00Z", {
        decision: "COMPLIED",
        counselNotified: false,
        departure: true,
        departureJustification: "Exception on record.",
        after: 240,
      }),
      row("RELEASE_NOTIFICATION", "2027-03-20T15:00:00Z"),
      // 23:00 on 31 March in Chicago: still the first quarter there.
      row("RELEASE_NOTIFICATION", "2027-04-01T04:00:00Z"),
      // Just before the quarter in Chicago, and just after it: neither counts.
      row("DETAINER", "2027-01-01T05:30:00Z", { decision: "DECLINED", after: 10 }),
      row("DETAINER", "2027-04-01T05:30:00Z", { decision: "DECLINED", after: 10 }),
    ];
    edited = rows[0].id!;
    await db().federalRequest.createMany({ data: rows });
    await db().notice.createMany({
      data: [
        notice("ice-ero-chicago", "2027-01-20T12:00:00Z", 100),
        notice("ice-ero-chicago", "2027-01-21T12:00:00Z", 200),
        notice("ice-ero-chicago", "2027-01-22T12:00:00Z", 300),
        notice("ice-ero-chicago", "2027-01-23T12:00:00Z", -30, { late: true, exigent: true }),
        notice("chicago-pd", "2027-02-20T12:00:00Z", 60),
        notice("chicago-pd", "2027-02-21T12:00:00Z", 90),
        notice("chicago-pd", "2027-04-20T12:00:00Z", 90),
      ],
    });
  });

  it("builds the quarter from the log: every figure", async () => {
    const r = await getReport({ db: db(), actor: await w.as("auditor@cook-sheriff.demo"), period: Q1 });
    expect([r.start.toISOString(), r.end.toISOString(), r.publishedAt]).toEqual([
      "2027-01-01T06:00:00.000Z",
      "2027-04-01T05:00:00.000Z",
      null,
    ]);
    expect(r.figures).toEqual({
      requests: 14,
      byKindAndDecision: {
        DETAINER: { DECLINED: 6, COMPLIED: 1 },
        CUSTODY_TRANSFER: { DECLINED: 2 },
        CUSTODIAL_INTERVIEW: { COMPLIED: 3 },
        RELEASE_NOTIFICATION: { PENDING: 2 },
      },
      detainers: { withJudicialWarrant: 1, withoutJudicialWarrant: 6 },
      transfers: { withJudicialWarrant: 0, withoutJudicialWarrant: 2 },
      interviews: { total: 3, counselNotified: 2 },
      departures: 1,
      // 30, 30, 60×6, 120, 240×3: the middle two are both 60.
      medianMinutesToDecision: 60,
      notices: { received: 6, late: 1, exigent: 1, medianLeadMinutesByLevel: { FEDERAL: 150, LOCAL: 75 } },
      conflicts: { found: 0, byOutcome: {} },
      corrections: 0,
    });
  });

  it('publishes with every count of 1–4 as "<5"', async () => {
    const j = reportJson(await getReport({ db: db(), actor: await w.as("chief@cook-sheriff.demo"), period: Q1 }));
    expect(j.figures).toEqual({
      requests: 14,
      byKindAndDecision: {
        DETAINER: { DECLINED: 6, COMPLIED: "<5" },
        CUSTODY_TRANSFER: { DECLINED: "<5" },
        CUSTODIAL_INTERVIEW: { COMPLIED: "<5" },
        RELEASE_NOTIFICATION: { PENDING: "<5" },
      },
      detainers: { withJudicialWarrant: "<5", withoutJudicialWarrant: 6 },
      transfers: { withJudicialWarrant: 0, withoutJudicialWarrant: "<5" },
      interviews: { total: "<5", counselNotified: "<5" },
      departures: "<5",
      medianMinutesToDecision: 60,
      notices: { received: 6, late: "<5", exigent: "<5", medianLeadMinutesByLevel: { FEDERAL: 150, LOCAL: 75 } },
      conflicts: { found: 0, byOutcome: {} },
      corrections: 0,
    });
  });

  it("is frozen once published; later edits appear in the next report as corrections", async () => {
    const chief = await w.as("chief@cook-sheriff.demo");
    await expect(
      publishReport({
        db: db(),
        actor: await w.as("auditor@cook-sheriff.demo"),
        period: Q1,
        now: new Date("2027-04-10T12:00:00Z"),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const published = await publishReport({
      db: db(),
      actor: chief,
      period: Q1,
      now: new Date("2027-04-10T12:00:00Z"),
    });
    await expect(
      publishReport({ db: db(), actor: chief, period: Q1, now: new Date("2027-04-11T12:00:00Z") }),
    ).rejects.toThrow();
    // After publication: one Q1 request is corrected, another Q1 request is logged late.
    await editRequest({
      db: db(),
      actor: await w.as("liaison@cook-sheriff.demo"),
      requestId: edited,
      input: { offenceCategory: "OTHER_FELONY" },
      now: new Date("2027-04-15T12:00:00Z"),
    });
    await db().federalRequest.createMany({
      data: [
        row("DETAINER", "2027-03-30T15:00:00Z", {
          createdAt: new Date("2027-04-16T12:00:00Z"),
          updatedAt: new Date("2027-04-16T12:00:00Z"),
        }),
      ],
    });

    const again = await getReport({ db: db(), actor: await w.as("auditor@cook-sheriff.demo"), period: Q1 });
    expect(again.publishedAt?.toISOString()).toBe("2027-04-10T12:00:00.000Z");
    expect(again.figures).toEqual(published.figures);
    expect(again.figures.requests).toBe(14);

    const next = await getReport({ db: db(), actor: await w.as("auditor@cook-sheriff.demo"), period: Q2 });
    expect(next.figures.corrections).toBe(2);
    expect(reportJson(next).figures.corrections).toBe("<5");
    expect(next.figures.requests).toBe(1); // the one received just after the quarter turned in Chicago
    expect(await db().auditEvent.count({ where: { action: "request.report.publish", agencyId: cook } })).toBe(1);
  });

  it("another agency's report holds none of this agency's requests; a liaison cannot read reports", async () => {
    expect(
      (await getReport({ db: db(), actor: await w.as("auditor@will-sheriff.demo"), period: Q1 })).figures.requests,
    ).toBe(0);
    await expect(
      getReport({ db: db(), actor: await w.as("liaison@cook-sheriff.demo"), period: Q1 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the JSON and CSV exports match their documented schema", async () => {
    const r = await getReport({ db: db(), actor: await w.as("auditor@cook-sheriff.demo"), period: Q1 });
    const j = reportJson(r);
    expect(reportJsonSchema.safeParse(j).success).toBe(true);
    const documented = JSON.parse(
      readFileSync(join(import.meta.dirname, "..", "..", "docs", "federal-request-report.schema.json"), "utf8"),
    ) as unknown;
    expect(documented).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(reportJsonSchema))));
    const csv = reportCsv(r).split("\r\n").filter(Boolean);
    expect(csv[0]).toBe("figure,value");
    const values = Object.fromEntries(csv.slice(1).map((l) => l.split(",") as [string, string]));
    expect(values["byKindAndDecision.DETAINER.COMPLIED"]).toBe("<5");
    expect(values["detainers.withoutJudicialWarrant"]).toBe("6");
    expect(values["period.quarter"]).toBe("1");
    expect(values.publishedAt).toBe("2027-04-10T12:00:00.000Z");
    // Every CSV figure is a path the documented schema defines.
    const top = Object.keys(
      (documented as { properties: { figures: { properties: Record<string, unknown> } } }).properties.figures
        .properties,
    );
    for (const key of Object.keys(values))
      if (!key.startsWith("period.") && key !== "publishedAt") expect(top).toContain(key.split(".")[0]);
  });

  it("/api/v1/reports returns the token's own agency's report in the documented format", async () => {
    const route = (await import("@/app/api/v1/reports/route")) as unknown as {
      GET: (req: Request) => Promise<Response>;
    };
    const get = async (slug: string, query: string) => {
      const { token } = await createApiToken({
        db: db(),
        actor: await w.as(`admin@${slug}.demo`),
        input: { name: "Reports", scopes: ["read"] },
        now: new Date(),
      });
      const res = await route.GET(
        new Request(`http://localhost/api/v1/reports${query}`, { headers: { authorization: `Bearer ${token}` } }),
      );
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const own = await get("cook-sheriff", "?year=2027&quarter=1");
    expect(own.status).toBe(200);
    expect(reportJsonSchema.safeParse(own.body).success).toBe(true);
    expect((own.body.figures as { requests: number }).requests).toBe(14);
    expect(((await get("will-sheriff", "?year=2027&quarter=1")).body.figures as { requests: number }).requests).toBe(0);
    expect((await get("cook-sheriff", "?year=1&quarter=9")).status).toBe(422);
  });
});
