// How an /api/v1 handler answers: through the operation's public response schema, so the body is
// typed by the contract (a field the schema lacks is a compile error where it is built, and is
// stripped if it arrives from a wider internal view) and checked against it before it is sent.
import type { z } from "zod";
import { jsonResponse } from "../http/json-response";

export function respond<S extends z.ZodType>(
  schema: S,
  body: z.input<S>,
  status = 200,
  headers?: Record<string, string>,
): Response {
  return jsonResponse(schema.parse(body), { status, headers });
}
