// Typed, expected failures. Their messages are i18n keys (namespace "errors") safe to show a user;
// anything else is logged and shown as a generic error with a request id.

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  readonly status: number = 500;
  readonly code: string = "INTERNAL";
  readonly params?: Record<string, string | number>;
  constructor(message: string, params?: Record<string, string | number>) {
    super(message);
    this.name = new.target.name;
    this.params = params;
  }
}

export class ValidationError extends AppError {
  readonly status = 422;
  readonly code = "VALIDATION";
  constructor(
    readonly issues: FieldIssue[],
    message = "validation",
  ) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = "NOT_FOUND";
  constructor(message = "notFound") {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = "FORBIDDEN";
  constructor(message = "forbidden") {
    super(message);
  }
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly code = "UNAUTHORIZED";
  constructor(message = "unauthorized") {
    super(message);
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code = "CONFLICT";
  constructor(message = "conflict", params?: Record<string, string | number>) {
    super(message, params);
  }
}

export class RateLimitError extends AppError {
  readonly status = 429;
  readonly code = "RATE_LIMITED";
  constructor(message = "rateLimited", params?: Record<string, string | number>) {
    super(message, params);
  }
}

/** A request the API cannot read: malformed JSON, or a body that is not a JSON object. */
export class BadRequestError extends AppError {
  readonly status = 400;
  readonly code = "BAD_REQUEST";
}

/** A body that is not JSON. */
export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly code = "UNSUPPORTED_MEDIA_TYPE";
}

/** A body larger than the API reads. */
export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = "PAYLOAD_TOO_LARGE";
}

/** An API token without the scope an endpoint needs. */
export class InsufficientScopeError extends AppError {
  readonly status = 403;
  readonly code = "INSUFFICIENT_SCOPE";
}

/** A method the route does not serve. */
export class MethodNotAllowedError extends AppError {
  readonly status = 405;
  readonly code = "METHOD_NOT_ALLOWED";
}

/** The request was sound but cannot be served now (e.g. it could not be accounted for). */
export class UnavailableError extends AppError {
  readonly status = 503;
  readonly code = "UNAVAILABLE";
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Turns a zod error into field issues with dotted paths. */
export function zodIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}
