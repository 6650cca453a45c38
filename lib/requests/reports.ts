// Quarterly and annual request reports per agency. A draft is computed from the log each time; a
// published report is frozen — its figures are stored and never recomputed. Edits made to the log
// after a report was published appear in the next report as corrections, with a count.
import { forgetPublicRecord } from "../public-record/public-cache";
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { ConflictError, ValidationError } from "../errors";
import { zonedWallTimeToUtc } from "../i18n/format";
import { buildFigures, publishable, type ReportFigures } from "./report-figures";
import { REQUEST_AUDIT } from "./roles";

export const REPORT_SCHEMA = "common-ground/federal-request-report/v1" as const;
export const REPORT_READING_ROLES = ["CHIEF", "AUDITOR", "AGENCY_ADMIN", "SUPERVISOR"] as const;

export type Period = { kind: "QUARTER" | "YEAR"; year: number; quarter: number | null };

export function parsePeriod(raw: { year?: unknown; quarter?: unknown }): Period {
  const year = Number(raw.year);
  const quarter = raw.quarter === undefined || raw.quarter === "" || raw.quarter === null ? null : Number(raw.quarter);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new ValidationError([{ path: "year", message: "errors.invalid" }]);
  if (quarter !== null && (!Number.isInteger(quarter) || quarter < 1 || quarter > 4))
    throw new ValidationError([{ path: "quarter", message: "errors.invalid" }]);
  return { kind: quarter === null ? "YEAR" : "QUARTER", year, quarter };
}

/** The period's bounds at midnight in the agency's time zone. */
export function periodBounds(p: Period, timeZone: string): { start: Date; end: Date } {
  const month = p.quarter ? (p.quarter - 1) * 3 + 1 : 1;
  const endMonth = p.quarter ? month + 3 : 13;
  const wall = (y: number, m: number) =>
    `${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, "0")}-01T00:00`;
  return {
    start: zonedWallTimeToUtc(wall(p.year, month), timeZone)!,
    end: zonedWallTimeToUtc(wall(p.year, endMonth), timeZone)!,
  };
}

export type Report = {
  schema: string;
  agencyId: string;
  agencyName: string;
  period: Period;
  start: Date;
  end: Date;
  publishedAt: Date | null;
  figures: ReportFigures;
};

async function lastPublishedAt(db: Db | Tx, agencyId: string): Promise<Date | null> {
  const last = await db.requestReport.findFirst({
    where: { agencyId, publishedAt: { not: null } },
    orderBy: { publishedAt: "desc" },
    select: { publishedAt: true },
  });
  return last?.publishedAt ?? null;
}

/** The figures of one agency's period, computed from its log (for a draft, or the moment of publishing). */
export async function computeReportFigures(
  db: Db | Tx,
  agencyId: string,
  start: Date,
  end: Date,
): Promise<ReportFigures> {
  const [requests, notices, conflicts, since] = await Promise.all([
    db.federalRequest.findMany({
      where: { agencyId, receivedAt: { gte: start, lt: end } },
      select: {
        kind: true,
        basisDocument: true,
        basisSignedByJudge: true,
        decision: true,
        departure: true,
        counselNotified: true,
        receivedAt: true,
        decidedAt: true,
      },
    }),
    db.notice.findMany({
      where: { recipientAgencyId: agencyId, sentAt: { gte: start, lt: end }, kind: { not: "CONFLICT" } },
      select: { senderAgencyId: true, leadMinutes: true, late: true, exigent: true },
    }),
    db.conflict.findMany({
      where: { OR: [{ agencyAId: agencyId }, { agencyBId: agencyId }], detectedAt: { gte: start, lt: end } },
      select: { status: true, outcome: true },
    }),
    lastPublishedAt(db, agencyId),
  ]);
  const senders = await db.agency.findMany({
    where: { id: { in: [...new Set(notices.map((n) => n.senderAgencyId))] } },
    select: { id: true, level: true },
  });
  const level = new Map(senders.map((s) => [s.id, s.level as string]));
  // Corrections: requests from before this period edited or decided after the last publication.
  const corrections = since
    ? await db.federalRequest.count({ where: { agencyId, receivedAt: { lt: start }, updatedAt: { gt: since } } })
    : 0;
  return buildFigures({
    requests,
    notices: notices.map((n) => ({ ...n, senderLevel: level.get(n.senderAgencyId) ?? "UNKNOWN" })),
    conflicts,
    corrections,
  });
}

