// next-auth's endpoints (CSRF token, credentials callback, sign-out). The options are built per
// request so configuration is read at run time, not at build time. A throttled sign-in is
// answered 429 with Retry-After (next-auth itself only knows redirects and 401).
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { throttledRetryAfter } from "@/lib/auth/sign-in-errors";
import { authOptions } from "@/lib/auth/session";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: Context): Promise<Response> {
  const res: Response = await NextAuth(req, context, authOptions());
  if (req.method !== "POST" || !res.headers.get("content-type")?.includes("application/json")) return res;
  const body = await res.text();
  const retryAfter = throttledRetryAfter(body);
  const headers = new Headers(res.headers);
  if (retryAfter !== null) headers.set("Retry-After", String(retryAfter));
  return new Response(body, { status: retryAfter === null ? res.status : 429, headers });
}

export { handler as GET, handler as POST };
