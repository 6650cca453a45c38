// What an agency admin enters to create an API token: a name to recognise it by, what it may do
// (at least one scope; see lib/api-tokens/scopes.ts) and, optionally, the last day it works
// (a date in the agency's time zone; the token stops at the end of that day).
import { z } from "zod";
import { API_SCOPES } from "../api-tokens/scopes";
import { msg } from "../i18n/issue";
import { storableString } from "./text";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const apiTokenInputSchema = z.object({
  name: storableString({ message: msg("errors.required") })
    .trim()
    .min(3, { message: msg("errors.tooShort", { min: 3 }) })
    .max(80, { message: msg("errors.tooLong", { max: 80 }) }),
  scopes: z
    .array(z.enum(API_SCOPES, { message: msg("api.tokens.scopeUnknown") }), {
      message: msg("api.tokens.scopeRequired"),
    })
    .min(1, { message: msg("api.tokens.scopeRequired") })
    .transform((values) => API_SCOPES.filter((s) => values.includes(s))),
  /** "YYYY-MM-DD", or empty for a token that does not expire. */
  expiresOn: storableString()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || (DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), {
      message: msg("api.tokens.expiryInvalid"),
    }),
});
export type ApiTokenInput = z.input<typeof apiTokenInputSchema>;
