// Response headers every page and endpoint carries. The static ones come from next.config.ts for
// what Next.js serves; the page Content-Security-Policy needs a fresh nonce per request, so the
// proxy (proxy.ts) sets it; the production server (server/serve.ts) adds HSTS to every response
// when the portal is served over https, and its /api/v1 path adds the API headers itself.
import { env } from "../env";

export type Header = { key: string; value: string };

export const securityHeaders: Header[] = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self)" },
];

/** JSON, XML and calendar answers never load anything, and nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const apiSecurityHeaders: Header[] = [
  ...securityHeaders,
  { key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY },
];

/** Two years, subdomains included: only ever sent when the portal is reached over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** 128 random bits, base64: unguessable and never reused (Web Crypto, so it runs in the proxy too). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The origin a tile URL template loads from, as a CSP source: "https://{s}.tile.example.org/{z}/…"
 * becomes "https://*.tile.example.org". Null when the template names no usable origin.
 */
export function tileSource(tileUrl: string | null | undefined): string | null {
  const match = tileUrl ? /^(https?):\/\/([^/?#]+)/i.exec(tileUrl) : null;
  if (!match) return null;
  const [, scheme, authority] = match;
  // A subdomain placeholder can only be a leading wildcard; anywhere else, no source is safe to name.
  const host = authority.replace(/^\{[^}]*\}\./, "*.");
  if (/[{}\s;,'"]/.test(host)) return null;
  return `${scheme.toLowerCase()}://${host.toLowerCase()}`;
}

export type PagePolicyOptions = { nonce: string; tileUrl?: string | null; https?: boolean; dev?: boolean };

/**
 * The policy for every page. Scripts run only when they carry this response's nonce (Next.js adds
 * it to its own) or were loaded by one that did ('strict-dynamic'). Styles are the app's
 * stylesheets and Next's nonced inline styles; maps move their tiles and panes through the style
 * property (CSSOM), which a policy does not govern, so no 'unsafe-inline' is needed.
 */
export function pageContentSecurityPolicy({ nonce, tileUrl, https = false, dev = false }: PagePolicyOptions): string {
  const tiles = tileSource(tileUrl);
  const directives = [
    "default-src 'self'",
    // React rebuilds server error stacks with eval in development only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The nonce a policy allows scripts by, or null (for tests and for reading it back). */
export function nonceOf(policy: string | null | undefined): string | null {
  return policy ? (/'nonce-([^']+)'/.exec(policy)?.[1] ?? null) : null;
}

/** Whether the portal's public address is https (NEXTAUTH_URL): HSTS, secure cookies and their prefixes follow. */
export function servedOverHttps(): boolean {
  return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
}
