// GET /api/v1/openapi.json — the API's OpenAPI 3.1 document (lib/api-contract). No token needed:
// it describes the API, nothing of any agency's data. Cacheable; the ETag changes with it.
import { createHash } from "node:crypto";
import { openApiDocument } from "@/lib/api-contract/document";

let etag: string | undefined;

export async function GET(req: Request): Promise<Response> {
  const { text } = openApiDocument();
  etag ??= `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "public, max-age=300",
    etag,
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(text, { headers });
}
