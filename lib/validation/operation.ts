// Operation input, shared by the filing form, the server actions and the API. Messages are i18n
// keys. There is deliberately no field for the people an operation targets; the notes field is
// free text, and the form warns against entering such data there.
import { z } from "zod";
import type { OperationStatus, OperationType } from "../db/generated/enums";
import { msg } from "../i18n/issue";
import { intField } from "./agency";
import { areaFitsAcross } from "../deconfliction/extent";
import { areaSchema } from "./area";
import { flag, listBase, refineList } from "./lists";
import { storableString } from "./text";

export const OPERATION_TYPES = [
  "ARREST_WARRANT",
  "SEARCH_WARRANT",
  "SURVEILLANCE",
  "UNDERCOVER",
  "FUGITIVE_APPREHENSION",
  "ENFORCEMENT_ACTION",
  "CROWD_EVENT",
  "TRAINING",
  "OTHER",
] as const satisfies readonly OperationType[];

export const RISK_FLAGS = [
  "TACTICAL_TEAM",
  "ARMED_SUBJECT_EXPECTED",
  "VEHICLES",
  "K9",
  "AIRCRAFT",
  "EXPLOSIVES_OR_BREACHING",
  "UNDERCOVER_OFFICERS",
  "PLAIN_CLOTHES",
  "HAZMAT",
  "ROAD_CLOSURE",
] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

/** The statuses an operation can be filed in; the rest are reached by transitions. */
export const FILING_STATUSES = ["DRAFT", "PLANNED"] as const satisfies readonly OperationStatus[];

export const MAX_WINDOW_DAYS = 30;
const MAX_WINDOW_MS = MAX_WINDOW_DAYS * 24 * 3_600_000;
export const NOTES_MAX = 2_000;
/** Dates outside this range are typing mistakes, not plans. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const PHONE = /^\+?[0-9][0-9 ().-]{5,23}[0-9]$/;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const text = (min: number, max: number) =>
  storableString({ message: msg("errors.required") })
    .trim()
    .min(Math.max(min, 1), { message: min > 1 ? msg("errors.tooShort", { min }) : msg("errors.required") })
    .max(max, { message: msg("errors.tooLong", { max }) });

const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    storableString()
      .trim()
      .max(max, { message: msg("errors.tooLong", { max }) })
      .optional(),
  );

const phone = text(1, 40)
  .regex(PHONE, { message: msg("errors.invalidPhone") })
  .refine((v) => v.replace(/\D/g, "").length >= 7, { message: msg("errors.invalidPhone") });

/** An instant as ISO-8601 with an explicit offset ("2026-05-01T06:00:00-05:00" or "…Z"); a Date passes through. */
export const instantSchema = z.preprocess(
  (v) => {
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString();
    // Seconds are optional: "2026-05-01T06:00-05:00" means 06:00:00.
    return typeof v === "string" ? v.trim().replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d)(Z|[+-]\d\d:\d\d)$/i, "$1:00$2") : v;
  },
  storableString({ message: msg("operations.validation.instant") })
    .trim()
    .pipe(z.iso.datetime({ offset: true, message: msg("operations.validation.instant") }))
    .transform((s) => new Date(s))
    .refine((d) => !Number.isNaN(d.getTime()) && d.getTime() >= EARLIEST && d.getTime() < LATEST, {
      message: msg("operations.validation.instantRange"),
    }),
);

const riskFlags = z.preprocess(
  (v) => (typeof v === "string" ? [v] : (v ?? [])),
  z
    .array(z.enum(RISK_FLAGS, { message: msg("operations.validation.riskFlag") }), {
      message: msg("operations.validation.riskFlag"),
    })
    .max(RISK_FLAGS.length, { message: msg("operations.validation.riskFlag") })
    .transform((list) => RISK_FLAGS.filter((f) => list.includes(f))),
);

export type WindowIssue = { path: "endsAt"; message: string };

/** The rules every time window obeys: the end after the start, at most 30 days long. */
export function windowIssue(startsAt: Date, endsAt: Date): WindowIssue | null {
  if (endsAt.getTime() <= startsAt.getTime())
    return { path: "endsAt", message: msg("operations.validation.endBeforeStart") };
  if (endsAt.getTime() - startsAt.getTime() > MAX_WINDOW_MS) {
    return { path: "endsAt", message: msg("operations.validation.windowTooLong", { days: MAX_WINDOW_DAYS }) };
  }
  return null;
}

function refineWindow(value: { startsAt?: unknown; endsAt?: unknown }, ctx: z.RefinementCtx) {
  // Runs even when a field failed (then it holds the raw input), so check what arrived.
  if (!(value.startsAt instanceof Date) || !(value.endsAt instanceof Date)) return;
  const issue = windowIssue(value.startsAt, value.endsAt);
  if (issue) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
}

