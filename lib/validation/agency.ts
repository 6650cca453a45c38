// Agency input: the contacts and settings an agency admin edits, and the full record a platform
// admin creates. Shared by the forms and the server; messages are i18n keys.
import { z } from "zod";
import { msg } from "../i18n/issue";
import { isValidTimeZone } from "../i18n/format";
import { storableString } from "./text";

export const AGENCY_LEVELS = ["FEDERAL", "STATE", "LOCAL", "TRIBAL"] as const;
export const AGENCY_KINDS = [
  "SHERIFF",
  "POLICE",
  "STATE_PATROL",
  "FEDERAL_FIELD_OFFICE",
  "PROSECUTOR",
  "TRIBAL_POLICE",
  "OTHER",
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Languages an agency can take notices in (ISO 639-1); names come from Intl.DisplayNames. */
export const NOTICE_LANGUAGES = [
  "en",
  "es",
  "pl",
  "zh",
  "ar",
  "ko",
  "tl",
  "vi",
  "ru",
  "uk",
  "hi",
  "ur",
  "gu",
  "fr",
  "ht",
  "it",
  "el",
  "de",
] as const;

/** A boundary may hold at most this many positions: enough for a detailed county, small enough to store and draw. */
export const MAX_BOUNDARY_POSITIONS = 50_000;

const PHONE = /^\+?[0-9(][0-9 ().-]{5,23}[0-9]$/;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const phone = storableString({ message: msg("errors.required") })
  .trim()
  .min(1, { message: msg("errors.required") })
  .regex(PHONE, { message: msg("errors.invalidPhone") })
  .refine((v) => v.replace(/\D/g, "").length >= 7, { message: msg("errors.invalidPhone") });

const optionalPhone = z.preprocess(blankToUndefined, phone.optional());
const optionalEmail = z.preprocess(
  blankToUndefined,
  storableString()
    .trim()
    .toLowerCase()
    .max(200, { message: msg("errors.tooLong", { max: 200 }) })
    .pipe(z.email({ message: msg("errors.invalidEmail") }))
    .optional(),
);
const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    storableString()
      .trim()
      .max(max, { message: msg("errors.tooLong", { max }) })
      .optional(),
  );

/** An integer field that arrives as text from a form, or as a number from an API. */
export function intField(min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
    z
      .number({ message: msg("errors.invalidNumber") })
      .int({ message: msg("errors.invalidNumber") })
      .min(min, { message: msg("errors.outOfRange", { min, max }) })
      .max(max, { message: msg("errors.outOfRange", { min, max }) }),
  );
}

const languages = z.preprocess(
  (v) => (typeof v === "string" ? [v] : v),
  z
    .array(z.enum(NOTICE_LANGUAGES, { message: msg("errors.invalid") }), {
      message: msg("admin.settings.languagesRequired"),
    })
    .min(1, { message: msg("admin.settings.languagesRequired") })
    .transform((list) => [...new Set(list)]),
);

/** What an agency admin may change about their own agency. */
export const agencySettingsSchema = z.object({
  phone24x7: phone,
  email: optionalEmail,
  backupContactName: optionalText(120),
  backupContactPhone: optionalPhone,
  backupContactEmail: optionalEmail,
  languages,
  noticeLeadHours: intField(0, 720),
  proximityBufferM: intField(0, 50_000),
  timeBufferMinutes: intField(0, 1_440),
  ackWindowMinutes: intField(5, 1_440),
});
export type AgencySettingsInput = z.infer<typeof agencySettingsSchema>;

const coordinate = z.number({ message: msg("platform.boundary.position") });
const position = z
  .tuple([coordinate, coordinate], { message: msg("platform.boundary.position") })
  .rest(coordinate)
  .refine(([lon, lat]) => lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, {
    message: msg("platform.boundary.outOfRange"),
  })
  .transform(([lon, lat]) => [lon, lat] as [number, number]);

const ring = z
  .array(position, { message: msg("platform.boundary.shape") })
  .min(4, { message: msg("platform.boundary.ringTooShort") })
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], {
    message: msg("platform.boundary.ringNotClosed"),
  });

const polygonCoords = z
  .array(ring, { message: msg("platform.boundary.shape") })
  .min(1, { message: msg("platform.boundary.shape") });

export type MultiPolygon = { type: "MultiPolygon"; coordinates: [number, number][][][] };

/** A GeoJSON MultiPolygon (a Polygon is accepted and wrapped), in longitude/latitude. */
export const multiPolygonSchema = z
  .discriminatedUnion(
    "type",
    [
      z.object({
        type: z.literal("MultiPolygon"),
        coordinates: z
          .array(polygonCoords, { message: msg("platform.boundary.shape") })
          .min(1, { message: msg("platform.boundary.shape") }),
      }),
      z.object({ type: z.literal("Polygon"), coordinates: polygonCoords }),
    ],
    { message: msg("platform.boundary.notMultiPolygon") },
  )
  .transform((g): MultiPolygon => ({
    type: "MultiPolygon",
    coordinates: g.type === "Polygon" ? [g.coordinates] : g.coordinates,
  }))
  .refine((g) => g.coordinates.flat(2).length <= MAX_BOUNDARY_POSITIONS, {
    message: msg("platform.boundary.tooLarge", { max: MAX_BOUNDARY_POSITIONS }),
  });

/** A boundary pasted as text: empty means "no mapped jurisdiction". */
const boundaryText = z.preprocess(
  blankToUndefined,
  storableString()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: msg("platform.boundary.invalidJson") });
        return z.NEVER;
      }
    })
    .pipe(multiPolygonSchema)
    .optional(),
);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The full agency record a platform admin creates or edits. */
export const agencySchema = agencySettingsSchema.extend({
  name: storableString({ message: msg("errors.required") })
    .trim()
    .min(3, { message: msg("errors.tooShort", { min: 3 }) })
    .max(160, { message: msg("errors.tooLong", { max: 160 }) }),
  shortName: storableString({ message: msg("errors.required") })
    .trim()
    .min(2, { message: msg("errors.tooShort", { min: 2 }) })
    .max(40, { message: msg("errors.tooLong", { max: 40 }) }),
  slug: storableString({ message: msg("errors.required") })
    .trim()
    .toLowerCase()
    .min(3, { message: msg("errors.tooShort", { min: 3 }) })
    .max(60, { message: msg("errors.tooLong", { max: 60 }) })
    .regex(SLUG, { message: msg("platform.form.slugFormat") }),
  level: z.enum(AGENCY_LEVELS, { message: msg("errors.required") }),
  kind: z.enum(AGENCY_KINDS, { message: msg("errors.required") }),
  timeZone: storableString({ message: msg("errors.required") })
    .trim()
    .min(1, { message: msg("errors.required") })
    .refine(isValidTimeZone, { message: msg("errors.invalidTimeZone") }),
  boundary: boundaryText,
  active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});
export type AgencyInput = z.infer<typeof agencySchema>;

/** Directory search, from the query string. */
export const directoryFilterSchema = z.object({
  q: z.preprocess(blankToUndefined, storableString().trim().max(100).optional()).catch(undefined),
  level: z.preprocess(blankToUndefined, z.enum(AGENCY_LEVELS).optional()).catch(undefined),
  kind: z.preprocess(blankToUndefined, z.enum(AGENCY_KINDS).optional()).catch(undefined),
});
export type DirectoryFilter = z.infer<typeof directoryFilterSchema>;
