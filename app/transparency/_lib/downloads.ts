// What the public record's downloads and feed share: a per-address limit, and answers that never
// carry a stack trace. Published files change only on publication, so shared caches may keep them
// for a few minutes.
import { db } from "@/lib/db/client";
import { requestContextFrom } from "@/lib/auth/request-context";
import { log } from "@/lib/log";
import { consume } from "@/lib/rate-limit/limiter";

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

export async function publicDownload(req: Request, answer: () => Promise<Response>): Promise<Response> {
  const context = requestContextFrom(req.headers);
  try {
    const verdict = await consume(db(), "publicDownload", `ip:${context.sourceIp ?? "unknown"}`);
    if (!verdict.allowed)
      return new Response("Too many requests\n", {
        status: 429,
        headers: { ...TEXT, "Retry-After": String(verdict.retryAfterSec) },
      });
    return await answer();
  } catch (err) {
    log.error({ err, requestId: context.requestId }, "public download failed");
    return new Response("Temporarily unavailable\n", { status: 503, headers: { ...TEXT, "Retry-After": "60" } });
  }
}

export const notFoundText = () => new Response("Not found\n", { status: 404, headers: TEXT });
export const PUBLIC_CACHE = "public, max-age=300";