export async function getReport(args: { db: Db; actor: Actor; period: Period }): Promise<Report> {
  const { db, actor, period } = args;
  authorize(actor, { roles: [...REPORT_READING_ROLES], agencyId: actor.agencyId });
  const { start, end } = periodBounds(period, actor.agencyTimeZone);
  const stored = await db.requestReport.findFirst({
    where: { agencyId: actor.agencyId, periodKind: period.kind, year: period.year, quarter: period.quarter },
  });
  const base = { schema: REPORT_SCHEMA, agencyId: actor.agencyId, agencyName: actor.agencyName, period, start, end };
  if (stored?.publishedAt)
    return { ...base, publishedAt: stored.publishedAt, figures: stored.figures as unknown as ReportFigures };
  return { ...base, publishedAt: null, figures: await computeReportFigures(db, actor.agencyId, start, end) };
}

/** The chief publishes: the figures are frozen from then on. */
export async function publishReport(args: { db: Db; actor: Actor; period: Period; now: Date }): Promise<Report> {
  const { db, actor, period, now } = args;
  authorize(actor, { roles: ["CHIEF"], agencyId: actor.agencyId });
  const draft = await getReport({ db, actor, period });
  if (draft.publishedAt) throw new ConflictError("requests.errors.alreadyPublished");
  if (draft.end > now) throw new ValidationError([{ path: "period", message: "requests.errors.periodNotOver" }]);
  await db.$transaction(async (tx) => {
    const id = randomUUID();
    await tx.requestReport.create({
      data: {
        id,
        agencyId: actor.agencyId,
        periodKind: period.kind,
        year: period.year,
        quarter: period.quarter,
        periodStart: draft.start,
        periodEnd: draft.end,
        figures: draft.figures as unknown as Prisma.InputJsonValue,
        publishedAt: now,
        publishedById: actor.userId,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      action: REQUEST_AUDIT.reportPublish,
      targetType: "RequestReport",
      targetId: id,
      at: now,
      details: { period },
      ...auditContext(actor),
    });
  });
  // Every process hears of it from the database (NOTIFY on commit); this one forgets at once.
  forgetPublicRecord();
  return { ...draft, publishedAt: now };
}

/** The document meant for publication: every small count shown as "<5". */
export function reportJson(r: Report) {
  return {
    schema: REPORT_SCHEMA,
    agency: r.agencyName,
    period: {
      kind: r.period.kind,
      year: r.period.year,
      quarter: r.period.quarter,
      start: r.start.toISOString(),
      end: r.end.toISOString(),
    },
    publishedAt: r.publishedAt?.toISOString() ?? null,
    figures: publishable(r.figures),
  };
}

/** Flat CSV of the publishable figures: one `figure,value` row per figure, dotted paths. */
export function reportCsv(r: Report): string {
  const rows: string[] = ["figure,value"];
  const walk = (prefix: string, v: unknown) => {
    if (v !== null && typeof v === "object")
      for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
    else rows.push(`${prefix},${v === null ? "" : String(v)}`);
  };
  const j = reportJson(r);
  walk("period", {
    kind: j.period.kind,
    year: j.period.year,
    quarter: j.period.quarter,
    start: j.period.start,
    end: j.period.end,
  });
  rows.push(`publishedAt,${j.publishedAt ?? ""}`);
  walk("", j.figures);
  return `${rows.join("\r\n")}\r\n`;
}
