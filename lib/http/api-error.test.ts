// Route handlers' JSON errors and server actions' results, both from the one mapping: the same
// failure gives the API caller a status, code and message in its language, and the form a
// message key with its fields; nothing unexpected shows its message or stack.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConflictError, NotFoundError, RateLimitError, ValidationError } from "@/lib/errors";
import { actionFailure, runAction } from "./action-result";
import { errorResponse, handleErrors, type ApiErrorBody } from "./api-error";

const request = (language = "en") =>
  new Request("http://localhost/api/v1/operations", { headers: { "accept-language": language } });

async function bodyOf(res: Response): Promise<ApiErrorBody["error"]> {
  return ((await res.json()) as ApiErrorBody).error;
}

describe("errorResponse", () => {
  it("answers a typed error with its status, code and message in the caller's language", async () => {
    const en = errorResponse(request("en"), new NotFoundError("api.notFound"), "req-1");
    expect(en.status).toBe(404);
    expect(en.headers.get("x-request-id")).toBe("req-1");
    expect(await bodyOf(en)).toEqual({ code: "NOT_FOUND", message: "No such API endpoint.", requestId: "req-1" });
    const es = await bodyOf(errorResponse(request("es-MX,es;q=0.9"), new NotFoundError("api.notFound"), "req-1"));
    expect(es.message).not.toBe("No such API endpoint.");
    expect(es.message).not.toMatch(/^api\./);
  });

  it("answers a zod error with 422 and each field's path, code and message", async () => {
    const parsed = z.object({ name: z.string().min(1, "required") }).safeParse({ name: "" });
    const res = errorResponse(request(), parsed.error);
    expect(res.status).toBe(422);
    const error = await bodyOf(res);
    expect(error.code).toBe("VALIDATION");
    expect(error.issues).toEqual([{ path: "name", code: "required", message: "This field is required." }]);
  });

  it("puts Retry-After on a 429", () => {
    const res = errorResponse(request(), new RateLimitError("api.rateLimited", { retryAfter: 9 }));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("9");
  });

  it("answers anything unexpected with a generic 500 that names the request id, never the error", async () => {
    const res = errorResponse(request(), new Error("password authentication failed for user cg"), "req-9");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/password|authentication|at .*\.ts|Error:/);
    expect(JSON.parse(text).error).toEqual({
      code: "INTERNAL",
      message: "Something went wrong. Reference: req-9",
      requestId: "req-9",
    });
  });

  it("wraps a route handler so what it throws becomes the JSON answer", async () => {
    const handler = handleErrors(async () => {
      throw new ConflictError();
    });
    const res = await handler(request(), undefined);
    expect(res.status).toBe(409);
    expect((await bodyOf(res)).code).toBe("CONFLICT");
  });
});

describe("server action results", () => {
  it("carry a typed error's message key, with its parameters, and no request id", async () => {
    expect(await runAction(async () => Promise.reject(new ConflictError("operations.stale", { version: 3 })))).toEqual({
      ok: false,
      formError: 'operations.stale::{"version":3}',
      fieldErrors: {},
    });
  });

  it("carry a validation failure's fields, the first message per field, unqualified for the form", () => {
    const failure = actionFailure(
      new ValidationError([
        { path: "name", message: "required" },
        { path: "name", message: "tooShort" },
        { path: "", message: "errors.invalidJson" },
      ]),
    );
    expect(failure).toEqual({
      ok: false,
      formError: "errors.validation",
      fieldErrors: { name: "required", _form: "errors.invalidJson" },
    });
  });

  it("carry a zod error's fields", async () => {
    const result = await runAction(async () =>
      z.object({ email: z.string().email("invalidEmail") }).parse({ email: "x" }),
    );
    expect(result).toEqual({ ok: false, formError: "errors.validation", fieldErrors: { email: "invalidEmail" } });
  });

  it("turn anything unexpected into the generic message with a request id", async () => {
    const result = await runAction(async () => {
      throw new Error("duplicate key value violates unique constraint");
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.formError).toBe(`errors.generic::${JSON.stringify({ requestId: result.requestId })}`);
    expect(JSON.stringify(result)).not.toContain("duplicate key");
  });

  it("let Next's redirect and notFound signals through", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/x;307;" });
    await expect(runAction(async () => Promise.reject(redirect))).rejects.toBe(redirect);
  });

  it("return the data on success", async () => {
    expect(await runAction(async () => 42)).toEqual({ ok: true, data: 42 });
  });
});
