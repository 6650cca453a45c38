// Notice input, shared by the filing form's notice section, the server actions and the API.
// Messages are i18n keys. Nothing here describes the people an operation targets: community
// impact, the public statement and replies are about the operation, and the form says so.
import { z } from "zod";
import type { AreaPrecision, AssistanceDecision, NoticeKind } from "../db/generated/enums";
import { msg } from "../i18n/issue";
import { flag, listBase, optional, refineList } from "./lists";
import { storableString } from "./text";

export const NOTICE_KINDS = [
  "ADVANCE",
  "UPDATE",
  "CANCELLATION",
  "EXIGENT_AFTER_ACTION",
  "ASSISTANCE_REQUEST",
  "CONFLICT",
] as const satisfies readonly NoticeKind[];
export const AREA_PRECISIONS = ["EXACT", "GENERALIZED"] as const satisfies readonly AreaPrecision[];
export const EXIGENT_REASONS = [
  "IMMINENT_THREAT_TO_LIFE",
  "HOT_PURSUIT",
  "EVIDENCE_DESTRUCTION",
  "OFFICER_SAFETY",
  "OTHER",
] as const;
export type ExigentReason = (typeof EXIGENT_REASONS)[number];
export const PUBLIC_STATEMENT_MODES = ["NONE", "APPROVED"] as const;
export const ASSISTANCE_KINDS = [
  "TRAFFIC_CONTROL",
  "PERIMETER",
  "INTERPRETER",
  "MEDICAL_STANDBY",
  "CROWD_MANAGEMENT",
  "OTHER",
] as const;
export const ASSISTANCE_DECISIONS = ["ACCEPTED", "DECLINED"] as const satisfies readonly AssistanceDecision[];
/** Quick replies a person can post in a thread; TEXT is free text. */
export const REPLY_KINDS = [
  "TEXT",
  "CALL_ME",
  "REQUEST_DECONFLICTION_CALL",
  "TRAFFIC_SUPPORT",
  "DECLINE_SUPPORT",
] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];
/** Thread entries the system writes for an acknowledgment or a decision. */
export const RECORD_KINDS = ["ACKNOWLEDGED", "ASSISTANCE_ACCEPTED", "ASSISTANCE_DECLINED", "AFTER_ACTION"] as const;
export type ThreadEntryKind = ReplyKind | (typeof RECORD_KINDS)[number];

export const MAX_ADDED_AGENCIES = 20;
export const STATEMENT_MAX = 1_500;
export const REPLY_MAX = 2_000;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    storableString()
      .trim()
      .max(max, { message: msg("errors.tooLong", { max }) })
      .optional(),
  );
const PHONE = /^\+?[0-9][0-9 ().-]{5,23}[0-9]$/;

const optionalPhone = z.preprocess(
  blankToUndefined,
  storableString()
    .trim()
    .regex(PHONE, { message: msg("errors.invalidPhone") })
    .refine((v) => v.replace(/\D/g, "").length >= 7, { message: msg("errors.invalidPhone") })
    .optional(),
);
const optionalEmail = z.preprocess(
  blankToUndefined,
  z
    .email({ message: msg("errors.invalidEmail") })
    .max(254)
    .optional(),
);

/** A form sends one value or several; the API sends an array. */
const idList = z.preprocess(
  (v) => (typeof v === "string" ? (v ? [v] : []) : (v ?? [])),
  z
    .array(z.uuid({ message: msg("notices.validation.agency") }), { message: msg("notices.validation.agency") })
    .max(MAX_ADDED_AGENCIES, { message: msg("notices.validation.tooManyAgencies", { max: MAX_ADDED_AGENCIES }) })
    .transform((ids) => [...new Set(ids)]),
);

/** A checkbox posts "on"; JSON posts true. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** The exigent part: required only when the filing comes late, which the server decides. */
export const exigentSchema = z.object({
  exigentReason: z.preprocess(
    blankToUndefined,
    z.enum(EXIGENT_REASONS, { message: msg("notices.validation.exigentReason") }).optional(),
  ),
  exigentText: optionalText(1_000),
  exigentSignOff: optionalText(160),
  exigentConfirmed: checkbox.optional(),
});
export type ExigentInput = z.infer<typeof exigentSchema>;

const noticeFields = {
  areaPrecision: z.preprocess(blankToUndefined, z.enum(AREA_PRECISIONS, { message: msg("errors.invalid") }).optional()),
  impactRoadClosures: optionalText(500),
  impactSchools: optionalText(500),
  impactCrowding: optionalText(500),
  pioName: optionalText(120),
  pioPhone: optionalPhone,
  pioEmail: optionalEmail,
  publicStatementMode: z.preprocess(
    blankToUndefined,
    z.enum(PUBLIC_STATEMENT_MODES, { message: msg("errors.invalid") }).optional(),
  ),
  publicStatementEn: optionalText(STATEMENT_MAX),
  publicStatementEs: optionalText(STATEMENT_MAX),
  addedAgencyIds: idList.optional(),
};

