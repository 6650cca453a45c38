// The first platform administrator of a real installation, created from the command line
// (`npm run admin:create`): who they are, and the agency that hosts them (an existing one by
// slug, or a new one, as on an empty database). The second factor is enrolled at first sign-in.
import { z } from "zod";
import { msg } from "../i18n/issue";
import { agencySchema } from "./agency";
import { storableString } from "./text";
import { createUserSchema, ROLE_LIST } from "./user";

export const platformAdminSchema = z
  .object({
    email: createUserSchema.shape.email,
    name: createUserSchema.shape.name,
    title: createUserSchema.shape.title,
    // The common-password rule needs the server's list; createPlatformAdmin applies it on top.
    password: createUserSchema.shape.password,
    // Roles in the host agency besides platform administration (none by default).
    roles: z.array(z.enum(ROLE_LIST, { message: msg("errors.invalid") })).default([]),
    // The host agency: an existing one by slug, or a new one (on an empty database).
    agencySlug: storableString()
      .trim()
      .toLowerCase()
      .min(1, { message: msg("errors.required") })
      .optional(),
    newAgency: agencySchema.optional(),
  })
  .refine((d) => (d.agencySlug === undefined) !== (d.newAgency === undefined), {
    message: msg("platform.firstAdmin.agencyRequired"),
    path: ["agencySlug"],
  });
export type PlatformAdminInput = z.infer<typeof platformAdminSchema>;
