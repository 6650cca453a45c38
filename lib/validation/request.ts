// Federal request input, shared by the log form, the portal submission, the decision form and the
// API. Messages are i18n keys. Categories only: nothing here names or describes a person.
import { z } from "zod";
import type {
  FederalRequestKind,
  LegalBasisDocument,
  OffenceCategory,
  RequestChannel,
  RequestDecision,
  RequestRuleSource,
} from "../db/generated/enums";
import { msg } from "../i18n/issue";
import { storableString } from "./text";

export const REQUEST_KINDS = [
  "JUDICIAL_WARRANT",
  "ADMINISTRATIVE_WARRANT",
  "DETAINER",
  "RELEASE_NOTIFICATION",
  "CUSTODY_TRANSFER",
  "CUSTODIAL_INTERVIEW",
  "INFORMATION_REQUEST",
  "OPERATIONAL_ASSISTANCE",
  "COURTHOUSE_ASSISTANCE",
  "OTHER",
] as const satisfies readonly FederalRequestKind[];
export const REQUEST_CHANNELS = [
  "PORTAL",
  "FAX",
  "EMAIL",
  "PHONE",
  "IN_PERSON",
  "NCIC_HIT",
] as const satisfies readonly RequestChannel[];
/** Channels a person logs by hand; PORTAL is set only by a portal submission. */
export const MANUAL_CHANNELS = ["FAX", "EMAIL", "PHONE", "IN_PERSON", "NCIC_HIT"] as const;
export const BASIS_DOCUMENTS = [
  "JUDICIAL_ARREST_WARRANT",
  "JUDICIAL_SEARCH_WARRANT",
  "COURT_ORDER",
  "I200_ADMINISTRATIVE_WARRANT",
  "I205_ADMINISTRATIVE_WARRANT",
  "I247A_DETAINER",
  "SUBPOENA",
  "NONE",
  "OTHER",
] as const satisfies readonly LegalBasisDocument[];
export const OFFENCE_CATEGORIES = [
  "VIOLENT_FELONY",
  "OTHER_FELONY",
  "MISDEMEANOR",
  "CIVIL_IMMIGRATION_ONLY",
  "NATIONAL_SECURITY",
  "NONE_STATED",
] as const satisfies readonly OffenceCategory[];
export const REQUEST_DECISIONS = [
  "COMPLIED",
  "DECLINED",
  "PARTIALLY_COMPLIED",
  "REFERRED_TO_COUNSEL",
  "NOT_APPLICABLE",
] as const satisfies readonly RequestDecision[];
export const RULE_SOURCES = ["STATE_LAW", "ORDINANCE", "AGENCY_POLICY"] as const satisfies readonly RequestRuleSource[];
export const RULE_CONDITIONS = [
  "ALWAYS",
  "WITHOUT_JUDICIAL_WARRANT",
  "WITH_JUDICIAL_WARRANT",
  "CIVIL_IMMIGRATION_ONLY",
] as const;
export type RuleCondition = (typeof RULE_CONDITIONS)[number];
export const RULE_DIRECTIVES = ["DECLINE", "COMPLY", "REFER_TO_COUNSEL", "NOTIFY_COUNSEL_BEFORE_INTERVIEW"] as const;
export type RuleDirective = (typeof RULE_DIRECTIVES)[number];
/** Documents signed by a judge: the only ones that compel. */
export const JUDICIAL_DOCUMENTS: readonly LegalBasisDocument[] = [
  "JUDICIAL_ARREST_WARRANT",
  "JUDICIAL_SEARCH_WARRANT",
  "COURT_ORDER",
];

export const REASON_MAX = 1_000;
export const JUSTIFICATION_MIN = 20;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    storableString()
      .trim()
      .max(max, { message: msg("errors.tooLong", { max }) })
      .optional(),
  );
const requiredText = (max: number) =>
  storableString({ message: msg("errors.required") })
    .trim()
    .min(1, { message: msg("errors.required") })
    .max(max, { message: msg("errors.tooLong", { max }) });
const dateTime = z.coerce.date({ message: msg("errors.invalid") });
const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());
const uuid = z.uuid({ message: msg("requests.errors.unknownAgency") });

const requestFields = {
  kind: z.enum(REQUEST_KINDS, { message: msg("errors.required") }),
  receivedAt: dateTime,
  dueAt: z.preprocess(blankToUndefined, dateTime.optional()),
  basisDocument: z.enum(BASIS_DOCUMENTS, { message: msg("errors.required") }),
  basisSignedByJudge: checkbox,
  basisCourt: optionalText(200),
  offenceCategory: z.enum(OFFENCE_CATEGORIES, { message: msg("errors.required") }),
};

/** Logged by hand by the receiving agency (from a fax, a call, an NCIC hit…). */
export const logRequestSchema = z
  .object({
    ...requestFields,
    channel: z.enum(MANUAL_CHANNELS, { message: msg("errors.required") }),
    requesterAgencyId: z.preprocess(blankToUndefined, uuid.optional()),
    requesterName: optionalText(200),
    localReference: optionalText(60),
  })
  .strict()
  .refine((v) => v.requesterAgencyId || v.requesterName, {
    message: msg("requests.errors.requesterRequired"),
    path: ["requesterName"],
  });