const fields = {
  type: z.enum(OPERATION_TYPES, { message: msg("operations.validation.type") }),
  title: text(3, 120),
  area: areaSchema,
  startsAt: instantSchema,
  endsAt: instantSchema,
  leadAgencyName: text(2, 160),
  commanderName: text(2, 120),
  commanderPhone: phone,
  commsPlan: text(3, 1_000),
  radioChannel: optionalText(80),
  talkgroup: optionalText(80),
  interopChannel: optionalText(80),
  personnelCount: intField(1, 2_000),
  riskFlags,
  notes: z.preprocess(
    (v) => v ?? "",
    storableString()
      .trim()
      .max(NOTES_MAX, { message: msg("errors.tooLong", { max: NOTES_MAX }) }),
  ),
};

export const operationInputSchema = z
  .object({
    ...fields,
    status: z.enum(FILING_STATUSES, { message: msg("operations.validation.filingStatus") }).default("PLANNED"),
  })
  .superRefine(refineWindow);
export type OperationInput = z.infer<typeof operationInputSchema>;

/** An edit: any subset of the fields, plus the version the editor saw (optimistic concurrency). */
export const operationUpdateSchema = z
  .object({
    ...fields,
    version: intField(1, Number.MAX_SAFE_INTEGER),
  })
  .partial()
  .required({ version: true })
  .superRefine(refineWindow);
export type OperationUpdate = z.infer<typeof operationUpdateSchema>;

/**
 * What one dry run (the API's check, the filing form's conflict and recipient previews) may look at:
 * an area and a window a single operation could plausibly cover, so that a handful of checks cannot
 * sweep a region for other agencies' plans. Filing keeps its own, wider limits: a filed operation is
 * a commitment, recorded and seen by its counterparts.
 */
export const PROBE_MAX_ACROSS_KM = 50;
export const PROBE_MAX_WINDOW_DAYS = 7;
const PROBE_MAX_WINDOW_MS = PROBE_MAX_WINDOW_DAYS * 24 * 3_600_000;
/** The messages a probe over its limits gets; the form's preview says them instead of checking. */
export const PROBE_LIMIT_MESSAGES = [
  "operations.validation.probeAreaTooLarge",
  "operations.validation.probeWindowTooLong",
] as const;

function refineProbe(value: { area?: unknown; startsAt?: unknown; endsAt?: unknown }, ctx: z.RefinementCtx) {
  const area = value.area as z.output<typeof areaSchema> | undefined;
  if (
    area &&
    typeof area === "object" &&
    (area.kind === "CIRCLE" || area.kind === "POLYGON") &&
    !areaFitsAcross(area, PROBE_MAX_ACROSS_KM * 1000)
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["area"],
      message: msg(PROBE_LIMIT_MESSAGES[0], { km: PROBE_MAX_ACROSS_KM }),
    });
  }
  if (
    value.startsAt instanceof Date &&
    value.endsAt instanceof Date &&
    value.endsAt.getTime() - value.startsAt.getTime() > PROBE_MAX_WINDOW_MS
  ) {
    // A window past filing's own limit already has its issue.
    if (!windowIssue(value.startsAt, value.endsAt))
      ctx.addIssue({
        code: "custom",
        path: ["endsAt"],
        message: msg(PROBE_LIMIT_MESSAGES[1], { days: PROBE_MAX_WINDOW_DAYS }),
      });
  }
}

/** The live preview while filing and the API's check: an area and window in, conflicts out, nothing stored. */
export const dryRunSchema = z
  .object({
    area: areaSchema,
    startsAt: instantSchema,
    endsAt: instantSchema,
    riskFlags: riskFlags.optional(),
    /** When previewing an edit, the operation itself is left out of the comparison. */
    operationId: z.preprocess(blankToUndefined, z.uuid({ message: msg("errors.invalid") }).optional()),
  })
  .superRefine(refineWindow)
  .superRefine(refineProbe);
export type DryRunInput = z.infer<typeof dryRunSchema>;

export const OPERATION_TRANSITIONS = ["PLAN", "ACTIVATE", "COMPLETE", "CANCEL"] as const;
export type OperationTransition = (typeof OPERATION_TRANSITIONS)[number];

export const transitionSchema = z.object({
  transition: z.enum(OPERATION_TRANSITIONS, { message: msg("errors.invalid") }),
  version: intField(1, Number.MAX_SAFE_INTEGER).optional(),
  reason: optionalText(500),
});
export type TransitionInput = z.infer<typeof transitionSchema>;

export const OPERATION_STATUSES = [
  "DRAFT",
  "PLANNED",
  "ACTIVE",
  "COMPLETED",
  "CANCELLED",
] as const satisfies readonly OperationStatus[];

/** The operations list: latest start first, paged on (startsAt, id). */
export const listOperationsSchema = z
  .object({
    status: z.preprocess(blankToUndefined, z.enum(OPERATION_STATUSES, { message: msg("errors.invalid") }).optional()),
    type: z.preprocess(blankToUndefined, z.enum(OPERATION_TYPES, { message: msg("errors.invalid") }).optional()),
    /** Only operations with an open conflict: what the agency must work. */
    action: flag,
    ...listBase,
  })
  .superRefine(refineList);
export type ListOperationsInput = z.infer<typeof listOperationsSchema>;

/** Ids from a URL: anything that is not a UUID is simply not found. */
export const idSchema = z.uuid({ message: msg("errors.notFound") });
export function isId(value: unknown): value is string {
  return idSchema.safeParse(value).success;
}
