"use server";
// Signing this browser out: the server-side session ends (and is audited), the cookie goes.
import { redirect } from "next/navigation";
import { signOutThisBrowser } from "@/lib/auth/session";

export async function signOutAction(): Promise<void> {
  await signOutThisBrowser();
  redirect("/login?reason=signedOut");
}
