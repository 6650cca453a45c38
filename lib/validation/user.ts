// User administration input, shared by the agency admin's forms and the server.
import { z } from "zod";
import { msg } from "../i18n/issue";
import type { Role } from "../db/generated/enums";
import { emailSchema, newPasswordSchema } from "./auth";
import { storableString } from "./text";

export const ROLE_LIST = [
  "LIAISON",
  "SUPERVISOR",
  "CHIEF",
  "AGENCY_ADMIN",
  "AUDITOR",
] as const satisfies readonly Role[];

const roles = z.preprocess(
  (v) => (typeof v === "string" ? [v] : (v ?? [])),
  z
    .array(z.enum(ROLE_LIST, { message: msg("errors.invalid") }))
    .min(1, { message: msg("admin.users.rolesRequired") })
    .transform((list) => ROLE_LIST.filter((r) => list.includes(r))),
);

const uuid = z.uuid({ message: msg("errors.notFound") });

export const createUserSchema = z.object({
  name: storableString({ message: msg("errors.required") })
    .trim()
    .min(2, { message: msg("errors.tooShort", { min: 2 }) })
    .max(120, { message: msg("errors.tooLong", { max: 120 }) }),
  email: emailSchema,
  title: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    storableString()
      .trim()
      .max(120, { message: msg("errors.tooLong", { max: 120 }) })
      .optional(),
  ),
  roles,
  // The common-password rule needs the server's list; createUser applies it on top.
  password: newPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRolesSchema = z.object({ userId: uuid, roles });
export type ChangeRolesInput = z.infer<typeof changeRolesSchema>;

export const userIdSchema = z.object({ userId: uuid });
export type UserIdInput = z.infer<typeof userIdSchema>;
