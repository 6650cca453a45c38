// The auditor's CSV export of the agency's request log: one row per request, categories and
// decisions only. The local reference (a booking or case number) is never exported. Audited.
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { listForOversight } from "./read-requests";
import { REQUEST_AUDIT } from "./roles";
import type { RequestListFilter } from "../validation/request";

export const CSV_COLUMNS = [
  "ref",
  "kind",
  "channel",
  "requester",
  "received_at",
  "due_at",
  "basis_document",
  "basis_signed_by_judge",
  "offence_category",
  "decision",
  "decided_at",
  "decision_rule",
  "decision_basis",
  "departure",
  "counsel_notified",
  "counsel_notified_at",
] as const;

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v);
  // Quote everything that needs it; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export async function exportRequestsCsv(args: {
  db: Db;
  actor: Actor;
  filter: RequestListFilter;
  now: Date;
}): Promise<string> {
  const { db, actor, now } = args;
  const rows = await listForOversight({ db, actor, filter: args.filter });
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(
      [
        r.ref,
        r.kind,
        r.channel,
        r.requesterName,
        r.receivedAt,
        r.dueAt,
        r.basisDocument,
        r.basisSignedByJudge,
        r.offenceCategory,
        r.decision,
        r.decidedAt,
        r.decisionRule?.title,
        r.decisionBasis,
        r.internal?.departure ?? false,
        r.counselNotified,
        r.counselNotifiedAt,
      ]
        .map(cell)
        .join(","),
    );
  }
  await db.$transaction((tx) =>
    recordAudit(tx, {
      action: REQUEST_AUDIT.export,
      targetType: "FederalRequest",
      at: now,
      details: {
        rows: rows.length,
        filter: { ...args.filter, from: args.filter.from?.toISOString(), to: args.filter.to?.toISOString() },
      },
      ...auditContext(actor),
    }),
  );
  return `${lines.join("\r\n")}\r\n`;
}
