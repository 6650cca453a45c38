// What anyone may read without signing in: published versions of the public record and the
// frozen, published request reports. Nothing else is selected here — no request, notice,
// operation or conflict record, no draft — and every count of 1–4 leaves as "<5".
import type { Db } from "../db/client";
import type { Agreement287gStatus } from "../db/generated/enums";
import { publishable, type ReportFigures } from "../requests/report-figures";
import { reportCsv, reportJson, type Period, type Report } from "../requests/reports";

export type PublicVersion = {
  version: number;
  title: string;
  summary: string;
  body: string;
  translations: Record<string, { title?: string; summary?: string; body?: string }>;
  effectiveOn: string | null;
  nextReviewOn: string | null;
  agreementModel: string | null;
  agreementStatus: Agreement287gStatus | null;
  signedOn: string | null;
  renewalOn: string | null;
  designatedOfficers: number | null;
  publishedAt: string;
};
export type PublicDocumentSummary = { slug: string; kind: string; current: PublicVersion; versions: number };
export type PublicReportSummary = {
  period: string;
  kind: "QUARTER" | "YEAR";
  year: number;
  quarter: number | null;
  publishedAt: string;
  figures: ReturnType<typeof publishable>;
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const VERSION_SELECT = {
  version: true,
  title: true,
  summary: true,
  body: true,
  translations: true,
  effectiveOn: true,
  nextReviewOn: true,
  agreementModel: true,
  agreementStatus: true,
  signedOn: true,
  renewalOn: true,
  designatedOfficers: true,
  publishedAt: true,
} as const;
type VersionRow = {
  version: number;
  title: string;
  summary: string;
  body: string;
  translations: unknown;
  effectiveOn: Date | null;
  nextReviewOn: Date | null;
  agreementModel: string | null;
  agreementStatus: Agreement287gStatus | null;
  signedOn: Date | null;
  renewalOn: Date | null;
  designatedOfficers: number | null;
  publishedAt: Date | null;
};

function toPublic(v: VersionRow): PublicVersion {
  return {
    ...v,
    translations: (v.translations ?? {}) as PublicVersion["translations"],
    effectiveOn: day(v.effectiveOn),
    nextReviewOn: day(v.nextReviewOn),
    signedOn: day(v.signedOn),
    renewalOn: day(v.renewalOn),
    publishedAt: v.publishedAt!.toISOString(),
  };
}

export function periodLabel(p: { year: number; quarter: number | null }): string {
  return p.quarter ? `${p.year}-Q${p.quarter}` : String(p.year);
}
export function parsePeriodLabel(label: string): Period | null {
  const m = /^(20\d\d)(?:-Q([1-4]))?$/.exec(label);
  if (!m) return null;
  return m[2]
    ? { kind: "QUARTER", year: Number(m[1]), quarter: Number(m[2]) }
    : { kind: "YEAR", year: Number(m[1]), quarter: null };
}

const published = { publishedAt: { not: null } } as const;

/** Agencies with anything published, with what the map colours them by. */
export async function participatingAgencies(db: Db) {
  const [docs, reports] = await Promise.all([
    db.publicDocumentVersion.findMany({ where: published, distinct: ["agencyId"], select: { agencyId: true } }),
    db.requestReport.findMany({ where: published, distinct: ["agencyId"], select: { agencyId: true } }),
  ]);
  const ids = [...new Set([...docs, ...reports].map((r) => r.agencyId))];
  const agencies = await db.agency.findMany({
    where: { id: { in: ids }, active: true },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, shortName: true, boundary: true },
  });
  const latest = await db.publicDocumentVersion.findMany({
    where: { agencyId: { in: ids }, ...published, document: { kind: { in: ["AGREEMENT_287G", "POLICY"] } } },
    orderBy: { version: "desc" },
    select: {
      agencyId: true,
      documentId: true,
      agreementStatus: true,
      nextReviewOn: true,
      document: { select: { kind: true } },
    },
  });
  return agencies.map((a) => {
    const own = latest.filter((v) => v.agencyId === a.id);
    const agreement = own.find((v) => v.document.kind === "AGREEMENT_287G");
    return {
      slug: a.slug,
      name: a.name,
      shortName: a.shortName,
      boundary: a.boundary,
      status: (agreement?.agreementStatus ?? "NONE") as Agreement287gStatus,
      hasPolicy: own.some((v) => v.document.kind === "POLICY"),
    };
  });
}

async function publishedDocuments(db: Db, agencyId: string): Promise<PublicDocumentSummary[]> {
  const docs = await db.publicDocument.findMany({
    where: { agencyId, versions: { some: published } },
    orderBy: { createdAt: "asc" },
    select: {
      slug: true,
      kind: true,
      versions: { where: published, orderBy: { version: "desc" }, select: VERSION_SELECT },
    },
  });
  return docs.map((d) => ({
    slug: d.slug,
    kind: d.kind,
    current: toPublic(d.versions[0]),
    versions: d.versions.length,
  }));
}

