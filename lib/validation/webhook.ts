// What an agency admin enters for a webhook endpoint: where to send (the address rules that
// depend on the deployment are checked in lib/webhooks/url-safety.ts) and which events.
import { z } from "zod";
import { msg } from "../i18n/issue";
import { WEBHOOK_EVENTS } from "../webhooks/events";
import { storableString } from "./text";

export const WEBHOOK_URL_MAX = 2000;

export const webhookEndpointInputSchema = z.object({
  url: storableString({ message: msg("webhooks.errors.urlRequired") })
    .trim()
    .min(1, { message: msg("webhooks.errors.urlRequired") })
    .max(WEBHOOK_URL_MAX, { message: msg("errors.tooLong", { max: WEBHOOK_URL_MAX }) }),
  description: storableString()
    .trim()
    .max(120, { message: msg("errors.tooLong", { max: 120 }) })
    .optional()
    .transform((v) => v ?? ""),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { message: msg("webhooks.errors.eventUnknown") }), {
      message: msg("webhooks.errors.eventRequired"),
    })
    .min(1, { message: msg("webhooks.errors.eventRequired") })
    .transform((values) => WEBHOOK_EVENTS.filter((e) => values.includes(e))),
});
export type WebhookEndpointInput = z.input<typeof webhookEndpointInputSchema>;
