// The plain 429 the production server's own handlers (outside Next.js and the API's JSON errors)
// answer with when a per-address limit refuses a request: public record pages, the API reference.
import type { ServerResponse } from "node:http";

export function answerTooMany(res: ServerResponse, retryAfterSec: number): void {
  res.writeHead(429, { "content-type": "text/plain; charset=utf-8", "retry-after": String(retryAfterSec) });
  res.end("Too many requests\n");
}
