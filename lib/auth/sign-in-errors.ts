// How a refused sign-in travels from the server to the sign-in form: next-auth passes the
// error text through the callback URL, so it is a short code rather than a sentence.
export type SignInError =
  | { code: "INVALID" }
  | { code: "BAD_CODE" }
  | { code: "ENROL" }
  | { code: "LOCKED"; minutes: number }
  /** Too many attempts from this address or naming this account: wait, then try again. */
  | { code: "THROTTLED"; retryAfterSec: number }
  | { code: "ERROR"; requestId: string };

export function encodeSignInError(e: SignInError): string {
  if (e.code === "LOCKED") return `LOCKED:${e.minutes}`;
  if (e.code === "THROTTLED") return `THROTTLED:${e.retryAfterSec}`;
  if (e.code === "ERROR") return `ERROR:${e.requestId}`;
  return e.code;
}

export function decodeSignInError(text: string | null | undefined): SignInError {
  const [code, arg] = (text ?? "").split(":");
  if (code === "INVALID" || code === "BAD_CODE" || code === "ENROL") return { code };
  if (code === "LOCKED" && /^\d+$/.test(arg ?? "")) return { code, minutes: Number(arg) };
  if (code === "THROTTLED" && /^\d{1,6}$/.test(arg ?? "")) return { code, retryAfterSec: Number(arg) };
  if (code === "ERROR" && /^[\w-]{1,64}$/.test(arg ?? "")) return { code, requestId: arg };
  // next-auth's own codes (e.g. a missing CSRF token) mean nothing to a user: ask them to retry.
  return { code: "ERROR", requestId: "-" };
}

/** Whole minutes to wait, rounded up, for the message the user sees. */
export function throttleMinutes(retryAfterSec: number): number {
  return Math.max(1, Math.ceil(retryAfterSec / 60));
}

/** The wait of a throttled refusal in next-auth's JSON answer ({ url: "…?error=THROTTLED:n" }), or null. */
export function throttledRetryAfter(jsonBody: string): number | null {
  try {
    const { url } = JSON.parse(jsonBody) as { url?: unknown };
    if (typeof url !== "string") return null;
    const error = decodeSignInError(new URL(url, "http://x.invalid").searchParams.get("error"));
    return error.code === "THROTTLED" ? error.retryAfterSec : null;
  } catch {
    return null;
  }
}
