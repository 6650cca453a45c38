// The one error mapping: every typed error keeps its status, code and message key; validation
// names its fields; a 429 says when to come back; anything else is a 500 with a generic message
// and a request id, and nothing of the error itself.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as errors from "@/lib/errors";
import { messagesFor } from "@/lib/i18n/catalog";
import { translateIssue } from "@/lib/i18n/issue";
import { LOCALES } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { mapError, qualifiedKey } from "./error-mapping";

type Case = { make: () => errors.AppError; status: number; code: string; message: string };

// One row per AppError subclass in lib/errors.ts, made as the code makes it.
const CASES: Record<string, Case> = {
  AppError: { make: () => new errors.AppError("generic"), status: 500, code: "INTERNAL", message: "errors.generic" },
  ValidationError: {
    make: () => new errors.ValidationError([{ path: "name", message: "required" }]),
    status: 422,
    code: "VALIDATION",
    message: "errors.validation",
  },
  NotFoundError: { make: () => new errors.NotFoundError(), status: 404, code: "NOT_FOUND", message: "errors.notFound" },
  ForbiddenError: {
    make: () => new errors.ForbiddenError(),
    status: 403,
    code: "FORBIDDEN",
    message: "errors.forbidden",
  },
  UnauthorizedError: {
    make: () => new errors.UnauthorizedError("api.invalidToken"),
    status: 401,
    code: "UNAUTHORIZED",
    message: "api.invalidToken",
  },
  ConflictError: { make: () => new errors.ConflictError(), status: 409, code: "CONFLICT", message: "errors.conflict" },
  RateLimitError: {
    make: () => new errors.RateLimitError("api.rateLimited", { retryAfter: 7 }),
    status: 429,
    code: "RATE_LIMITED",
    message: 'api.rateLimited::{"retryAfter":7}',
  },
  BadRequestError: {
    make: () => new errors.BadRequestError("api.bodyNotObject"),
    status: 400,
    code: "BAD_REQUEST",
    message: "api.bodyNotObject",
  },
  UnsupportedMediaTypeError: {
    make: () => new errors.UnsupportedMediaTypeError("api.unsupportedMediaType"),
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "api.unsupportedMediaType",
  },
  PayloadTooLargeError: {
    make: () => new errors.PayloadTooLargeError("api.bodyTooLarge", { max: 10 }),
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
    message: 'api.bodyTooLarge::{"max":10}',
  },
  InsufficientScopeError: {
    make: () => new errors.InsufficientScopeError("api.scopeRequired", { scope: "file" }),
    status: 403,
    code: "INSUFFICIENT_SCOPE",
    message: 'api.scopeRequired::{"scope":"file"}',
  },
  MethodNotAllowedError: {
    make: () => new errors.MethodNotAllowedError("api.methodNotAllowed"),
    status: 405,
    code: "METHOD_NOT_ALLOWED",
    message: "api.methodNotAllowed",
  },
  UnavailableError: {
    make: () => new errors.UnavailableError("generic", { requestId: "r-1" }),
    status: 503,
    code: "UNAVAILABLE",
    message: 'errors.generic::{"requestId":"r-1"}',
  },
};

const errorClasses = Object.entries(errors).filter(
  ([, v]) => typeof v === "function" && (v === errors.AppError || v.prototype instanceof errors.AppError),
);

describe("mapError", () => {
  it("has a row for every AppError subclass in lib/errors.ts", () => {
    expect(Object.keys(CASES).sort()).toEqual(errorClasses.map(([name]) => name).sort());
  });

  it.each(Object.entries(CASES))("maps %s to its status, code and message key", (name, c) => {
    const e = c.make();
    expect(e.constructor.name).toBe(name);
    const mapped = mapError(e, "req-1");
    expect(mapped).toMatchObject({ status: c.status, code: c.code, message: c.message, expected: true });
    expect(mapped.requestId).toBe("req-1");
  });

  it("gives every typed error's message a text in every language", () => {
    for (const locale of LOCALES) {
      const t = createTranslator(messagesFor(locale), locale);
      for (const c of Object.values(CASES)) {
        const { message } = mapError(c.make(), "req-1");
        expect(translateIssue(t, message), `${locale}: ${message}`).not.toMatch(/^(errors|api)\./);
      }
    }
  });

  it("keeps a validation error's fields", () => {
    const mapped = mapError(
      new errors.ValidationError([{ path: "area.radius", message: 'outOfRange::{"min":1,"max":5}' }]),
    );
    expect(mapped.issues).toEqual([{ path: "area.radius", message: 'outOfRange::{"min":1,"max":5}' }]);
  });

  it("maps a zod error to 422 with the dotted path of every field at fault", () => {
    const schema = z.object({ name: z.string().min(1, "required"), area: z.object({ radius: z.number() }) });
    const result = schema.safeParse({ name: "", area: { radius: "wide" } });
    expect(result.success).toBe(false);
    const mapped = mapError(result.error, "req-2");
    expect(mapped).toMatchObject({ status: 422, code: "VALIDATION", message: "errors.validation", expected: true });
    expect(mapped.issues?.map((i) => i.path)).toEqual(["name", "area.radius"]);
    expect(mapped.issues?.[0].message).toBe("required");
  });

  it("says when to come back on a 429, whichever parameter the limit used", () => {
    expect(mapError(new errors.RateLimitError("api.rateLimited", { retryAfter: 12 })).retryAfter).toBe(12);
    expect(mapError(new errors.RateLimitError("operations.preview.rateLimited", { retryAfterSec: 3 })).retryAfter).toBe(
      3,
    );
    expect(mapError(new errors.RateLimitError()).retryAfter).toBeUndefined();
    expect(mapError(new errors.ConflictError("conflict", { retryAfter: 5 })).retryAfter).toBeUndefined();
  });

  it.each([
    ["an Error", new Error('relation "Operation" does not exist at /srv/app/lib/db.ts:12')],
    ["a TypeError", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["a thrown string", "secret connection string postgres://u:p@h/db"],
    ["null", null],
    ["an object with a status", { status: 404, message: "not really" }],
  ])("maps %s to a generic 500 with the request id and nothing of the error", (_name, thrown) => {
    const mapped = mapError(thrown, "req-3");
    expect(mapped).toEqual({
      status: 500,
      code: "INTERNAL",
      message: 'errors.generic::{"requestId":"req-3"}',
      expected: false,
      requestId: "req-3",
    });
  });

  it("makes a request id when none is given", () => {
    const mapped = mapError(new Error("boom"));
    expect(mapped.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(mapped.message).toContain(mapped.requestId);
  });

  it("puts a bare message key in the errors namespace and leaves a dotted one alone", () => {
    expect(qualifiedKey("notFound")).toBe("errors.notFound");
    expect(qualifiedKey("api.notFound")).toBe("api.notFound");
  });
});
