// Sign-in and account input, shared by the browser forms and the server. The common-password
// check needs the server's list, so lib/auth/password.ts applies it on top of these schemas.
import { z } from "zod";
import { msg } from "../i18n/issue";
import { LOCALES } from "../i18n/locales";
import { storableString } from "./text";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const emailSchema = storableString({ message: msg("errors.required") })
  .trim()
  .toLowerCase()
  .min(1, { message: msg("errors.required") })
  .max(200, { message: msg("errors.tooLong", { max: 200 }) })
  .pipe(z.email({ message: msg("errors.invalidEmail") }));

/** A password being set: the length rule of the policy. */
export const newPasswordSchema = storableString({ message: msg("errors.required") })
  .min(PASSWORD_MIN_LENGTH, { message: msg("auth.password.tooShort", { min: PASSWORD_MIN_LENGTH }) })
  .max(PASSWORD_MAX_LENGTH, { message: msg("auth.password.tooLong", { max: PASSWORD_MAX_LENGTH }) });

/** A password being checked: anything non-empty (the policy may have changed since it was set). */
const givenPasswordSchema = storableString({ message: msg("errors.required") })
  .min(1, { message: msg("errors.required") })
  .max(1024, { message: msg("errors.tooLong", { max: 1024 }) });

export const totpCodeSchema = storableString({ message: msg("errors.required") })
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(storableString().regex(/^\d{6}$/, { message: msg("auth.signIn.codeFormat") }));

/** Step one of signing in. */
export const credentialsSchema = z.object({ email: emailSchema, password: givenPasswordSchema });
export type CredentialsInput = z.infer<typeof credentialsSchema>;

/** Step two: the same credentials again, with the authenticator code. */
export const signInSchema = credentialsSchema.extend({ code: totpCodeSchema });
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: givenPasswordSchema,
    newPassword: newPasswordSchema,
    confirmPassword: storableString({ message: msg("errors.required") }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: msg("auth.password.mismatch"),
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const localePreferenceSchema = z.object({ locale: z.enum(LOCALES, { message: msg("errors.invalid") }) });
export type LocalePreferenceInput = z.infer<typeof localePreferenceSchema>;
