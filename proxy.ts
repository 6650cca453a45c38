// Sends visitors without a session token to /login. It only redirects: every page, action and
// handler still checks the actor itself, and the session's validity is decided there.
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import type { NextRequest } from "next/server";
import { sessionCookieName } from "@/lib/auth/cookie";
import { isPublicPath } from "@/lib/auth/public-paths";
import { env } from "@/lib/env";

export default async function proxy(req: NextRequest) {
  if (isPublicPath(req.nextUrl.pathname)) return;
  // Options are read per request: configuration is validated at run time, not at build time.
  return withAuth(req as NextRequestWithAuth, {
    secret: env().AUTH_SECRET,
    pages: { signIn: "/login" },
    cookies: { sessionToken: { name: sessionCookieName() } },
  });
}

export const config = {
  // Next's build output and image optimiser never need a session, and the routes that authenticate
  // each request themselves (API tokens, calendar tokens, sign-in, the test clock) never redirect:
  // the proxy is not run for them at all, which keeps it off the CAD/RMS systems' hot path.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/|api/calendar/|api/auth/|api/test/).*)"],
};
