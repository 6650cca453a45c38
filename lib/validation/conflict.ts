// Conflict input: recording an outcome, and filtering the supervisor queue. Messages are i18n keys.
import { z } from "zod";
import type { ConflictOutcome, ConflictStatus, Severity } from "../db/generated/enums";
import { msg } from "../i18n/issue";
import { cursorField, flag, listBase, optional, refineList } from "./lists";
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

export const SEVERITIES = ["LOW", "MEDIUM", "HIGH"] as const satisfies readonly Severity[];

/** The queue's order, OPEN first, then most severe, then newest; its cursor names a row's place in it. */
const queueCursor = cursorField([CONFLICT_STATUSES, SEVERITIES, "at", "id"]);

export const listConflictsSchema = z
  .object({
    status: optional(z.enum(CONFLICT_STATUSES, { message: msg("errors.invalid") })),
    severity: optional(z.enum(SEVERITIES, { message: msg("errors.invalid") })),
    /** The other party. */
    agency: optional(z.uuid({ message: msg("errors.invalid") })),
    /** Only the conflicts of this one (own) operation. */
    operationId: optional(z.uuid({ message: msg("errors.invalid") })),
    /** Open, and not yet acknowledged by the actor's side. */
    action: flag,
    ...listBase,
    after: optional(queueCursor),
    before: optional(queueCursor),
  })
  .superRefine(refineList);
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
