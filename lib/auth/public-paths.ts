// Paths anyone may open without signing in. Everything else sends a visitor without a session
// to /login (the proxy only redirects; pages and handlers still check the actor themselves).
// /transparency: the public record, for everyone.
// /api/calendar/<token>: calendar apps cannot sign in; the secret token in the URL is the credential.
// /act/<token>: an emailed one-time link; it acts only for its addressed person, once (lib/action-links).
const PUBLIC_PREFIXES = [
  "/act/",
  "/login",
  "/api/auth/",
  "/api/v1/",
  "/api/test/",
  "/api/calendar/",
  "/public/",
  "/reports/",
  "/transparency/",
  "/_next/",
];
const PUBLIC_EXACT = new Set([
  "/api/auth",
  // The API reference: it describes the API, nothing of any agency's data.
  "/api/docs",
  "/api/v1",
  "/public",
  "/reports",
  "/transparency",
  "/favicon.ico",
  "/robots.txt",
]);
// Static files served from public/ (fonts, images, map workers).
const STATIC_FILE = /\.(?:css|js|mjs|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|txt|xml|json|pbf|geojson)$/i;

export function isPublicPath(pathname: string): boolean {
  if (PUBLIC_EXACT.has(pathname)) return true;
  if (pathname === "/login" || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p.endsWith("/") ? p : `${p}/`)))
    return true;
  return STATIC_FILE.test(pathname);
}
