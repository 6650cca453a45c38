"use client";
import { signOut } from "next-auth/react";
import { useT } from "@/components/i18n/i18n-provider";

export function SignOutButton() {
  const t = useT("common");
  return (
    <button
      type="button"
      data-testid="sign-out"
      onClick={() => signOut({ callbackUrl: "/login?reason=signedOut" })}
      className="rounded-md border border-white/60 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800"
    >
      {t("signOut")}
    </button>
  );
}
