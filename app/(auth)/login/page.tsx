import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getSessionState, type SessionState } from "@/lib/auth/session";
import { decodeSignInError, throttleMinutes } from "@/lib/auth/sign-in-errors";
import { log } from "@/lib/log";
import { getT } from "../../_i18n/server";
import { SignInForm } from "./sign-in-form";

type Search = { reason?: string; callbackUrl?: string; error?: string };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("auth");
  return { title: t("signIn.title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const state: SessionState = await getSessionState().catch((err: unknown) => {
    log.error({ err }, "could not read the session on the sign-in page");
    return { actor: null, reason: null };
  });
  if (state.actor) redirect(callbackUrl);
  if (state.reason === "passwordChangeRequired") redirect("/change-password");

  const t = await getT("auth");
  const reasons: Record<string, string> = {
    idle: t("reason.idle"),
    expired: t("reason.expired"),
    signedOut: t("reason.signedOut"),
    passwordChanged: t("reason.passwordChanged"),
  };
  // The reason in the URL, else the one the old session cookie still tells (an idle lock).
  const notice =
    (params.reason && reasons[params.reason]) ||
    (state.reason && reasons[state.reason]) ||
    (params.error ? errorNotice(params.error, t) : null);

  return (
    <div className="flex flex-col gap-4">
      {notice ? (
        <p
          role="status"
          data-testid="sign-in-notice"
          className="rounded-md border border-blue-300 bg-blue-50 px-4 py-3 text-blue-950"
        >
          {notice}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}

/** next-auth's redirect after a refusal (without script): a throttled sign-in says how long to wait. */
function errorNotice(error: unknown, t: Awaited<ReturnType<typeof getT>>): string {
  const decoded = decodeSignInError(typeof error === "string" ? error : null);
  return decoded.code === "THROTTLED"
    ? t("signIn.throttled", { minutes: throttleMinutes(decoded.retryAfterSec) })
    : t("reason.error");
}