async function publishedReports(db: Db, agencyId: string): Promise<PublicReportSummary[]> {
  const rows = await db.requestReport.findMany({
    where: { agencyId, ...published },
    orderBy: [{ year: "asc" }, { quarter: "asc" }],
    select: { periodKind: true, year: true, quarter: true, publishedAt: true, figures: true },
  });
  return rows.map((r) => ({
    period: periodLabel(r),
    kind: r.periodKind as "QUARTER" | "YEAR",
    year: r.year,
    quarter: r.quarter,
    publishedAt: r.publishedAt!.toISOString(),
    figures: publishable(r.figures as unknown as ReportFigures),
  }));
}

/** An agency's public page: its statement, policies, agreement and reports; null when it has published nothing. */
export async function agencyPublicRecord(db: Db, slug: string) {
  const agency = await db.agency.findFirst({
    where: { slug, active: true },
    select: { id: true, slug: true, name: true, shortName: true, boundary: true, timeZone: true },
  });
  if (!agency) return null;
  const [documents, reports] = await Promise.all([publishedDocuments(db, agency.id), publishedReports(db, agency.id)]);
  if (documents.length === 0 && reports.length === 0) return null;
  return {
    agency: {
      slug: agency.slug,
      name: agency.name,
      shortName: agency.shortName,
      boundary: agency.boundary,
      timeZone: agency.timeZone,
    },
    documents,
    reports,
  };
}

/** One document with every published version, newest first. */
export async function publicDocumentHistory(db: Db, agencySlug: string, documentSlug: string) {
  const agency = await db.agency.findFirst({ where: { slug: agencySlug, active: true }, select: { id: true } });
  if (!agency) return null;
  const doc = await db.publicDocument.findFirst({
    where: { agencyId: agency.id, slug: documentSlug, versions: { some: published } },
    select: {
      slug: true,
      kind: true,
      versions: { where: published, orderBy: { version: "desc" }, select: VERSION_SELECT },
    },
  });
  if (!doc) return null;
  return { slug: doc.slug, kind: doc.kind, versions: doc.versions.map(toPublic) };
}

/** A frozen, published report as the public downloads it; null for a draft or none. */
export async function publishedReportExport(
  db: Db,
  agencySlug: string,
  period: Period,
): Promise<{ json: ReturnType<typeof reportJson>; csv: string } | null> {
  const agency = await db.agency.findFirst({
    where: { slug: agencySlug, active: true },
    select: { id: true, name: true },
  });
  if (!agency) return null;
  const row = await db.requestReport.findFirst({
    where: { agencyId: agency.id, periodKind: period.kind, year: period.year, quarter: period.quarter, ...published },
  });
  if (!row) return null;
  const r: Report = {
    schema: "",
    agencyId: agency.id,
    agencyName: agency.name,
    period,
    start: row.periodStart,
    end: row.periodEnd,
    publishedAt: row.publishedAt,
    figures: row.figures as unknown as ReportFigures,
  };
  return { json: reportJson(r), csv: reportCsv(r) };
}

/** The newest publications across agencies, for the Atom feed. */
export async function recentPublications(db: Db, limit = 50) {
  const [versions, reports] = await Promise.all([
    db.publicDocumentVersion.findMany({
      where: published,
      orderBy: { publishedAt: "desc" },
      take: limit,
      select: {
        version: true,
        title: true,
        summary: true,
        publishedAt: true,
        document: { select: { slug: true, kind: true } },
        agencyId: true,
      },
    }),
    db.requestReport.findMany({
      where: published,
      orderBy: { publishedAt: "desc" },
      take: limit,
      select: { year: true, quarter: true, publishedAt: true, agencyId: true },
    }),
  ]);
  const agencies = new Map(
    (
      await db.agency.findMany({
        where: { id: { in: [...new Set([...versions, ...reports].map((v) => v.agencyId))] } },
        select: { id: true, slug: true, name: true },
      })
    ).map((a) => [a.id, a]),
  );
  const entries = [
    ...versions.map((v) => ({
      type: "document" as const,
      agency: agencies.get(v.agencyId)!,
      title: v.title,
      summary: v.summary,
      version: v.version,
      slug: v.document.slug,
      kind: v.document.kind,
      period: null,
      publishedAt: v.publishedAt!.toISOString(),
    })),
    ...reports.map((r) => ({
      type: "report" as const,
      agency: agencies.get(r.agencyId)!,
      title: null,
      summary: null,
      version: null,
      slug: null,
      kind: null,
      period: periodLabel(r),
      publishedAt: r.publishedAt!.toISOString(),
    })),
  ];
  return entries
    .filter((e) => e.agency)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, limit)
    .map((e) => ({ ...e, agency: { slug: e.agency.slug, name: e.agency.name } }));
}

/** When anything was last published (documents or reports): part of every cached read's key. */
export async function publicationStamp(db: Db): Promise<string> {
  const [doc, report] = await Promise.all([
    db.publicDocumentVersion.aggregate({ _max: { publishedAt: true }, _count: { publishedAt: true } }),
    db.requestReport.aggregate({ _max: { publishedAt: true }, _count: { publishedAt: true } }),
  ]);
  return [
    doc._max.publishedAt?.getTime() ?? 0,
    doc._count.publishedAt,
    report._max.publishedAt?.getTime() ?? 0,
    report._count.publishedAt,
  ].join(".");
}
