"use client";
import { useT } from "@/components/i18n/i18n-provider";
import { signOutAction } from "@/app/_auth/actions";

export function SignOutButton() {
  const t = useT("common");
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        data-testid="sign-out"
        className="rounded-md border border-white/60 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800"
      >
        {t("signOut")}
      </button>
    </form>
  );
}
