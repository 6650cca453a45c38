// Audit log filters, read from the query string. Bad values are dropped rather than refused:
// a hand-edited URL shows the unfiltered log, never an error page.
import { z } from "zod";
import { storableString } from "./text";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const SEQ = /^\d{1,18}$/;
/** A real calendar date, YYYY-MM-DD (what a date input sends). */
const date = storableString()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  });

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional()).catch(undefined);

export const AUDIT_OUTCOMES = ["SUCCESS", "FAILURE", "DENIED"] as const;

export const auditFilterSchema = z.object({
  action: optional(storableString().trim().max(100)),
  outcome: optional(z.enum(AUDIT_OUTCOMES)),
  actor: optional(z.uuid()),
  from: optional(date),
  to: optional(date),
  before: optional(storableString().regex(SEQ)),
  after: optional(storableString().regex(SEQ)),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
