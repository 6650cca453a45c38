// What an agency admin enters to create an API token: just a name to recognise it by.
import { z } from "zod";
import { msg } from "../i18n/issue";
import { storableString } from "./text";

export const apiTokenInputSchema = z.object({
  name: storableString({ message: msg("errors.required") })
    .trim()
    .min(3, { message: msg("errors.tooShort", { min: 3 }) })
    .max(80, { message: msg("errors.tooLong", { max: 80 }) }),
});
export type ApiTokenInput = z.infer<typeof apiTokenInputSchema>;
