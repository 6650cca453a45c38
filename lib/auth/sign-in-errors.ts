// How a refused sign-in travels from the server to the sign-in form: next-auth passes the
// error text through the callback URL, so it is a short code rather than a sentence.
export type SignInError =
  | { code: "INVALID" }
  | { code: "BAD_CODE" }
  | { code: "ENROL" }
  | { code: "LOCKED"; minutes: number }
  | { code: "ERROR"; requestId: string };

export function encodeSignInError(e: SignInError): string {
  if (e.code === "LOCKED") return `LOCKED:${e.minutes}`;
  if (e.code === "ERROR") return `ERROR:${e.requestId}`;
  return e.code;
}

export function decodeSignInError(text: string | null | undefined): SignInError {
  const [code, arg] = (text ?? "").split(":");
  if (code === "INVALID" || code === "BAD_CODE" || code === "ENROL") return { code };
  if (code === "LOCKED" && /^\d+$/.test(arg ?? "")) return { code, minutes: Number(arg) };
  if (code === "ERROR" && /^[\w-]{1,64}$/.test(arg ?? "")) return { code, requestId: arg };
  // next-auth's own codes (e.g. a missing CSRF token) mean nothing to a user: ask them to retry.
  return { code: "ERROR", requestId: "-" };
}
