// Signing a simulated person in the way the sign-in page does: step one, the password, through
// the page's server action; step two, password and the authenticator's current code, to
// next-auth's credentials callback, which sets the session cookie the browser then keeps.
import { demoTotpSecret } from "@/lib/auth/demo";
import { TOTP_PERIOD_SECONDS, base32Decode, hotp } from "@/lib/auth/totp";
import type { Browser } from "./browser";

export async function signIn(browser: Browser, email: string, password: string, beginSignInId: string): Promise<void> {
  const login = await browser.page("/login");
  if (login.status !== 200) throw new Error(`GET /login: ${login.status}`);
  const step1 = await browser.action<{ status: string }>("/login", beginSignInId, [{ email, password }]);
  if (step1.result?.status !== "CODE_REQUIRED")
    throw new Error(`sign-in step one for ${email}: ${step1.reply.status} ${JSON.stringify(step1.result)}`);
  const csrf = await browser.request("GET", "/api/auth/csrf", { Accept: "application/json" });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const step = Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
  const code = hotp(base32Decode(demoTotpSecret(email)), step);
  const form = new URLSearchParams({ email, password, code, csrfToken, callbackUrl: "/", json: "true" });
  const res = await browser.request(
    "POST",
    "/api/auth/callback/credentials",
    { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    form.toString(),
  );
  const url = (JSON.parse(res.body || "{}") as { url?: string }).url ?? "";
  if (res.status !== 200 || url.includes("error="))
    throw new Error(`sign-in step two for ${email}: ${res.status} ${url}`);
}
