// Every /api/v1 operation: its request (the very zod schemas lib/validation gives the domain
// functions that read it) and its public responses (this folder's schemas). document.ts turns
// the table into the OpenAPI document; the handlers answer through respond.ts with the same
// response schemas, so the two cannot drift.
import { z } from "zod";
import type { ApiScope } from "../api-tokens/scopes";
import { resolveConflictSchema, reopenConflictSchema, listConflictsSchema } from "../validation/conflict";
import {
  assistanceDecisionSchema,
  assistanceRequestSchema,
  noticeFieldsSchema,
  noticeListSchema,
  recipientPreviewSchema,
  replySchema,
} from "../validation/notice";
import {
  dryRunSchema,
  listOperationsSchema,
  operationInputSchema,
  operationUpdateSchema,
  transitionSchema,
} from "../validation/operation";
import {
  decideRequestSchema,
  editRequestSchema,
  logRequestSchema,
  requestBoxSchema,
  requestListSchema,
  submitRequestSchema,
} from "../validation/request";
import { reportJsonSchema } from "../requests/report-schema";
import { conflict, conflictPage } from "./conflicts";
import * as ex from "./examples";
import {
  acknowledgeNoticeResult,
  assistanceDecisionResult,
  assistanceRequestResult,
  inboxPage,
  notice,
  recipientPreview,
  replyResult,
  sentPage,
} from "./notices";
import {
  cancelOperationResult,
  dryRunResult,
  fileOperationResult,
  operationDetail,
  operationPage,
  updateOperationResult,
} from "./operations";
import { requestCreated, requestDecided, requestDetail, requestEdited, requestList } from "./requests";

export type ApiOperation = {
  method: "get" | "post" | "patch";
  /** OpenAPI path template below /api/v1. */
  path: string;
  operationId: string;
  tag: "Operations" | "Deconfliction" | "Conflicts" | "Notices" | "Requests" | "Reports";
  summary: string;
  description?: string;
  scope: ApiScope;
  query?: z.ZodObject;
  body?: { schema: z.ZodType; optional?: boolean; example?: unknown };
  /** The success response: its status and schema (XML answers name their media type). */
  success: { status: 200 | 201; schema: z.ZodType; description: string; mediaType?: string; example?: unknown };
  /** Failure statuses beyond those every operation can answer (401, 403, 429, 503). */
  errors: number[];
};

const BODY_ERRORS = [400, 413, 415, 422];
const ID = [404];

/** The agency's report period: ?year=2027&quarter=1 (omit quarter for the whole year). */
const reportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});

/** The request a token sends: a federal office submits, a receiving agency logs one received elsewhere. */
const createRequestBody = z.union([submitRequestSchema, logRequestSchema]);

/** The recipient is the notice's; the rest is assistanceRequestSchema's. */
const assistanceRequestBody = z.object({
  kinds: assistanceRequestSchema.shape.kinds,
  note: assistanceRequestSchema.shape.note,
});

const cancelBody = transitionSchema.pick({ version: true, reason: true });

const conflictAction = (path: string, operationId: string, summary: string, body?: ApiOperation["body"]) =>
  ({
    method: "post",
    path: `/conflicts/{id}/${path}`,
    operationId,
    tag: "Conflicts",
    summary,
    scope: "conflicts",
    body,
    success: { status: 200, schema: conflict, description: "The conflict after the step." },
    errors: [...ID, 409, ...(body ? BODY_ERRORS : [])],
  }) satisfies ApiOperation;

const outcomeBody = { schema: resolveConflictSchema, example: ex.outcome };

