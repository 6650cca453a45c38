// The public record's drafts: a policy, a 287(g) agreement or the agency's statement, with its
// Spanish text. Shared by the admin form and the server action; messages are i18n keys.
import { z } from "zod";
import type { Agreement287gModel, Agreement287gStatus, PublicDocumentKind } from "../db/generated/enums";
import { msg } from "../i18n/issue";
import { storableString } from "./text";

export const DOCUMENT_KINDS = [
  "POLICY",
  "AGREEMENT_287G",
  "STATEMENT",
] as const satisfies readonly PublicDocumentKind[];
export const AGREEMENT_MODELS = [
  "JAIL_ENFORCEMENT",
  "WARRANT_SERVICE_OFFICER",
  "TASK_FORCE",
] as const satisfies readonly Agreement287gModel[];
export const AGREEMENT_STATUSES = [
  "ACTIVE",
  "EXPIRED",
  "TERMINATED",
  "NONE",
] as const satisfies readonly Agreement287gStatus[];

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 2_000;
/** A policy's full text: long enough for any real policy, small enough to keep public pages light. */
export const BODY_MAX = 60_000;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const required = (max: number) =>
  storableString({ message: msg("errors.required") })
    .trim()
    .min(1, { message: msg("errors.required") })
    .max(max, { message: msg("errors.tooLong", { max }) });
const optional = (max: number) =>
  z.preprocess(
    blank,
    storableString()
      .trim()
      .max(max, { message: msg("errors.tooLong", { max }) })
      .optional(),
  );
const day = z.preprocess(blank, z.iso.date({ message: msg("errors.invalid") }).optional());

export const draftSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS, { message: msg("errors.invalid") }),
    documentId: z.preprocess(blank, z.uuid({ message: msg("errors.invalid") }).optional()),
    title: required(TITLE_MAX),
    summary: required(SUMMARY_MAX),
    body: required(BODY_MAX),
    titleEs: optional(TITLE_MAX),
    summaryEs: optional(SUMMARY_MAX),
    bodyEs: optional(BODY_MAX),
    effectiveOn: day,
    nextReviewOn: day,
    agreementModel: z.preprocess(blank, z.enum(AGREEMENT_MODELS, { message: msg("errors.invalid") }).optional()),
    agreementStatus: z.preprocess(blank, z.enum(AGREEMENT_STATUSES, { message: msg("errors.invalid") }).optional()),
    signedOn: day,
    renewalOn: day,
    designatedOfficers: z.preprocess(
      blank,
      z.coerce
        .number({ message: msg("errors.invalid") })
        .int({ message: msg("errors.invalid") })
        .min(0, { message: msg("errors.invalid") })
        .max(10_000, { message: msg("errors.invalid") })
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "STATEMENT" && !v.effectiveOn)
      ctx.addIssue({ code: "custom", path: ["effectiveOn"], message: msg("errors.required") });
    if (v.kind === "AGREEMENT_287G") {
      if (!v.agreementStatus)
        ctx.addIssue({ code: "custom", path: ["agreementStatus"], message: msg("errors.required") });
      if (v.agreementStatus && v.agreementStatus !== "NONE") {
        if (!v.agreementModel)
          ctx.addIssue({ code: "custom", path: ["agreementModel"], message: msg("errors.required") });
        if (!v.signedOn) ctx.addIssue({ code: "custom", path: ["signedOn"], message: msg("errors.required") });
        if (v.designatedOfficers === undefined)
          ctx.addIssue({ code: "custom", path: ["designatedOfficers"], message: msg("errors.required") });
      }
    }
    if (v.signedOn && v.renewalOn && v.renewalOn < v.signedOn)
      ctx.addIssue({ code: "custom", path: ["renewalOn"], message: msg("publicRecord.errors.renewalBeforeSigned") });
    // Spanish text comes whole or not at all: a page never mixes languages within a document.
    const es = [v.titleEs, v.summaryEs, v.bodyEs];
    if (es.some(Boolean) && !es.every(Boolean))
      for (const [k, val] of [
        ["titleEs", v.titleEs],
        ["summaryEs", v.summaryEs],
        ["bodyEs", v.bodyEs],
      ] as const)
        if (!val)
          ctx.addIssue({ code: "custom", path: [k], message: msg("publicRecord.errors.translationIncomplete") });
  });

export type DraftInput = z.infer<typeof draftSchema>;

export const publishSchema = z.object({ versionId: z.uuid({ message: msg("errors.invalid") }) });
