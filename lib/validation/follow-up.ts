// What an operation's agency writes after filing: the after-action account an exigent operation
// owes, and one person's filing defaults. Shared by the forms and the server. Messages are i18n
// keys. Nothing here is about the people an operation targets; the form says so.
import { z } from "zod";
import { msg } from "../i18n/issue";
import { storableString } from "./text";

export const ACCOUNT_TEXT_MAX = 4_000;
export const WHY_MAX = 2_000;
export const MAX_PHONE_CONTACTS = 30;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const required = (max: number) =>
  storableString({ message: msg("errors.required") })
    .trim()
    .min(1, { message: msg("errors.required") })
    .max(max, { message: msg("errors.tooLong", { max }) });
const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    storableString()
      .trim()
      .max(max, { message: msg("errors.tooLong", { max }) })
      .optional(),
  );
const PHONE = /^\+?[0-9][0-9 ().-]{5,23}[0-9]$/;

/** An agency called by phone: one from the directory (by id) or one named by hand. */
export const phoneContactSchema = z.union([
  z.object({ agencyId: z.uuid({ message: msg("errors.invalid") }) }),
  z.object({ name: required(160) }),
]);

export const afterActionSchema = z.object({
  whatHappened: required(ACCOUNT_TEXT_MAX),
  whyNoNotice: required(WHY_MAX),
  phoneContacts: z
    .array(phoneContactSchema)
    .max(MAX_PHONE_CONTACTS, { message: msg("followUp.errors.tooManyContacts", { max: MAX_PHONE_CONTACTS }) })
    .default([]),
});
export type AfterActionInput = z.infer<typeof afterActionSchema>;

/** Everything optional: a blank field clears that default. */
export const filingDefaultsSchema = z.object({
  commanderName: optionalText(120),
  commanderPhone: z.preprocess(
    blankToUndefined,
    storableString()
      .trim()
      .regex(PHONE, { message: msg("errors.invalidPhone") })
      .optional(),
  ),
  commsPlan: optionalText(1_000),
  radioChannel: optionalText(80),
});
export type FilingDefaultsInput = z.infer<typeof filingDefaultsSchema>;
