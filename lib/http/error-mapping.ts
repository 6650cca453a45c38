// The one place a failure becomes what the caller is told: an HTTP status, a stable code, a
// message (an i18n key with its parameters, safe to show) and, for validation, the fields at
// fault. Server actions (action-result.ts), route handlers (api-error.ts, token-route.ts), file
// downloads and the production server's /api/v1 path all answer from it. Anything not thrown on
// purpose is a 500 with a generic message and a request id, for the caller to log; its message
// and stack never leave the server.
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { isAppError, ValidationError, zodIssues, type FieldIssue } from "@/lib/errors";
import { msg } from "@/lib/i18n/issue";

export type MappedError = {
  status: number;
  code: string;
  /** An i18n key with its namespace, and its parameters as msg() writes them ("errors.generic::{…}"). */
  message: string;
  /** The fields at fault (validation only), each message as the schema wrote it. */
  issues?: FieldIssue[];
  /** Seconds, for a 429's Retry-After. */
  retryAfter?: number;
  /** False for anything not thrown on purpose: the caller logs it, with the request id. */
  expected: boolean;
  requestId: string;
};

/** A bare key ("notFound") is in the errors namespace; a dotted one ("api.notFound") names its own. */
export function qualifiedKey(key: string): string {
  return key.includes(".") ? key : `errors.${key}`;
}

export function mapError(e: unknown, requestId: string = randomUUID()): MappedError {
  if (e instanceof ZodError) {
    return {
      status: 422,
      code: "VALIDATION",
      message: "errors.validation",
      issues: zodIssues(e),
      expected: true,
      requestId,
    };
  }
  if (isAppError(e)) {
    const mapped: MappedError = {
      status: e.status,
      code: e.code,
      message: msg(qualifiedKey(e.message), e.params),
      expected: true,
      requestId,
    };
    if (e instanceof ValidationError) mapped.issues = e.issues;
    // Every 429 says when to come back, whichever limit refused it.
    const retryAfter = e.status === 429 ? Number(e.params?.retryAfterSec ?? e.params?.retryAfter) : NaN;
    if (Number.isFinite(retryAfter)) mapped.retryAfter = Math.max(1, Math.ceil(retryAfter));
    return mapped;
  }
  return { status: 500, code: "INTERNAL", message: msg("errors.generic", { requestId }), expected: false, requestId };
}
