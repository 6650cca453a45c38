// The public record against a real database seeded with the demo world: drafting and publishing
// (who may, for which agency, audited), every published version kept readable, and a crawl of
// everything the public surface serves — the data of every page, every report download and the
// Atom feed — finding no operational record, no local reference, no draft and no count of 1–4.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { anchorAuditChain } from "@/lib/audit/anchor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { fileOperation } from "@/lib/operations/file-operation";
import { listAgencyDocuments, publishVersion, saveDraft } from "@/lib/public-record/manage";
import {
  agencyPublicRecord,
  participatingAgencies,
  publicDocumentHistory,
  recentPublications,
} from "@/lib/public-record/public-read";
import { reportJsonSchema } from "@/lib/requests/report-schema";
import { draftSchema } from "@/lib/validation/public-record";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { filing, seededWorld, T0 } from "./notices-fixtures";

type Route = { GET: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> };
const NOW = new Date();
const LOCAL_REF = "BK-2026-0042117";
const SECRET_DRAFT = "Unpublished draft: detainer protocol under review";

describe("the public record", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;

  beforeAll(async () => {
    useTestSecrets(t().url);
    process.env.DATABASE_URL = t().url;
    w = await seededWorld(db());
    // A local reference on a few of DuPage's requests: it must never reach anything public.
    const some = await db().federalRequest.findMany({
      where: { agencyId: w.id("dupage-sheriff") },
      take: 3,
      select: { id: true },
    });
    await db().federalRequest.updateMany({
      where: { id: { in: some.map((s) => s.id) } },
      data: { localReference: LOCAL_REF },
    });
    // An operation near DuPage and its notices: operational records that must stay off the public surface.
    await fileOperation({ db: db(), actor: await w.as("liaison@ice-ero-chicago.demo"), input: filing(), now: T0 });
  });

  const draft = (o: Record<string, unknown> = {}) =>
    draftSchema.parse({
      kind: "POLICY",
      title: "Courthouse arrests",
      summary: "No immigration arrests at the courthouse.",
      body: "## Rule\n\nNone.",
      effectiveOn: "2026-12-01",
      ...o,
    });

  it("an admin drafts; a liaison, a supervisor and the admin cannot publish; the chief publishes", async () => {
    const admin = await w.as("admin@dupage-sheriff.demo");
    const saved = await saveDraft({ db: db(), actor: admin, input: draft({ title: SECRET_DRAFT }), now: NOW });
    expect(
      await publicDocumentHistory(db(), "dupage-sheriff", "unpublished-draft-detainer-protocol-under-review"),
    ).toBeNull();
    for (const who of [
      "liaison@dupage-sheriff.demo",
      "supervisor@dupage-sheriff.demo",
      "admin@dupage-sheriff.demo",
      "auditor@dupage-sheriff.demo",
    ]) {
      await expect(
        publishVersion({ db: db(), actor: await w.as(who), versionId: saved.versionId, now: NOW }),
        who,
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(
      saveDraft({ db: db(), actor: await w.as("liaison@dupage-sheriff.demo"), input: draft(), now: NOW }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const audits = await db().auditEvent.findMany({ where: { targetId: saved.versionId }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(["public-record.draft.create"]);
  });

  it("another agency's admin and chief cannot draft or publish for this agency", async () => {
    const dupage = await w.as("admin@dupage-sheriff.demo");
    const saved = await saveDraft({ db: db(), actor: dupage, input: draft({ title: "Cross-agency check" }), now: NOW });
    const kankakeeAdmin = await w.as("admin@kankakee-sheriff.demo");
    await expect(
      saveDraft({ db: db(), actor: kankakeeAdmin, input: draft({ documentId: saved.documentId }), now: NOW }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      publishVersion({
        db: db(),
        actor: await w.as("chief@kankakee-sheriff.demo"),
        versionId: saved.versionId,
        now: NOW,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await listAgencyDocuments({ db: db(), actor: kankakeeAdmin })).some((d) => d.id === saved.documentId)).toBe(
      false,
    );
    const row = await db().publicDocumentVersion.findUniqueOrThrow({ where: { id: saved.versionId } });
    expect(row.publishedAt).toBeNull();
    expect(row.title).toBe("Cross-agency check");
  });

  it("a new version is published by the chief and the old one stays readable, audited", async () => {
    const history = await publicDocumentHistory(db(), "kankakee-sheriff", "federal-immigration-requests");
    expect(history?.versions.map((v) => v.version)).toEqual([1]);
    const doc = (await listAgencyDocuments({ db: db(), actor: await w.as("admin@kankakee-sheriff.demo") })).find(
      (d) => d.slug === "federal-immigration-requests",
    )!;
    const saved = await saveDraft({
      db: db(),
      actor: await w.as("admin@kankakee-sheriff.demo"),
      input: draft({
        documentId: doc.id,
        title: history!.versions[0].title,
        summary: "Detainers honoured for no more than 24 hours.",
        body: history!.versions[0].body,
      }),
      now: NOW,
    });
    expect(saved.version).toBe(2);
    await publishVersion({
      db: db(),
      actor: await w.as("chief@kankakee-sheriff.demo"),
      versionId: saved.versionId,
      now: NOW,
    });
    const after = await publicDocumentHistory(db(), "kankakee-sheriff", "federal-immigration-requests");
    expect(after?.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(after?.versions[1].summary).toBe(history!.versions[0].summary);
    const audits = await db().auditEvent.findMany({
      where: { targetId: saved.versionId },
      orderBy: { seq: "asc" },
      select: { action: true, actorLabel: true },
    });
    expect(audits).toEqual([
      { action: "public-record.draft.create", actorLabel: "admin@kankakee-sheriff.demo" },
      { action: "public-record.publish", actorLabel: "chief@kankakee-sheriff.demo" },
    ]);
  });

  it("a chief's designee may publish; a liaison without the designation may not", async () => {
    const liaison = await w.as("liaison@iroquois-sheriff.demo");
    const saved = await saveDraft({
      db: db(),
      actor: await w.as("admin@iroquois-sheriff.demo"),
      input: draft({ title: "Federal requests" }),
      now: NOW,
    });
    await expect(
      publishVersion({ db: db(), actor: liaison, versionId: saved.versionId, now: NOW }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await db().requestCommandDesignation.create({
      data: { id: randomUUID(), agencyId: liaison.agencyId, userId: liaison.userId!, createdAt: NOW },
    });
    await publishVersion({ db: db(), actor: liaison, versionId: saved.versionId, now: NOW });
    expect((await publicDocumentHistory(db(), "iroquois-sheriff", "federal-requests"))?.versions).toHaveLength(1);
  });

  it("a crawl of every public page's data, download and the feed finds no operational record, local reference, draft or count of 1–4", async () => {
    const reportRoute = (await import("@/app/transparency/[slug]/reports/[file]/route")) as unknown as Route;
    const feedRoute = (await import("@/app/transparency/feed.xml/route")) as unknown as Route;
    const get = (route: Route, params: Record<string, string>) =>
      route.GET(new Request("http://localhost/transparency", { headers: { "x-cg-client-address": "203.0.113.50" } }), {
        params: Promise.resolve(params),
      });
    const served: string[] = [];
    const agencies = await participatingAgencies(db());
    expect(agencies.map((a) => a.slug).sort()).toEqual(["dupage-sheriff", "iroquois-sheriff", "kankakee-sheriff"]);
    expect(Object.fromEntries(agencies.map((a) => [a.slug, a.status]))).toEqual({
      "dupage-sheriff": "NONE",
      "iroquois-sheriff": "NONE",
      "kankakee-sheriff": "ACTIVE",
    });
    served.push(JSON.stringify(agencies));
    let downloads = 0;
    for (const a of agencies) {
      const record = (await agencyPublicRecord(db(), a.slug))!;
      served.push(JSON.stringify(record));
      for (const d of record.documents) served.push(JSON.stringify(await publicDocumentHistory(db(), a.slug, d.slug)));
      expect(record.reports.length).toBeGreaterThanOrEqual(3);
      for (const r of record.reports) {
        const json = await get(reportRoute, { slug: a.slug, file: `${r.period}.json` });
        expect(json.status).toBe(200);
        expect(json.headers.get("content-type")).toContain("application/json");
        const body = await json.json();
        expect(reportJsonSchema.safeParse(body).success).toBe(true);
        expect(body.publishedAt).not.toBeNull();
        expect(smallCounts(body.figures)).toEqual([]);
        const csv = await (await get(reportRoute, { slug: a.slug, file: `${r.period}.csv` })).text();
        const rows = csv.trim().split("\r\n");
        expect(rows[0]).toBe("figure,value");
        for (const row of rows.slice(1)) {
          const [figure, value, extra] = row.split(",");
          expect(extra, row).toBeUndefined();
          if (!figure.startsWith("period.") && !figure.startsWith("median") && !figure.includes(".median"))
            expect(/^[1-4]$/.test(value), row).toBe(false);
        }
        served.push(JSON.stringify(body), csv);
        downloads += 2;
      }
      // Neither a draft-only period nor an unknown one is served.
      expect((await get(reportRoute, { slug: a.slug, file: "2031-Q1.json" })).status).toBe(404);
      expect((await get(reportRoute, { slug: a.slug, file: "2026-Q5.csv" })).status).toBe(404);
    }
    expect(downloads).toBeGreaterThanOrEqual(18);
    // Iroquois has few requests: its quarters show the suppression at work.
    const iroquois = (await agencyPublicRecord(db(), "iroquois-sheriff"))!;
    expect(JSON.stringify(iroquois.reports)).toContain('"<5"');

    const feed = await get(feedRoute, {});
    expect(feed.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await feed.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      feed: { title: string; entry: { title: string; id: string; updated: string; link: { "@_href": string } }[] };
    };
    expect(parsed.feed.title).toContain("Public record");
    expect(parsed.feed.entry.length).toBeGreaterThan(10);
    for (const e of parsed.feed.entry) expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
    expect(
      parsed.feed.entry.some((e) =>
        e.link["@_href"].includes("/transparency/kankakee-sheriff/documents/287g-agreement"),
      ),
    ).toBe(true);
    served.push(xml, JSON.stringify(await recentPublications(db())));
    // The statewide roll-up's CSV and the signed audit heads: figures, hashes and signatures only.
    const statewideRoute = (await import("@/app/transparency/statewide.csv/route")) as unknown as Route;
    const statewide = await get(statewideRoute, {});
    expect(statewide.status).toBe(200);
    const rollup = await statewide.text();
    expect(rollup.split("\r\n")[0]).toBe(
      "year,quarter,agencySlug,agency,requests,complied,declined,detainersWithoutJudicialWarrant,departures",
    );
    expect(rollup).toContain(",kankakee-sheriff,");
    await anchorAuditChain(db(), { now: NOW });
    const anchorsRoute = (await import("@/app/transparency/audit-anchors.jsonl/route")) as unknown as Route;
    const anchors = await (await get(anchorsRoute, {})).text();
    expect(anchors.trim().split("\n").length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(JSON.parse(anchors.trim().split("\n")[0])).sort()).toEqual([
      "eventAt",
      "hash",
      "keyId",
      "seq",
      "signature",
      "signedAt",
    ]);
    served.push(rollup, anchors);

    const everything = served.join("\n");
    const [requests, operations, notices] = await Promise.all([
      db().federalRequest.findMany({ select: { ref: true, id: true } }),
      db().operation.findMany({ select: { ref: true, id: true } }),
      db().notice.findMany({ select: { ref: true, id: true } }),
    ]);
    expect(requests.length).toBeGreaterThan(100);
    expect(operations.length).toBeGreaterThan(0);
    expect(notices.length).toBeGreaterThan(0);
    for (const r of [...requests, ...operations, ...notices]) {
      expect(everything.includes(r.ref), r.ref).toBe(false);
      expect(everything.includes(r.id), r.id).toBe(false);
    }
    expect(everything).not.toContain(LOCAL_REF);
    expect(everything).not.toContain(SECRET_DRAFT);
    expect(everything).not.toMatch(/"agencyId"|localReference|departureJustification|decisionReason/);
  });

  it("the documented schema matches the served JSON and the docs name the public downloads", () => {
    const doc = readFileSync(join(import.meta.dirname, "..", "..", "docs", "federal-request-reports.md"), "utf8");
    expect(doc).toContain("/transparency/<agency-slug>/reports/<YYYY>-Q<N>.json");
    expect(doc).toContain("/transparency/feed.xml");
  });
});

/** Paths of numeric counts from 1 to 4 (medians are not counts). */
function smallCounts(v: unknown, path = ""): string[] {
  if (typeof v === "number") return !/median/i.test(path) && v >= 1 && v <= 4 ? [path] : [];
  if (v && typeof v === "object")
    return Object.entries(v).flatMap(([k, x]) => smallCounts(x, path ? `${path}.${k}` : k));
  return [];
}
