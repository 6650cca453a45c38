// The operation columns the filing form's notice section writes. On filing every field is set
// (absent ones cleared); on an edit only the fields the edit names change.
import type { Prisma } from "../db/generated/client";
import type { AreaPrecision } from "../db/generated/enums";
import { noticeFieldsSchema, type NoticeFieldsInput } from "../validation/notice";

/** The notice columns an operation keeps (what the filing form shows again on an edit). */
export type StoredNoticeFields = {
  areaPrecision: AreaPrecision;
  impactRoadClosures: string | null;
  impactSchools: string | null;
  impactCrowding: string | null;
  pioName: string | null;
  pioPhone: string | null;
  pioEmail: string | null;
  publicStatementEn: string | null;
  publicStatementEs: string | null;
  addedNoticeAgencyIds: string[];
};

/** Every notice column of a new filing, written with the operation itself. */
export type FilingNoticeColumns = StoredNoticeFields & {
  exigentReason: string | null;
  exigentText: string | null;
  exigentSignOff: string | null;
  exigentSignedOffAt: Date | null;
};

/** Validates a filing's notice fields (throws a ZodError naming each bad field) and returns all its columns. */
export function filingNoticeColumns(input: unknown, now: Date): FilingNoticeColumns {
  const raw = input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  return noticeColumns(noticeFieldsSchema.parse(raw), raw, "ALL", now) as FilingNoticeColumns;
}

export function noticeColumns(
  v: NoticeFieldsInput,
  raw: Record<string, unknown>,
  mode: "ALL" | "PRESENT",
  now: Date,
): Prisma.OperationUpdateInput {
  const has = (key: string) => mode === "ALL" || key in raw;
  const data: Prisma.OperationUpdateInput = {};
  if (has("areaPrecision")) data.areaPrecision = v.areaPrecision ?? "EXACT";
  if (has("impactRoadClosures")) data.impactRoadClosures = v.impactRoadClosures ?? null;
  if (has("impactSchools")) data.impactSchools = v.impactSchools ?? null;
  if (has("impactCrowding")) data.impactCrowding = v.impactCrowding ?? null;
  if (has("pioName")) data.pioName = v.pioName ?? null;
  if (has("pioPhone")) data.pioPhone = v.pioPhone ?? null;
  if (has("pioEmail")) data.pioEmail = v.pioEmail ?? null;
  if (has("publicStatementMode") || has("publicStatementEn") || has("publicStatementEs")) {
    // Without a mode (an API caller), a statement counts as approved when both languages are given.
    const approved = v.publicStatementMode
      ? v.publicStatementMode === "APPROVED"
      : !!(v.publicStatementEn && v.publicStatementEs);
    data.publicStatementEn = approved ? (v.publicStatementEn ?? null) : null;
    data.publicStatementEs = approved ? (v.publicStatementEs ?? null) : null;
  }
  if (has("addedAgencyIds")) data.addedNoticeAgencyIds = v.addedAgencyIds ?? [];
  Object.assign(data, exigentColumns(v, raw, mode, now));
  return data;
}

/** The exigent grounds as given; whether the operation is exigent is decided when its notices go out. */
export function exigentColumns(
  v: { exigentReason?: string; exigentText?: string; exigentSignOff?: string; exigentConfirmed?: boolean },
  raw: Record<string, unknown>,
  mode: "ALL" | "PRESENT",
  now: Date,
): Prisma.OperationUpdateInput {
  const given = ["exigentReason", "exigentText", "exigentSignOff", "exigentConfirmed"].some((k) => k in raw);
  if (mode === "PRESENT" && !given) return {};
  return {
    exigentReason: v.exigentReason ?? null,
    exigentText: v.exigentReason === "OTHER" || v.exigentText ? (v.exigentText ?? null) : null,
    exigentSignOff: v.exigentSignOff ?? null,
    // The commander's sign-off counts once the filer confirms it was given.
    exigentSignedOffAt: v.exigentConfirmed && v.exigentSignOff ? now : null,
  };
}
