"use server";
// Account page actions: each checks the actor itself and returns the shared ActionResult shape.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { LOCALE_COOKIE, localeCookieOptions } from "@/app/_i18n/server";
import { changePassword } from "@/lib/auth/change-password";
import { clearSessionCookie, getActor } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { setUserLocale } from "@/lib/preferences/set-locale";
import { localePreferenceSchema } from "@/lib/validation/auth";
import { saveFilingDefaults } from "@/lib/users/filing-defaults";

async function signedIn() {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return actor;
}

export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  const result = await runAction(async () => {
    const actor = await signedIn();
    await changePassword({ actor, input, now: await currentTime(db()) });
    return undefined;
  });
  if (!result.ok) return result;
  await clearSessionCookie();
  redirect("/login?reason=passwordChanged");
}

export async function setLanguageAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await signedIn();
    const { locale } = localePreferenceSchema.parse(input);
    await setUserLocale(db(), { actor, locale, now: await currentTime(db()) });
    (await cookies()).set(LOCALE_COOKIE, locale, localeCookieOptions());
    revalidatePath("/", "layout");
    return undefined;
  });
}

export async function signOutEverywhereAction(): Promise<ActionResult> {
  const result = await runAction(async () => {
    const actor = await signedIn();
    await signOutEverywhere({ actor, now: await currentTime(db()) });
    return undefined;
  });
  if (!result.ok) return result;
  await clearSessionCookie();
  redirect("/login?reason=signedOut");
}

/** The person's own filing defaults (each person's, never another's). */
export async function saveFilingDefaultsAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await signedIn();
    await saveFilingDefaults({ db: db(), actor, input, now: await currentTime(db()) });
    revalidatePath("/account");
    return undefined;
  });
}
