// Where to go after signing in: only a path on this site, whatever was put in `callbackUrl`.
// Browsers drop tabs and newlines inside URLs and read "\" as "/", so "/\t/evil.example" or
// "/\evil.example" would leave the site; the value is therefore parsed the way a browser parses
// it, and only its normalised path, query and fragment are ever handed back.

const BASE = "http://callback.invalid";
// C0 controls, DEL and the Unicode line/paragraph separators: never part of a path we follow.
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
// Pages that must not be a destination after signing in (they would loop or answer with JSON).
const NOT_DESTINATIONS = ["/login", "/api/"];

/**
 * A same-site path ("/…") to follow after sign-in, or "/" when `value` could lead anywhere else.
 * With `origin`, an absolute URL on exactly that origin is accepted and reduced to its path.
 */
export function safeCallbackPath(value: unknown, origin?: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return "/";
  let candidate = value;
  if (origin && !candidate.startsWith("/")) {
    const absolute = parse(candidate);
    if (!absolute || absolute.origin !== new URL(origin).origin) return "/";
    candidate = absolute.pathname + absolute.search + absolute.hash;
  }
  if (!looksLocal(candidate)) return "/";
  // Encoded variants ("%2F%2Fevil", "%5Cevil", "%09"): whatever they decode to must be local too.
  let decoded = candidate;
  for (let i = 0; i < 3; i++) {
    const next = decodeOnce(decoded);
    if (next === null) return "/";
    if (next === decoded) break;
    if (!looksLocal(next) || next.toLowerCase().includes("://")) return "/";
    decoded = next;
  }
  const url = parse(candidate);
  if (!url || url.origin !== BASE) return "/";
  const path = url.pathname + url.search + url.hash;
  // "/.//evil" normalises to "//evil": a protocol-relative reference once it is a Location.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  if (NOT_DESTINATIONS.some((p) => path.startsWith(p))) return "/";
  return path;
}

function looksLocal(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !CONTROL.test(value) && !value.includes("\\");
}

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null; // a malformed escape: not a path anyone meant to send
  }
}

function parse(value: string): URL | null {
  try {
    return new URL(value, BASE);
  } catch {
    return null;
  }
}