function refineStatement(
  v: { publicStatementMode?: string; publicStatementEn?: string; publicStatementEs?: string },
  ctx: z.RefinementCtx,
) {
  if (v.publicStatementMode !== "APPROVED") return;
  if (!v.publicStatementEn)
    ctx.addIssue({ code: "custom", path: ["publicStatementEn"], message: msg("notices.validation.statementRequired") });
  if (!v.publicStatementEs)
    ctx.addIssue({ code: "custom", path: ["publicStatementEs"], message: msg("notices.validation.statementRequired") });
}

/** What the filing form adds to an operation for its notices. Unknown keys (the operation's own fields) pass by. */
export const noticeFieldsSchema = z.object({ ...noticeFields, ...exigentSchema.shape }).superRefine(refineStatement);
export type NoticeFieldsInput = z.infer<typeof noticeFieldsSchema>;

/** The issues of a late filing without its reason and sign-off (empty when complete). */
export function exigentIssues(v: ExigentInput): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!v.exigentReason)
    issues.push({ path: "exigentReason", message: msg("notices.validation.exigentReasonRequired") });
  if (v.exigentReason === "OTHER" && !v.exigentText)
    issues.push({ path: "exigentText", message: msg("notices.validation.exigentTextRequired") });
  if (!v.exigentSignOff)
    issues.push({ path: "exigentSignOff", message: msg("notices.validation.exigentSignOffRequired") });
  if (!v.exigentConfirmed)
    issues.push({ path: "exigentConfirmed", message: msg("notices.validation.exigentConfirmRequired") });
  return issues;
}

/** Who will be notified, asked while filling in the form (nothing is stored); the area and window are read with dryRunSchema. */
export const recipientPreviewSchema = z.object({
  addedAgencyIds: idList.optional(),
  operationId: z.preprocess(blankToUndefined, z.uuid({ message: msg("errors.invalid") }).optional()),
});

export const replySchema = z
  .object({
    kind: z.preprocess((v) => v ?? "TEXT", z.enum(REPLY_KINDS, { message: msg("errors.invalid") })),
    body: z.preprocess(
      (v) => v ?? "",
      storableString()
        .trim()
        .max(REPLY_MAX, { message: msg("errors.tooLong", { max: REPLY_MAX }) }),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "TEXT" && !v.body)
      ctx.addIssue({ code: "custom", path: ["body"], message: msg("notices.validation.replyRequired") });
  });
export type ReplyInput = z.infer<typeof replySchema>;

export const assistanceRequestSchema = z
  .object({
    recipientAgencyId: z.uuid({ message: msg("notices.validation.agency") }),
    kinds: z.preprocess(
      (v) => (typeof v === "string" ? [v] : (v ?? [])),
      z
        .array(z.enum(ASSISTANCE_KINDS, { message: msg("notices.validation.assistanceKind") }))
        .min(1, { message: msg("notices.validation.assistanceKind") })
        .transform((list) => ASSISTANCE_KINDS.filter((k) => list.includes(k))),
    ),
    note: optionalText(1_000),
  })
  .superRefine((v, ctx) => {
    if (v.kinds.includes("OTHER") && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: msg("notices.validation.assistanceNoteRequired") });
  });
export type AssistanceRequestInput = z.infer<typeof assistanceRequestSchema>;

export const assistanceDecisionSchema = z
  .object({
    decision: z.enum(ASSISTANCE_DECISIONS, { message: msg("errors.invalid") }),
    reason: optionalText(1_000),
  })
  .superRefine((v, ctx) => {
    if (!v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: msg("notices.validation.decisionReasonRequired") });
  });
export type AssistanceDecisionInput = z.infer<typeof assistanceDecisionSchema>;

/** What a notice is waiting for, as the inbox and sent lists filter it. */
export const NOTICE_LIST_STATUSES = ["UNREAD", "AWAITING_ACK", "ACKNOWLEDGED", "NO_ACK_NEEDED"] as const;

export const noticeListSchema = z
  .object({
    box: z.preprocess((v) => v ?? "inbox", z.enum(["inbox", "sent"], { message: msg("errors.invalid") })),
    status: optional(z.enum(NOTICE_LIST_STATUSES, { message: msg("errors.invalid") })),
    kind: optional(z.enum(NOTICE_KINDS, { message: msg("errors.invalid") })),
    /** The other agency: the sender in the inbox, the recipient in the sent list. */
    agency: optional(z.uuid({ message: msg("errors.invalid") })),
    /** Inbox: waiting for the viewer's agency to acknowledge or decide. Sent: replies nobody has read. */
    action: flag,
    ...listBase,
  })
  .superRefine(refineList);
export type NoticeListInput = z.infer<typeof noticeListSchema>;
