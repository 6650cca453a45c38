// Conflict input: recording an outcome, and filtering the supervisor queue. Messages are i18n keys.
import { z } from "zod";
import type { ConflictOutcome, ConflictStatus } from "../db/generated/enums";
import { msg } from "../i18n/issue";
import { intField } from "./agency";
import { storableString } from "./text";

export const CONFLICT_OUTCOMES = [
  "PROCEED_SEPARATELY",
  "JOINT_OPERATION",
  "RESCHEDULED",
  "CANCELLED",
  "NOT_A_CONFLICT",
] as const satisfies readonly ConflictOutcome[];

export const CONFLICT_STATUSES = ["OPEN", "RESOLVED", "CLOSED"] as const satisfies readonly ConflictStatus[];

export const OUTCOME_NOTE_MAX = 2_000;

export const resolveConflictSchema = z.object({
  outcome: z.enum(CONFLICT_OUTCOMES, { message: msg("conflicts.validation.outcome") }),
  note: storableString({ message: msg("errors.required") })
    .trim()
    .min(3, { message: msg("errors.tooShort", { min: 3 }) })
    .max(OUTCOME_NOTE_MAX, { message: msg("errors.tooLong", { max: OUTCOME_NOTE_MAX }) }),
});
export type ResolveConflictInput = z.infer<typeof resolveConflictSchema>;

export const listConflictsSchema = z.object({
  status: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.enum(CONFLICT_STATUSES, { message: msg("errors.invalid") }).optional(),
  ),
  /** Only the conflicts of this one (own) operation. */
  operationId: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.uuid({ message: msg("errors.invalid") }).optional(),
  ),
  page: z.preprocess((v) => v ?? 1, intField(1, 100_000)),
  pageSize: z.preprocess((v) => v ?? 25, intField(1, 100)),
});
export type ListConflictsInput = z.infer<typeof listConflictsSchema>;

/** One side's view of how the conflict is settled: proposing it, or contesting the other's. */
export const proposeConflictSchema = resolveConflictSchema;
export const contestConflictSchema = resolveConflictSchema;

export const reopenConflictSchema = z.object({
  reason: storableString({ message: msg("errors.required") })
    .trim()
    .min(3, { message: msg("errors.tooShort", { min: 3 }) })
    .max(OUTCOME_NOTE_MAX, { message: msg("errors.tooLong", { max: OUTCOME_NOTE_MAX }) }),
});
export type ReopenConflictInput = z.infer<typeof reopenConflictSchema>;