export type LogRequestInput = z.infer<typeof logRequestSchema>;

/** Submitted through the portal by a member federal office to a member local or state agency; received when sent. */
export const submitRequestSchema = z
  .object({
    kind: requestFields.kind,
    dueAt: requestFields.dueAt,
    basisDocument: requestFields.basisDocument,
    basisSignedByJudge: requestFields.basisSignedByJudge,
    basisCourt: requestFields.basisCourt,
    offenceCategory: requestFields.offenceCategory,
    agencyId: z.uuid({ message: msg("requests.errors.unknownAgency") }),
  })
  .strict();
export type SubmitRequestInput = z.infer<typeof submitRequestSchema>;

/**
 * Corrections the receiving agency makes to its log. Every field is optional: only what is sent
 * is considered, and only what differs is changed. Which fields a request still accepts depends
 * on its state (lib/requests/edit-request.ts): after a decision, only the log's own record.
 */
export const editRequestSchema = z
  .object({
    receivedAt: z.preprocess(blankToUndefined, dateTime.optional()),
    requesterName: optionalText(200),
    dueAt: z.preprocess(blankToUndefined, dateTime.optional()),
    basisDocument: z.enum(BASIS_DOCUMENTS, { message: msg("errors.required") }).optional(),
    basisSignedByJudge: z.preprocess(
      (v) => (v === undefined ? undefined : v === true || v === "true" || v === "on"),
      z.boolean().optional(),
    ),
    basisCourt: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      storableString()
        .max(200, { message: msg("errors.tooLong", { max: 200 }) })
        .optional(),
    ),
    offenceCategory: z.enum(OFFENCE_CATEGORIES, { message: msg("errors.required") }).optional(),
    localReference: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      storableString()
        .max(60, { message: msg("errors.tooLong", { max: 60 }) })
        .optional(),
    ),
    counselNotified: z.preprocess(
      (v) => (v === undefined ? undefined : v === true || v === "true" || v === "on"),
      z.boolean().optional(),
    ),
    counselNotifiedAt: z.preprocess(blankToUndefined, dateTime.optional()),
  })
  .strict();
export type EditRequestInput = z.infer<typeof editRequestSchema>;

export const decideRequestSchema = z
  .object({
    decision: z.enum(REQUEST_DECISIONS, { message: msg("errors.required") }),
    ruleId: z.preprocess(blankToUndefined, z.uuid().optional()),
    basis: optionalText(300),
    reason: requiredText(REASON_MAX),
    justification: optionalText(REASON_MAX),
    counselNotified: z.preprocess(
      (v) => (v === undefined || v === "" ? undefined : v === true || v === "true" || v === "on"),
      z.boolean().optional(),
    ),
    counselNotifiedAt: z.preprocess(blankToUndefined, dateTime.optional()),
  })
  .strict()
  .refine((v) => v.ruleId || v.basis, { message: msg("requests.errors.basisRequired"), path: ["basis"] });
export type DecideRequestInput = z.infer<typeof decideRequestSchema>;

export const ruleSchema = z
  .object({
    title: requiredText(200),
    kinds: z
      .array(z.enum(REQUEST_KINDS, { message: msg("errors.invalid") }), {
        message: msg("requests.errors.kindsRequired"),
      })
      .min(1, { message: msg("requests.errors.kindsRequired") })
      .transform((kinds) => REQUEST_KINDS.filter((k) => kinds.includes(k))),
    condition: z.enum(RULE_CONDITIONS, { message: msg("errors.required") }),
    directive: z.enum(RULE_DIRECTIVES, { message: msg("errors.required") }),
    source: z.enum(RULE_SOURCES, { message: msg("errors.required") }),
    citation: requiredText(300),
  })
  .strict();
export type RuleInput = z.infer<typeof ruleSchema>;

/** Retiring or restoring a rule; a rule is never deleted (past decisions name it). */
export const ruleStatusSchema = z.object({ active: z.boolean({ message: msg("errors.required") }) }).strict();

/** Choosing a person to designate (or no longer designate) as a decider. */
export const designationSchema = z
  .object({ userId: z.uuid({ message: msg("requestPolicy.errors.unknownPerson") }), designate: z.boolean() })
  .strict();

export const requestListSchema = z
  .object({
    status: z.enum(["pending", "decided", "all"]).default("all"),
    kind: z.enum(REQUEST_KINDS).optional(),
    decision: z.enum(REQUEST_DECISIONS).optional(),
    basis: z.enum(BASIS_DOCUMENTS).optional(),
    category: z.enum(OFFENCE_CATEGORIES).optional(),
    departure: z.enum(["true", "false"]).optional(),
    from: z.preprocess(blankToUndefined, dateTime.optional()),
    to: z.preprocess(blankToUndefined, dateTime.optional()),
  })
  .strip();
export type RequestListFilter = z.infer<typeof requestListSchema>;

/** GET /api/v1/requests: the pending queue, the full log or what a federal office submitted. */
export const requestBoxSchema = z.object({ box: z.enum(["queue", "log", "submitted"]).default("queue") }).strip();
