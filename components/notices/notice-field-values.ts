// The filing form's notice section as its inputs hold it, what it sends, and how a stored
// operation becomes it again for editing.
import type { StoredNoticeFields } from "@/lib/notices/notice-fields";

export type NoticeFieldValues = {
  areaPrecision: "EXACT" | "GENERALIZED";
  impactRoadClosures: string;
  impactSchools: string;
  impactCrowding: string;
  pioName: string;
  pioPhone: string;
  pioEmail: string;
  publicStatementMode: "NONE" | "APPROVED";
  publicStatementEn: string;
  publicStatementEs: string;
  addedAgencyIds: string[];
  exigentReason: string;
  exigentText: string;
  exigentSignOff: string;
  exigentConfirmed: boolean;
};

export function emptyNoticeValues(): NoticeFieldValues {
  return {
    areaPrecision: "EXACT",
    impactRoadClosures: "",
    impactSchools: "",
    impactCrowding: "",
    pioName: "",
    pioPhone: "",
    pioEmail: "",
    publicStatementMode: "NONE",
    publicStatementEn: "",
    publicStatementEs: "",
    addedAgencyIds: [],
    exigentReason: "",
    exigentText: "",
    exigentSignOff: "",
    exigentConfirmed: false,
  };
}

export function noticeValuesFromOperation(op: StoredNoticeFields): NoticeFieldValues {
  return {
    ...emptyNoticeValues(),
    areaPrecision: op.areaPrecision,
    impactRoadClosures: op.impactRoadClosures ?? "",
    impactSchools: op.impactSchools ?? "",
    impactCrowding: op.impactCrowding ?? "",
    pioName: op.pioName ?? "",
    pioPhone: op.pioPhone ?? "",
    pioEmail: op.pioEmail ?? "",
    publicStatementMode: op.publicStatementEn && op.publicStatementEs ? "APPROVED" : "NONE",
    publicStatementEn: op.publicStatementEn ?? "",
    publicStatementEs: op.publicStatementEs ?? "",
    addedAgencyIds: [...op.addedNoticeAgencyIds],
  };
}

/** What the section adds to the filing or edit input (validated by noticeFieldsSchema on both sides). */
export function noticeInput(v: NoticeFieldValues, o: { exigent: boolean }): Record<string, unknown> {
  const { exigentReason, exigentText, exigentSignOff, exigentConfirmed, ...rest } = v;
  // Exigent grounds travel only while the section asks for them.
  return o.exigent ? { ...rest, exigentReason, exigentText, exigentSignOff, exigentConfirmed } : rest;
}
