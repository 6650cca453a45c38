import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor, getPasswordChangeActor } from "@/lib/auth/session";
import { signOutAction } from "../../_auth/actions";
import { getT } from "../../_i18n/server";
import { ChangePasswordForm } from "../../(app)/account/account-forms";
import { changeRequiredPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("auth");
  return { title: t("mustChange.title") };
}

// The step after signing in with a password an admin chose: nothing else opens until it is replaced.
export default async function ChangePasswordPage() {
  const actor = await getPasswordChangeActor();
  if (!actor) redirect((await getActor()) ? "/account" : "/login");
  const t = await getT("auth");
  return (
    <div
      className="flex flex-col gap-4 rounded-lg border border-line bg-white p-6 shadow-sm"
      data-testid="must-change-password"
    >
      <h1 className="text-2xl font-semibold tracking-tight">{t("mustChange.title")}</h1>
      <p className="text-muted">{t("mustChange.intro")}</p>
      <p className="text-sm text-muted">{t("signIn.signingInAs", { email: actor.email ?? "" })}</p>
      <ChangePasswordForm action={changeRequiredPasswordAction} />
      <form action={signOutAction}>
        <button type="submit" className="text-sm text-brand-dark underline underline-offset-2" data-testid="sign-out">
          {t("mustChange.signOut")}
        </button>
      </form>
    </div>
  );
}
