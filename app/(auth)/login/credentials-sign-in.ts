// Step two, in the browser: posts email, password and code to next-auth's credentials callback
// (its documented REST endpoints), which sets the session cookie on success.
import { decodeSignInError, type SignInError } from "@/lib/auth/sign-in-errors";

export type SignInOutcome = { ok: true } | { ok: false; error: SignInError };

export async function credentialsSignIn(fields: {
  email: string;
  password: string;
  code: string;
}): Promise<SignInOutcome> {
  try {
    const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: string };
    const res = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken ?? "", callbackUrl: "/", json: "true" }),
    });
    const data = (await res.json()) as { url?: string };
    const error = data.url ? new URL(data.url, window.location.href).searchParams.get("error") : "ERROR";
    return res.ok && !error ? { ok: true } : { ok: false, error: decodeSignInError(error) };
  } catch {
    return { ok: false, error: { code: "ERROR", requestId: "-" } };
  }
}
