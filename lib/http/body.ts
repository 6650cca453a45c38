// Reading a JSON request body for /api/v1: JSON only (415 otherwise), bounded in size (413), and
// malformed JSON is a 400 with a clear message — never an exception that becomes a 500.
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from "@/lib/errors";

/** Enough for a 1,000-vertex polygon with generous formatting. */
export const MAX_BODY_BYTES = 512 * 1024;

/**
 * Bodies the production server read whole before building the request (server/lib/api-server.ts):
 * a request made without a body stream is far cheaper than one with. Kept on globalThis, so every
 * copy of this module sees the same map.
 */
const g = globalThis as unknown as { __cgPreReadBodies?: WeakMap<Request, Buffer> };
const preReadBodies = (g.__cgPreReadBodies ??= new WeakMap<Request, Buffer>());

/** Hands `req` its body, read already (at most MAX_BODY_BYTES + 1 bytes: enough to answer 413). */
export function withPreReadBody(req: Request, body: Buffer): Request {
  preReadBodies.set(req, body);
  return req;
}

async function readText(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new PayloadTooLargeError("api.bodyTooLarge", { max: MAX_BODY_BYTES });
  const preRead = preReadBodies.get(req);
  if (preRead) {
    if (preRead.length > MAX_BODY_BYTES) throw new PayloadTooLargeError("api.bodyTooLarge", { max: MAX_BODY_BYTES });
    return preRead.toString("utf8");
  }
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError("api.bodyTooLarge", { max: MAX_BODY_BYTES });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The body as a parsed JSON object, for the domain function to validate with the same schema the
 * forms use. `optional` lets an empty body stand for `{}`.
 */
export async function readBody(req: Request, options: { optional?: boolean } = {}): Promise<Record<string, unknown>> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const text = await readText(req);
  let raw: unknown = {};
  if (text.trim() !== "" || !options.optional) {
    if (type !== "application/json") throw new UnsupportedMediaTypeError("api.unsupportedMediaType");
    try {
      raw = JSON.parse(text);
    } catch {
      throw new BadRequestError("errors.invalidJson");
    }
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new BadRequestError("api.bodyNotObject");
  return raw as Record<string, unknown>;
}

/** Query-string parameters as a plain object, for the list endpoints' schemas. */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams.entries());
}
