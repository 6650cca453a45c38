// The published report's format, as a zod schema: the JSON export is checked against it, and
// docs/federal-request-report.schema.json is generated from it (a test keeps the two equal).
import { z } from "zod";

const count = z.union([z.number().int().min(0), z.literal("<5")]).describe('A count; 1–4 are published as "<5".');
const counts = z.record(z.string(), count);
const minutes = z.number().nullable().describe("Minutes; null when computed from fewer than 5 values.");

export const reportJsonSchema = z
  .object({
    schema: z.literal("common-ground/federal-request-report/v1"),
    agency: z.string(),
    period: z
      .object({
        kind: z.enum(["QUARTER", "YEAR"]),
        year: z.number().int(),
        quarter: z.number().int().min(1).max(4).nullable(),
        start: z.iso.datetime(),
        end: z.iso.datetime(),
      })
      .strict(),
    publishedAt: z.iso.datetime().nullable().describe("Null for a draft; a published report is frozen."),
    figures: z
      .object({
        requests: count,
        byKindAndDecision: z.record(z.string(), counts).describe("Request kind → decision (or PENDING) → count."),
        detainers: z.object({ withJudicialWarrant: count, withoutJudicialWarrant: count }).strict(),
        transfers: z.object({ withJudicialWarrant: count, withoutJudicialWarrant: count }).strict(),
        interviews: z.object({ total: count, counselNotified: count }).strict(),
        departures: count.describe(
          "Decisions that departed from the agency's rules (each with a written justification).",
        ),
        medianMinutesToDecision: minutes,
        notices: z
          .object({
            received: count,
            late: count,
            exigent: count,
            medianLeadMinutesByLevel: z.record(z.string(), minutes),
          })
          .strict(),
        conflicts: z.object({ found: count, byOutcome: counts }).strict(),
        corrections: count.describe(
          "Requests from earlier periods edited or decided after the previous report was published.",
        ),
      })
      .strict(),
  })
  .strict();

export const REPORT_CSV_HEADER = "figure,value";