export const API_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/operations",
    operationId: "listOperations",
    tag: "Operations",
    summary: "The agency's own operations",
    description: "Latest start first, paged by cursor.",
    scope: "read",
    query: listOperationsSchema,
    success: { status: 200, schema: operationPage, description: "A page of operations." },
    errors: [422],
  },
  {
    method: "post",
    path: "/operations",
    operationId: "fileOperation",
    tag: "Operations",
    summary: "File an operation",
    description:
      "The deconfliction check runs and any conflicts are recorded; the agencies concerned are notified (the notice fields say what they are told). Answers 201 with a Location header.",
    scope: "file",
    body: { schema: z.intersection(operationInputSchema, noticeFieldsSchema), example: ex.operationInput },
    success: { status: 201, schema: fileOperationResult, description: "Filed." },
    errors: BODY_ERRORS,
  },
  {
    method: "get",
    path: "/operations/{id}",
    operationId: "getOperation",
    tag: "Operations",
    summary: "One of the agency's operations, with its change history",
    scope: "read",
    success: { status: 200, schema: operationDetail, description: "The operation." },
    errors: ID,
  },
  {
    method: "patch",
    path: "/operations/{id}",
    operationId: "updateOperation",
    tag: "Operations",
    summary: "Edit an operation",
    description: "Send the `version` you read: an edit over a newer version is a 409. The check runs again.",
    scope: "file",
    body: {
      schema: z.intersection(operationUpdateSchema, noticeFieldsSchema),
      example: { version: 1, title: "Warrant service, 1400 block" },
    },
    success: { status: 200, schema: updateOperationResult, description: "Edited." },
    errors: [...ID, 409, ...BODY_ERRORS],
  },
  {
    method: "post",
    path: "/operations/{id}/cancel",
    operationId: "cancelOperation",
    tag: "Operations",
    summary: "Cancel an operation",
    description: "Its OPEN conflicts close with OPERATION_CANCELLED. The body is optional.",
    scope: "file",
    body: { schema: cancelBody, optional: true, example: { reason: "Subject in custody", version: 1 } },
    success: { status: 200, schema: cancelOperationResult, description: "Cancelled." },
    errors: [...ID, 409, ...BODY_ERRORS],
  },
  {
    method: "post",
    path: "/deconfliction/check",
    operationId: "checkDeconfliction",
    tag: "Deconfliction",
    summary: "Dry-run deconfliction check",
    description:
      "An area (at most 50 km across) and a window (at most 7 days) in, the conflicts they would have out. Nothing is stored. Past the per-token or per-agency allowance: 429 with Retry-After.",
    scope: "file",
    body: { schema: dryRunSchema, example: ex.dryRun },
    success: { status: 200, schema: dryRunResult, description: "What the area and window would conflict with." },
    errors: BODY_ERRORS,
  },
  {
    method: "get",
    path: "/conflicts",
    operationId: "listConflicts",
    tag: "Conflicts",
    summary: "The agency's conflict queue",
    description: "OPEN first, most severe, newest.",
    scope: "read",
    query: listConflictsSchema,
    success: { status: 200, schema: conflictPage, description: "A page of conflicts." },
    errors: [422],
  },
  {
    method: "get",
    path: "/conflicts/{id}",
    operationId: "getConflict",
    tag: "Conflicts",
    summary: "One conflict as the agency's side sees it",
    scope: "read",
    success: { status: 200, schema: conflict, description: "The conflict." },
    errors: ID,
  },
  conflictAction("acknowledge", "acknowledgeConflict", "Acknowledge for the agency's side"),
  conflictAction("propose", "proposeConflictOutcome", "Propose how the conflict is settled", outcomeBody),
  conflictAction(
    "resolve",
    "resolveConflict",
    "Propose an outcome (kept for existing callers; as /propose)",
    outcomeBody,
  ),
  conflictAction("confirm", "confirmConflictOutcome", "Confirm the other agency's proposed outcome"),
  conflictAction(
    "contest",
    "contestConflictOutcome",
    "Contest the other agency's proposal with this side's view",
    outcomeBody,
  ),
  conflictAction("reopen", "reopenConflict", "Reopen a resolved conflict", {
    schema: reopenConflictSchema,
    example: { reason: "The other team's window moved." },
  }),
  {
    method: "get",
    path: "/notices",
    operationId: "listNotices",
    tag: "Notices",
    summary: "Inbox (box=inbox) or sent notices (box=sent)",
    scope: "read",
    query: noticeListSchema,
    success: {
      status: 200,
      schema: z.union([inboxPage, sentPage]),
      description: "box=inbox: an InboxPage; box=sent: a SentPage.",
    },
    errors: [422],
  },
  {
    method: "post",
    path: "/notices/preview",
    operationId: "previewRecipients",
    tag: "Notices",
    summary: "Who would be notified of an operation with this area and window",
    description: "A dry run with the same limits as the deconfliction check.",
    scope: "file",
    body: { schema: z.intersection(dryRunSchema, recipientPreviewSchema), example: ex.dryRun },
    success: { status: 200, schema: recipientPreview, description: "The recipients and their lead times." },
    errors: BODY_ERRORS,
  },
  {
    method: "get",
    path: "/notices/{id}",
    operationId: "getNotice",
    tag: "Notices",
    summary: "One notice, its thread, escalation and delivery",
    scope: "read",
    success: { status: 200, schema: notice, description: "The notice." },
    errors: ID,
  },
  {
    method: "get",
    path: "/notices/{id}/cap",
    operationId: "getNoticeCap",
    tag: "Notices",
    summary: "The notice as an OASIS CAP 1.2 message",
    description: "?ack=1 for its acknowledgment (msgType Ack).",
    scope: "read",
    query: z.object({ ack: z.enum(["1"]).optional() }),
    success: {
      status: 200,
      schema: z.string(),
      mediaType: "application/xml",
      description: "A CAP 1.2 alert, as an attachment.",
    },
    errors: [...ID, 409],
  },
  {
    method: "post",
    path: "/notices/{id}/acknowledge",
    operationId: "acknowledgeNotice",
    tag: "Notices",
    summary: "Acknowledge a notice (the recipient); escalation stops",
    scope: "file",
    success: { status: 200, schema: acknowledgeNoticeResult, description: "Acknowledged (again: the first time)." },
    errors: [...ID, 409],
  },
  {
    method: "post",
    path: "/notices/{id}/replies",
    operationId: "replyToNotice",
    tag: "Notices",
    summary: "Reply on the notice's thread",
    scope: "file",
    body: { schema: replySchema, example: { kind: "TEXT", body: "Our unit will stay clear of the 1400 block." } },
    success: { status: 201, schema: replyResult, description: "Posted." },
    errors: [...ID, 409, ...BODY_ERRORS],
  },
  {
    method: "post",
    path: "/notices/{id}/assistance-request",
    operationId: "requestAssistance",
    tag: "Notices",
    summary: "Ask the notice's recipient for help (the sender)",
    scope: "file",
    body: {
      schema: assistanceRequestBody,
      example: { kinds: ["TRAFFIC_CONTROL"], note: "Two units at the north corner." },
    },
    success: { status: 201, schema: assistanceRequestResult, description: "The request was sent." },
    errors: [...ID, 409, ...BODY_ERRORS],
  },
  {
    method: "post",
    path: "/notices/{id}/assistance",
    operationId: "decideAssistance",
    tag: "Notices",
    summary: "Accept or decline an assistance request (the recipient)",
    scope: "file",
    body: { schema: assistanceDecisionSchema, example: { decision: "ACCEPTED", reason: "Two units available." } },
    success: { status: 200, schema: assistanceDecisionResult, description: "Decided." },
    errors: [...ID, 409, ...BODY_ERRORS],
  },
  {
    method: "get",
    path: "/requests",
    operationId: "listRequests",
    tag: "Requests",
    summary: "Pending queue (box=queue), full log (box=log) or submitted requests (box=submitted)",
    scope: "read",
    query: requestBoxSchema.extend(requestListSchema.shape),
    success: { status: 200, schema: requestList, description: "The requests." },
    errors: [422],
  },
  {
    method: "post",
    path: "/requests",
    operationId: "createRequest",
    tag: "Requests",
    summary: "Submit a request (a federal office) or log one received elsewhere (a receiving agency)",
    scope: "file",
    body: { schema: createRequestBody, example: ex.logRequest },
    success: { status: 201, schema: requestCreated, description: "Recorded." },
    errors: BODY_ERRORS,
  },
  {
    method: "get",
    path: "/requests/{id}",
    operationId: "getRequest",
    tag: "Requests",
    summary: "One request, for its receiving agency or the federal office that submitted it",
    scope: "read",
    success: { status: 200, schema: requestDetail, description: "The request." },
    errors: ID,
  },
  {
    method: "patch",
    path: "/requests/{id}",
    operationId: "editRequest",
    tag: "Requests",
    summary: "Correct the agency's log of a request; the decision is never edited",
    scope: "file",
    body: { schema: editRequestSchema, example: { basisCourt: "N.D. Ill." } },
    success: { status: 200, schema: requestEdited, description: "Corrected." },
    errors: [...ID, 409, ...BODY_ERRORS],
  },
  {
    method: "post",
    path: "/requests/{id}/decision",
    operationId: "decideRequest",
    tag: "Requests",
    summary: "Command's decision on a request",
    description: "Made by a person of command rank: an agency token is refused (403) unless it acts for one.",
    scope: "file",
    body: { schema: decideRequestSchema, example: ex.decision },
    success: { status: 200, schema: requestDecided, description: "Decided." },
    errors: [...ID, 409, ...BODY_ERRORS],
  },
  {
    method: "get",
    path: "/reports",
    operationId: "getReport",
    tag: "Reports",
    summary: "The agency's own request report for a quarter or a year",
    scope: "read",
    query: reportQuery,
    success: {
      status: 200,
      schema: reportJsonSchema,
      description: "The report (docs/federal-request-report.schema.json).",
    },
    errors: [422],
  },
];
