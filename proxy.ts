// Runs before every page: gives the page its Content-Security-Policy with a fresh nonce (Next.js
// reads the nonce from the request's policy header and puts it on its own scripts), and sends
// visitors without a session token to /login. It only redirects: every page, action and handler
// still checks the actor itself, and the session's validity is decided there.
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath } from "@/lib/auth/public-paths";
import { secureCookies, sessionCookieName } from "@/lib/auth/cookie";
import { env } from "@/lib/env";
import { isLocale, PUBLIC_LOCALE_HEADER } from "@/lib/i18n/locales";
import { newNonce, pageContentSecurityPolicy, servedOverHttps } from "@/lib/http/security-headers";

const LOCALE_COOKIE = "cg_locale";
const API_DOCS_PATH = "/api/docs";

export default async function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  if (!isPublicPath(pathname)) {
    // Options are read per request: configuration is validated at run time, not at build time.
    const redirect = await withAuth(req as NextRequestWithAuth, {
      secret: env().AUTH_SECRET,
      pages: { signIn: "/login" },
      cookies: { sessionToken: { name: sessionCookieName() } },
    });
    if (redirect) return redirect;
  }
  // Routes under /api/ get the API's own policy from next.config.ts; the API reference is a page.
  if (pathname.startsWith("/api/") && pathname !== API_DOCS_PATH) return NextResponse.next();
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    tileUrl: env().MAP_TILE_URL,
    https: servedOverHttps(),
    dev: env().NODE_ENV === "development",
  });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  // The public record's language links (?lang=es) work without JavaScript: the choice becomes the
  // same cg_locale cookie the language switch sets, for this request and the ones after it.
  const publicRecord = pathname === "/transparency" || pathname.startsWith("/transparency/");
  const lang = publicRecord || pathname === API_DOCS_PATH ? req.nextUrl.searchParams.get("lang") : null;
  if (isLocale(lang)) {
    const others = (req.headers.get("cookie") ?? "")
      .split(/;\s*/)
      .filter((c) => c && !c.startsWith(`${LOCALE_COOKIE}=`));
    requestHeaders.set("cookie", [...others, `${LOCALE_COOKIE}=${lang}`].join("; "));
  }
  // On the public record the reader's choice of language wins, signed in or not; a signed-in
  // person's saved language (their account's) is left as it is for the portal.
  const publicChoice = isLocale(lang) ? lang : publicRecord ? req.cookies.get(LOCALE_COOKIE)?.value : null;
  if (isLocale(publicChoice)) requestHeaders.set(PUBLIC_LOCALE_HEADER, publicChoice);
  else requestHeaders.delete(PUBLIC_LOCALE_HEADER);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (isLocale(lang))
    response.cookies.set(LOCALE_COOKIE, lang, {
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
      sameSite: "lax",
      httpOnly: true,
      secure: secureCookies(),
    });
  return response;
}

export const config = {
  // Next's build output and image optimiser never need a session or a policy of their own, and
  // the routes that authenticate each request themselves (API tokens, calendar tokens, sign-in,
  // the test clock) never redirect: the proxy is not run for them at all, which keeps it off the
  // CAD/RMS systems' hot path.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/|api/calendar/|api/auth/|api/test/).*)"],
};
