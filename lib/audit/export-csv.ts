// The audit log's CSV export: every event of the reader's agency that the filters match (newest
// first, up to AUDIT_EXPORT_MAX), each with its sentence in the reader's language and its time in
// UTC and in the agency's zone. The export is itself recorded in the log.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { auditContext, type Actor } from "../auth/actor";
import { formatDateTime, zoneLabel } from "../i18n/format";
import type { Locale } from "../i18n/locales";
import type { Translate } from "../i18n/translate";
import type { AuditFilter } from "../validation/audit";
import { AUDIT_EXPORT_ACTION } from "./action-codes";
import { describeEvents } from "./describe";
import { authorizeAuditReader, filterWhere, toRow } from "./query";
import { recordAudit } from "./record";

export const AUDIT_EXPORT_MAX = 50_000;
const BATCH = 1_000;

export const AUDIT_CSV_COLUMNS = [
  "seq",
  "time_utc",
  "time_local",
  "person",
  "event",
  "action",
  "record",
  "outcome",
  "request_id",
  "source_ip",
  "details",
] as const;

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // Quote what needs it; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** `t` has no namespace. */
export async function exportAuditCsv(args: {
  db: Db;
  actor: Actor | null;
  filter: AuditFilter;
  t: Translate;
  locale: Locale;
  now: Date;
}): Promise<string> {
  const { db, actor, t, locale, now } = args;
  authorizeAuditReader(actor);
  // The whole filtered view, not the page the reader was on.
  const filter = { ...args.filter, before: undefined, after: undefined };
  const where = filterWhere(actor, filter);
  const zone = zoneLabel(actor.agencyTimeZone, locale, now);
  const lines = [AUDIT_CSV_COLUMNS.join(",")];
  let below: bigint | null = null;
  let count = 0;
  while (count < AUDIT_EXPORT_MAX) {
    const cursor: Prisma.AuditEventWhereInput = below === null ? {} : { seq: { lt: below } };
    const batch = await db.auditEvent.findMany({
      where: { AND: [where, cursor] },
      orderBy: { seq: "desc" },
      take: Math.min(BATCH, AUDIT_EXPORT_MAX - count),
    });
    if (batch.length === 0) break;
    below = batch[batch.length - 1].seq;
    count += batch.length;
    for (const e of await describeEvents({ db, actor, events: batch.map(toRow), t })) {
      const local = `${formatDateTime(e.at, actor.agencyTimeZone, locale)} (${zone})`;
      lines.push(
        [
          e.seq,
          e.at.toISOString(),
          local,
          e.who,
          e.text,
          e.action,
          e.targetText,
          t(`audit.outcomes.${e.outcome}`),
          e.requestId,
          e.sourceIp,
          e.details === null || e.details === undefined ? "" : JSON.stringify(e.details),
        ]
          .map(cell)
          .join(","),
      );
    }
    if (batch.length < BATCH) break;
  }
  const recorded = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  await db.$transaction((tx) =>
    recordAudit(tx, {
      action: AUDIT_EXPORT_ACTION,
      at: now,
      details: { rows: count, filter: recorded },
      ...auditContext(actor),
    }),
  );
  return `${lines.join("\r\n")}\r\n`;
}
