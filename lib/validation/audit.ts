// Audit log filters, read from the query string. The page names what it could not read and
// ignores it (auditFilterStrictSchema finds it); auditFilterSchema drops bad values, so a
// hand-edited URL shows a message and the log, never an error page.
import { z } from "zod";
import { msg } from "../i18n/issue";
import { AUDIT_GROUP_NAMES } from "../audit/action-codes";
import { listDate } from "./lists";
import { storableString } from "./text";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const SEQ = /^\d{1,18}$/;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

export const AUDIT_OUTCOMES = ["SUCCESS", "FAILURE", "DENIED"] as const;

const fields = {
  /** An action group (sign-in, notices, …): what the form offers. */
  group: optional(z.enum(AUDIT_GROUP_NAMES as [string, ...string[]], { message: msg("errors.invalid") })),
  /** An action code prefix, for links and the API. */
  action: optional(
    storableString()
      .trim()
      .max(100, { message: msg("errors.tooLong", { max: 100 }) }),
  ),
  outcome: optional(z.enum(AUDIT_OUTCOMES, { message: msg("errors.invalid") })),
  actor: optional(z.uuid({ message: msg("errors.invalid") })),
  from: optional(listDate),
  to: optional(listDate),
  before: optional(storableString().regex(SEQ, { message: msg("lists.validation.cursor") })),
  after: optional(storableString().regex(SEQ, { message: msg("lists.validation.cursor") })),
};

export const auditFilterStrictSchema = z.object(fields);

export const auditFilterSchema = z.object(
  Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.catch(undefined)])) as {
    [K in keyof typeof fields]: z.ZodCatch<(typeof fields)[K]>;
  },
);
export type AuditFilter = z.infer<typeof auditFilterSchema>;
